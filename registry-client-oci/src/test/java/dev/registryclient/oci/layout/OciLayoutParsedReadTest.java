package dev.registryclient.oci.layout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.registryclient.api.Descriptor;
import dev.registryclient.api.Digest;
import dev.registryclient.api.MediaType;
import dev.registryclient.api.client.RegistryClient;
import dev.registryclient.api.exception.BlobNotFoundInStoreException;
import dev.registryclient.api.exception.DigestMismatchException;
import dev.registryclient.api.exception.InvalidContentException;
import dev.registryclient.api.manifest.ImageIndex;
import dev.registryclient.api.manifest.ImageManifest;
import dev.registryclient.api.manifest.Manifest;
import dev.registryclient.testkit.PushedBlob;
import dev.registryclient.testkit.PushedImage;
import dev.registryclient.testkit.PushedIndex;
import dev.registryclient.testkit.TestRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A layout written by a pull reads back as parsed manifests, indexes and its own index. */
class OciLayoutParsedReadTest {
  @TempDir Path dir;
  private final TestRegistry registry = TestRegistry.builder().start();
  private final RegistryClient client = RegistryClient.builder().build();

  @AfterEach
  void stop() {
    client.close();
    registry.close();
  }

  @Test
  void aPulledTagReadsBackAsTheImageManifestServed() {
    PushedImage image = registry.image("team/app").oci().layer(2_000).layer(3_000).push("v1");
    OciLayout layout = OciLayout.at(dir);
    client.pull(image.reference()).into(layout).execute();

    Manifest byTag = layout.reader().manifest("v1").orElseThrow();

    assertThat(byTag)
        .isInstanceOfSatisfying(
            ImageManifest.class,
            m -> {
              assertThat(m.digest()).isEqualTo(image.digest());
              assertThat(m.raw()).isEqualTo(image.manifest());
              assertThat(m.config().digest()).isEqualTo(image.config().digest());
              assertThat(m.layers())
                  .extracting(Descriptor::digest)
                  .containsExactlyElementsOf(
                      image.layers().stream().map(PushedBlob::digest).toList());
            });
    assertThat(layout.reader().manifest(image.digest())).isEqualTo(byTag);
    assertThat(layout.reader().manifest("v2")).isEmpty();
  }

  @Test
  void theLayoutsIndexIsParsedWithItsTagsAndThePlatformManifestsBehindAPulledIndex() {
    PushedIndex index =
        registry
            .index("team/multi")
            .oci()
            .add(registry.image("team/multi").oci().platform("linux", "amd64").layer(1_000))
            .add(registry.image("team/multi").oci().platform("linux", "arm64").layer(2_000))
            .push("1.0");
    OciLayout layout = OciLayout.at(dir);
    client.pull(index.reference()).allPlatforms().into(layout).execute();
    OciLayoutReader reader = layout.reader();

    ImageIndex layoutIndex = reader.index();
    ImageIndex pulled = (ImageIndex) reader.manifest("1.0").orElseThrow();
    PushedImage arm = index.image("linux", "arm64");
    Manifest armManifest = reader.manifest(arm.digest()); // not in index.json: by digest only

    assertThat(layoutIndex.mediaType()).isEqualTo(MediaType.OCI_INDEX);
    assertThat(layoutIndex.manifests())
        .singleElement()
        .satisfies(e -> assertThat(e.digest()).isEqualTo(index.digest()))
        .satisfies(e -> assertThat(OciLayoutReader.refName(e)).contains("1.0"));
    assertThat(layoutIndex.manifests()).isEqualTo(reader.manifests());
    assertThat(pulled.digest()).isEqualTo(index.digest());
    assertThat(pulled.manifests())
        .extracting(Descriptor::digest)
        .containsExactlyElementsOf(index.images().stream().map(PushedImage::digest).toList());
    assertThat(armManifest)
        .isInstanceOfSatisfying(
            ImageManifest.class,
            m -> assertThat(m.layers().get(0).digest()).isEqualTo(arm.layers().get(0).digest()));
  }

  @Test
  void aDockerImageReadsAsItsOciFormByTagAndAsServedByItsDigest() {
    PushedImage image = registry.image("team/docker").docker().layer(1_500).push("v1");
    OciLayout layout = OciLayout.at(dir);
    client.pull(image.reference()).into(layout).execute();
    OciLayoutReader reader = layout.reader();

    Manifest tagged = reader.manifest("v1").orElseThrow();
    Manifest served = reader.manifest(image.digest());

    assertThat(tagged.mediaType()).isEqualTo(MediaType.OCI_MANIFEST);
    assertThat(served.mediaType().toString()).isEqualTo(image.mediaType());
    assertThat(served.raw()).isEqualTo(image.manifest());
    assertThat(((ImageManifest) tagged).layers())
        .extracting(Descriptor::digest)
        .containsExactlyElementsOf(
            ((ImageManifest) served).layers().stream().map(Descriptor::digest).toList());
  }

  @Test
  void aMissingManifestOrABlobThatIsNoManifestFailsWithItsOwnException() {
    PushedImage image = registry.image("team/app").oci().layer(1_000).push("v1");
    OciLayout layout = OciLayout.at(dir);
    client.pull(image.reference()).into(layout).execute();
    OciLayoutReader reader = layout.reader();
    Digest absent = Digest.sha256("absent".getBytes(StandardCharsets.UTF_8));

    assertThatThrownBy(() -> reader.manifest(absent))
        .isInstanceOf(BlobNotFoundInStoreException.class)
        .hasMessageContaining(absent.toString());
    assertThatThrownBy(() -> reader.manifest(image.layers().get(0).digest()))
        .isInstanceOf(InvalidContentException.class);
  }

  @Test
  void aManifestReadByDigestAloneIsStillVerified() throws Exception {
    PushedImage image = registry.image("team/docker").docker().layer(1_000).push("v1");
    OciLayout layout = OciLayout.at(dir);
    client.pull(image.reference()).into(layout).execute();
    Path blob = dir.resolve("blobs/sha256").resolve(image.digest().hex());
    String served = new String(image.manifest(), StandardCharsets.UTF_8);
    Files.setPosixFilePermissions(blob, PosixFilePermissions.fromString("rw-r--r--"));
    Files.writeString(blob, served.replace("\"size\"", " \"size\""));

    assertThatThrownBy(() -> layout.reader().manifest(image.digest()))
        .isInstanceOf(DigestMismatchException.class)
        .hasMessageContaining(image.digest().toString());
  }

  @Test
  void aNewLayoutHasAnEmptyIndex() {
    ImageIndex index = OciLayout.at(dir).reader().index();

    assertThat(index.manifests()).isEmpty();
    assertThat(index.mediaType()).isEqualTo(MediaType.OCI_INDEX);
  }
}
