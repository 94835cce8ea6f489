package dev.registryclient.oci.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.registryclient.api.Digest;
import dev.registryclient.api.MediaType;
import dev.registryclient.api.client.DiffIdCheck;
import dev.registryclient.api.client.PullEvent;
import dev.registryclient.api.client.PullResult;
import dev.registryclient.api.client.PulledBlob;
import dev.registryclient.api.client.RegistryClient;
import dev.registryclient.api.exception.DiffIdMismatchException;
import dev.registryclient.api.exception.Phase;
import dev.registryclient.core.store.MemoryBlobStore;
import dev.registryclient.oci.layer.LayerBytes;
import dev.registryclient.oci.layout.OciLayout;
import dev.registryclient.testkit.PushedBlob;
import dev.registryclient.testkit.TestRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClientDiffIdTest {
  private static final String GZIP = MediaType.OCI_LAYER_TAR_GZIP.toString();
  private static final String DOCKER_GZIP = MediaType.DOCKER_LAYER.toString();
  private static final String ZSTD = MediaType.OCI_LAYER_TAR_ZSTD.toString();
  private static final String TAR = MediaType.OCI_LAYER_TAR.toString();

  private final TestRegistry registry = TestRegistry.builder().start();
  private final RegistryClient client = RegistryClient.builder().build();
  @TempDir Path dir;

  @AfterEach
  void stop() {
    client.close();
    registry.close();
  }

  @Test
  void gzipLayersWhoseDiffIdsMatchPassAndAreReportedVerified() {
    byte[] a = LayerBytes.content(200_000, 1);
    byte[] b = LayerBytes.content(100_000, 2);
    String ref =
        image(
            "app",
            new Layer(LayerBytes.gzip(a), GZIP, Digest.sha256(a)),
            new Layer(LayerBytes.gzipTwoMembers(b), DOCKER_GZIP, Digest.sha256(b)));
    List<PullEvent> events = new CopyOnWriteArrayList<>();

    PullResult result =
        client
            .pull(ref)
            .into(OciLayout.at(dir))
            .onProgress(events::add)
            .verifyDiffIds(true)
            .execute();

    assertThat(checks(result))
        .containsExactly(
            DiffIdCheck.verified(Digest.sha256(a), "gzip"),
            DiffIdCheck.verified(Digest.sha256(b), "gzip"));
    assertThat(result.diffIdsNotChecked()).isEmpty();
    assertThat(events).filteredOn(PullEvent.DiffIdChecked.class::isInstance).hasSize(2);
    assertThat(OciLayout.at(dir).reader().resolve("1.0")).isPresent();
  }

  @Test
  void aWrongDiffIdFailsThePullNamingEverythingAndNoTagIsStored() {
    byte[] good = LayerBytes.content(50_000, 3);
    byte[] bad = LayerBytes.content(60_000, 4);
    Digest lie = Digest.sha256("not the content".getBytes(StandardCharsets.UTF_8));
    byte[] badGzip = LayerBytes.gzip(bad);
    String ref =
        image(
            "app",
            new Layer(LayerBytes.gzip(good), GZIP, Digest.sha256(good)),
            new Layer(badGzip, GZIP, lie));
    OciLayout layout = OciLayout.at(dir);

    assertThatThrownBy(() -> client.pull(ref).into(layout).verifyDiffIds(true).execute())
        .isInstanceOfSatisfying(
            DiffIdMismatchException.class,
            e -> {
              assertThat(e.layer()).isEqualTo(Digest.sha256(badGzip));
              assertThat(e.expectedDiffId()).isEqualTo(lie);
              assertThat(e.actualDiffId()).contains(Digest.sha256(bad));
              assertThat(e.image()).isEqualTo(ref);
              assertThat(e.context().phase()).isEqualTo(Phase.BLOB);
              assertThat(e.context().repository()).contains("app");
              assertThat(e.getMessage())
                  .contains(
                      Digest.sha256(badGzip).toString(),
                      lie.toString(),
                      Digest.sha256(bad).toString(),
                      ref,
                      registry.hostAndPort());
            });
    assertThat(layout.reader().tags()).isEmpty();
    assertThat(layout.reader().manifests()).isEmpty();
  }

  @Test
  void withoutVerifyDiffIdsAWrongDiffIdIsNeitherCheckedNorReported() {
    byte[] content = LayerBytes.content(50_000, 5);
    Digest lie = Digest.sha256(new byte[] {1});
    String ref = image("app", new Layer(LayerBytes.gzip(content), GZIP, lie));

    PullResult result = client.pull(ref).into(new MemoryBlobStore()).execute();

    assertThat(result.blobs()).allSatisfy(b -> assertThat(b.diffIdCheck()).isEmpty());
  }

  @Test
  void zstdLayersAreDecodedAndChecked() {
    byte[] content = LayerBytes.content(300_000, 6);
    String ref = image("zstd", new Layer(LayerBytes.zstd(content), ZSTD, Digest.sha256(content)));

    PullResult result = client.pull(ref).into(new MemoryBlobStore()).verifyDiffIds(true).execute();

    assertThat(checks(result))
        .containsExactly(DiffIdCheck.verified(Digest.sha256(content), "zstd"));
  }

  @Test
  void aZstdLayerWithAWrongDiffIdFails() {
    byte[] content = LayerBytes.content(30_000, 7);
    String ref =
        image("zstd", new Layer(LayerBytes.zstd(content), ZSTD, Digest.sha256(new byte[] {2})));

    assertThatThrownBy(
            () -> client.pull(ref).into(new MemoryBlobStore()).verifyDiffIds(true).execute())
        .isInstanceOf(DiffIdMismatchException.class);
  }

  @Test
  void anUncompressedLayersDiffIdIsItsOwnDigest() {
    byte[] tar = LayerBytes.content(40_000, 8);
    String ref = image("plain", new Layer(tar, TAR, Digest.sha256(tar)));

    PullResult result = client.pull(ref).into(new MemoryBlobStore()).verifyDiffIds(true).execute();

    assertThat(checks(result))
        .containsExactly(DiffIdCheck.verified(Digest.sha256(tar), "uncompressed"));
  }

  @Test
  void gzipLabelledGarbageFailsWithTheTypedExceptionNamingTheLayer() {
    byte[] garbage = LayerBytes.content(10_000, 9);
    String ref = image("bad", new Layer(garbage, GZIP, Digest.sha256(garbage)));

    assertThatThrownBy(
            () -> client.pull(ref).into(new MemoryBlobStore()).verifyDiffIds(true).execute())
        .isInstanceOfSatisfying(
            DiffIdMismatchException.class,
            e -> {
              assertThat(e.layer()).isEqualTo(Digest.sha256(garbage));
              assertThat(e.actualDiffId()).isEmpty();
              assertThat(e.getMessage()).contains("cannot be decompressed", "not gzip");
            });
  }

  @Test
  void unknownMediaTypesAndLazyFormatsPassUntouchedAndAreReportedNotChecked() {
    byte[] estargz = LayerBytes.content(20_000, 10);
    byte[] other = LayerBytes.content(20_000, 11);
    Layer stargz =
        new Layer(
            estargz,
            GZIP,
            Digest.sha256(new byte[] {3}),
            Map.of(
                "containerd.io/snapshot/stargz/toc.digest", Digest.sha256(new byte[0]).toString()));
    Layer unknown =
        new Layer(other, "application/vnd.example.layer.v1.tar+lz4", Digest.sha256(new byte[] {4}));
    String ref = image("lazy", stargz, unknown);

    PullResult result = client.pull(ref).into(new MemoryBlobStore()).verifyDiffIds(true).execute();

    assertThat(result.diffIdsNotChecked()).hasSize(2);
    assertThat(checks(result))
        .extracting(DiffIdCheck::detail)
        .containsExactly(
            "eStargz layer (containerd.io/snapshot/stargz/toc.digest)",
            "media type application/vnd.example.layer.v1.tar+lz4 is not a gzip, zstd or plain tar"
                + " layer");
  }

  @Test
  void layersTheTargetAlreadyHasAreReportedNotChecked() {
    byte[] content = LayerBytes.content(20_000, 12);
    String ref = image("app", new Layer(LayerBytes.gzip(content), GZIP, Digest.sha256(content)));
    MemoryBlobStore store = new MemoryBlobStore();
    client.pull(ref).into(store).execute();

    PullResult again = client.pull(ref).into(store).verifyDiffIds(true).execute();

    assertThat(checks(again))
        .containsExactly(DiffIdCheck.notChecked("already in the target, not read again"));
  }

  @Test
  void schema1ImagesHaveNoDiffIdsAndAreReportedNotChecked() {
    var image = registry.image("legacy").layer(1000).pushSchema1("v1");

    PullResult result =
        client.pull(image.reference()).into(new MemoryBlobStore()).verifyDiffIds(true).execute();

    assertThat(checks(result))
        .containsExactly(DiffIdCheck.notChecked("schema 1 images have no diff_ids"));
  }

  private static List<DiffIdCheck> checks(PullResult result) {
    return result.blobs().stream()
        .map(PulledBlob::diffIdCheck)
        .flatMap(Optional::stream)
        .collect(Collectors.toList());
  }

  /** A layer blob, its media type, and the diff_id the config will list for it. */
  private record Layer(
      byte[] blob, String mediaType, Digest diffId, Map<String, String> annotations) {
    Layer(byte[] blob, String mediaType, Digest diffId) {
      this(blob, mediaType, diffId, Map.of());
    }
  }

  /** Pushes an OCI image of {@code layers} whose config lists their diff_ids; its reference. */
  private String image(String repository, Layer... layers) {
    List<String> descriptors = new ArrayList<>();
    List<String> diffIds = new ArrayList<>();
    for (Layer layer : layers) {
      PushedBlob blob = registry.pushBlob(repository, layer.blob(), layer.mediaType());
      String annotations =
          layer.annotations().entrySet().stream()
              .map(e -> "\"" + e.getKey() + "\":\"" + e.getValue() + "\"")
              .collect(Collectors.joining(","));
      descriptors.add(
          descriptor(layer.mediaType(), blob.digest(), blob.size())
              .replaceFirst(
                  "}$", annotations.isEmpty() ? "}" : ",\"annotations\":{" + annotations + "}}"));
      diffIds.add("\"" + layer.diffId() + "\"");
    }
    byte[] config =
        ("{\"architecture\":\"amd64\",\"os\":\"linux\",\"rootfs\":{\"type\":\"layers\",\"diff_ids\":["
                + String.join(",", diffIds)
                + "]}}")
            .getBytes(StandardCharsets.UTF_8);
    PushedBlob configBlob = registry.pushBlob(repository, config, MediaType.OCI_CONFIG.toString());
    String manifest =
        "{\"schemaVersion\":2,\"mediaType\":\""
            + MediaType.OCI_MANIFEST
            + "\",\"config\":"
            + descriptor(MediaType.OCI_CONFIG.toString(), configBlob.digest(), configBlob.size())
            + ",\"layers\":["
            + String.join(",", descriptors)
            + "]}";
    registry.pushManifest(
        repository,
        "1.0",
        MediaType.OCI_MANIFEST.toString(),
        manifest.getBytes(StandardCharsets.UTF_8));
    return registry.hostAndPort() + "/" + repository + ":1.0";
  }

  private static String descriptor(String mediaType, Digest digest, long size) {
    return "{\"mediaType\":\""
        + mediaType
        + "\",\"digest\":\""
        + digest
        + "\",\"size\":"
        + size
        + "}";
  }
}
