package dev.registryclient.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.registryclient.api.Descriptor;
import dev.registryclient.api.Digest;
import dev.registryclient.api.MediaType;
import dev.registryclient.api.client.DiffIdCheck;
import dev.registryclient.api.client.PullResult;
import dev.registryclient.api.client.PulledBlob;
import dev.registryclient.api.client.RegistryClient;
import dev.registryclient.api.exception.DiffIdMismatchException;
import dev.registryclient.api.manifest.ImageManifest;
import dev.registryclient.oci.layout.OciLayout;
import dev.registryclient.testkit.distribution.DistributionRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Layer diff_ids against images other tools made, in a real docker-registry: umoci builds a gzip
 * image, skopeo recompresses it to zstd (from an uncompressed {@code dir:} copy, which is how
 * skopeo 1.9 writes zstd layers), and a copy of the layout whose config lists a wrong diff_id is
 * pushed as it is. The SDK verifies the first two and refuses the third.
 */
class DiffIdIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path tmp;
  static DistributionRegistry registry;
  static DistributionRegistry zstdRegistry;
  static String repo;
  static String zstdRepo;
  RegistryClient client;

  @BeforeAll
  static void start() {
    registry = DistributionRegistry.builder().start();
    // a registry of its own: skopeo's blob-info cache would otherwise reuse the gzip layers already
    // pushed there (same uncompressed content) instead of compressing to zstd
    zstdRegistry = DistributionRegistry.builder().start();
    repo = registry.hostAndPort() + "/it/diffids";
    zstdRepo = zstdRegistry.hostAndPort() + "/it/zstd";
    Images.helloLayout(tmp, "base", "hello\n");
    Path layout = Images.fileLayout(tmp, "two", "data.txt", "some data\n".repeat(1000).getBytes());
    Images.push(layout, "two", repo + ":gzip", "--format", "oci");
    Images.push(layout, "two", repo + ":v2s2", "--format", "v2s2");

    Path plain = tmp.resolve("plain");
    Images.skopeo("copy", "--dest-decompress", "oci:" + layout + ":two", "dir:" + plain);
    Images.skopeo(
        "copy",
        "--dest-tls-verify=false",
        "--format",
        "oci",
        "--dest-compress",
        "--dest-compress-format",
        "zstd",
        "dir:" + plain,
        "docker://" + zstdRepo + ":zstd");

    withWrongDiffId(layout, "two", "lying");
    Images.push(layout, "lying", repo + ":lying", "--format", "oci");
  }

  @AfterAll
  static void stop() {
    registry.close();
    zstdRegistry.close();
  }

  @BeforeEach
  void client() {
    client = RegistryClient.builder().build();
  }

  @AfterEach
  void close() {
    client.close();
  }

  @Test
  void skopeosZstdLayersAreDecodedAndMatchTheirDiffIds() {
    ImageManifest manifest = (ImageManifest) client.manifest(zstdRepo + ":zstd");
    assertThat(manifest.layers())
        .extracting(Descriptor::mediaType)
        .containsOnly(MediaType.OCI_LAYER_TAR_ZSTD);

    PullResult result =
        client
            .pull(zstdRepo + ":zstd")
            .into(OciLayout.at(tmp.resolve("zstd")))
            .verifyDiffIds(true)
            .execute();

    assertThat(layerChecks(result))
        .hasSize(manifest.layers().size())
        .allMatch(DiffIdCheck::verified);
    assertThat(layerChecks(result)).extracting(DiffIdCheck::detail).containsOnly("zstd");
    assertThat(OciLayout.at(tmp.resolve("zstd")).reader().resolve("zstd")).isPresent();
  }

  @Test
  void umocisGzipLayersMatchTheirDiffIdsInOciAndDockerForm() {
    for (String tag : List.of("gzip", "v2s2")) {
      PullResult result =
          client
              .pull(repo + ":" + tag)
              .into(OciLayout.at(tmp.resolve(tag)))
              .verifyDiffIds(true)
              .execute();

      assertThat(layerChecks(result)).as(tag).isNotEmpty().allMatch(DiffIdCheck::verified);
      assertThat(layerChecks(result)).extracting(DiffIdCheck::detail).containsOnly("gzip");
    }
  }

  @Test
  void aConfigListingAWrongDiffIdFailsThePullAndNoTagIsStored() {
    OciLayout layout = OciLayout.at(tmp.resolve("lying"));

    assertThatThrownBy(
            () -> client.pull(repo + ":lying").into(layout).verifyDiffIds(true).execute())
        .isInstanceOfSatisfying(
            DiffIdMismatchException.class,
            e -> {
              assertThat(e.expectedDiffId()).isEqualTo(WRONG);
              assertThat(e.actualDiffId()).isPresent().get().isNotEqualTo(WRONG);
              assertThat(e.getMessage()).contains(repo + ":lying", e.layer().toString());
            });
    assertThat(layout.reader().manifests()).isEmpty();
  }

  @Test
  void theSameLyingImagePullsWhenNotAskedToVerify() {
    PullResult result =
        client.pull(repo + ":lying").into(OciLayout.at(tmp.resolve("lax"))).execute();

    assertThat(result.blobs()).allMatch(b -> b.diffIdCheck().isEmpty());
  }

  private static List<DiffIdCheck> layerChecks(PullResult result) {
    return result.blobs().stream().map(PulledBlob::diffIdCheck).flatMap(Optional::stream).toList();
  }

  private static final Digest WRONG = Digest.sha256("not the layer".getBytes());

  /**
   * Adds tag {@code newTag} to {@code layout}: the image {@code tag} with a config whose last
   * diff_id is {@link #WRONG}, the manifest rewritten to name that config.
   */
  private static void withWrongDiffId(Path layout, String tag, String newTag) {
    try {
      Path indexJson = layout.resolve("index.json");
      ObjectNode index = (ObjectNode) JSON.readTree(indexJson.toFile());
      JsonNode entry = null;
      for (JsonNode m : index.get("manifests")) {
        if (tag.equals(m.path("annotations").path("org.opencontainers.image.ref.name").asText())) {
          entry = m;
        }
      }
      ObjectNode manifest = (ObjectNode) JSON.readTree(blob(layout, entry.get("digest").asText()));
      ObjectNode config =
          (ObjectNode) JSON.readTree(blob(layout, manifest.get("config").get("digest").asText()));
      ArrayNode diffIds = (ArrayNode) config.get("rootfs").get("diff_ids");
      diffIds.set(diffIds.size() - 1, JSON.getNodeFactory().textNode(WRONG.toString()));
      Descriptor newConfig = write(layout, JSON.writeValueAsBytes(config));
      ((ObjectNode) manifest.get("config"))
          .put("digest", newConfig.digest().toString())
          .put("size", newConfig.size());
      Descriptor newManifest = write(layout, JSON.writeValueAsBytes(manifest));
      ObjectNode newEntry = ((ObjectNode) entry).deepCopy();
      newEntry.put("digest", newManifest.digest().toString()).put("size", newManifest.size());
      newEntry.putObject("annotations").put("org.opencontainers.image.ref.name", newTag);
      ((ArrayNode) index.get("manifests")).add(newEntry);
      Files.write(indexJson, JSON.writeValueAsBytes(index));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] blob(Path layout, String digest) throws IOException {
    return Files.readAllBytes(layout.resolve("blobs/sha256/" + Digest.parse(digest).hex()));
  }

  private static Descriptor write(Path layout, byte[] bytes) throws IOException {
    Digest digest = Digest.sha256(bytes);
    Files.write(layout.resolve("blobs/sha256/" + digest.hex()), bytes);
    return Descriptor.of(MediaType.OCTET_STREAM, digest, bytes.length);
  }
}
