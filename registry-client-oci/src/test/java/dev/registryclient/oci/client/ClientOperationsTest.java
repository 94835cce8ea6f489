package dev.registryclient.oci.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.registryclient.api.Descriptor;
import dev.registryclient.api.Digest;
import dev.registryclient.api.ImageReference;
import dev.registryclient.api.MediaType;
import dev.registryclient.api.Platform;
import dev.registryclient.api.client.RegistryClient;
import dev.registryclient.api.exception.DigestMismatchException;
import dev.registryclient.api.exception.NotFoundException;
import dev.registryclient.api.manifest.ImageConfig;
import dev.registryclient.api.manifest.ImageIndex;
import dev.registryclient.api.manifest.Manifest;
import dev.registryclient.testkit.Fault;
import dev.registryclient.testkit.PushedImage;
import dev.registryclient.testkit.PushedIndex;
import dev.registryclient.testkit.TestRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ClientOperationsTest {
  private final TestRegistry registry = TestRegistry.builder().tagPageSize(2).start();
  private final RegistryClient client = RegistryClient.builder().build();

  @AfterEach
  void stop() {
    client.close();
    registry.close();
  }

  @Test
  void resolveReportsDigestTypeAndSizeWithoutFetchingTheManifestBody() {
    PushedImage image = registry.image("team/app").oci().layer(100).push("1.0");
    registry.journal().clear();

    Descriptor d = client.resolve(image.reference());

    assertThat(d.digest()).isEqualTo(image.digest());
    assertThat(d.mediaType()).isEqualTo(MediaType.OCI_MANIFEST);
    assertThat(d.size()).isEqualTo(image.manifest().length);
    assertThat(registry.journal().matching("GET", ".*/manifests/.*")).isEmpty();
  }

  @Test
  void aMissingTagIsNamedAsTheUserWroteItByResolveManifestAndPull() {
    registry.image("demo/small").layer(10).push("1.0");
    ImageReference missing = ImageReference.parse(registry.hostAndPort() + "/demo/small:nosuch");
    String named = "manifest " + registry.hostAndPort() + "/demo/small:nosuch not found";

    assertThatThrownBy(() -> client.resolve(missing))
        .isInstanceOfSatisfying(
            NotFoundException.class, e -> assertThat(e.detail()).startsWith(named));
    assertThatThrownBy(() -> client.manifest(missing))
        .isInstanceOfSatisfying(
            NotFoundException.class, e -> assertThat(e.detail()).startsWith(named));
    assertThatThrownBy(
            () ->
                client
                    .pull(missing)
                    .into(new dev.registryclient.core.store.MemoryBlobStore())
                    .execute())
        .isInstanceOfSatisfying(
            NotFoundException.class, e -> assertThat(e.detail()).startsWith(named));
  }

  @Test
  void manifestReturnsTheParsedIndexWithItsExactBytes() {
    PushedIndex index =
        registry
            .index("team/multi")
            .oci()
            .add(registry.image("team/multi").oci().platform("linux", "amd64").layer(10))
            .add(registry.image("team/multi").oci().platform("linux", "arm64").layer(20))
            .push("1.0");

    Manifest m = client.manifest(index.reference());

    assertThat(m).isInstanceOf(ImageIndex.class);
    assertThat(m.digest()).isEqualTo(index.digest());
    assertThat(m.raw()).isEqualTo(index.manifest());
  }

  @Test
  void configPicksThePlatformFromAnIndex() {
    PushedIndex index =
        registry
            .index("team/cfg")
            .oci()
            .add(registry.image("team/cfg").oci().platform("linux", "amd64").layer(10))
            .add(registry.image("team/cfg").oci().platform("linux", "arm64").layer(20))
            .push("1.0");

    ImageConfig config =
        client.config(ImageReference.parse(index.reference()), Platform.parse("linux/arm64"));

    assertThat(config.platform()).isEqualTo(Platform.parse("linux/arm64"));
    assertThat(config.digest()).isEqualTo(index.image("linux", "arm64").config().digest());
  }

  @Test
  void blobStreamsTheVerifiedContent() throws IOException {
    byte[] content = "hello, layer".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    PushedImage image = registry.image("team/blob").layer(content).push("1.0");
    Digest digest = image.layers().get(0).digest();

    try (InputStream in = client.blob(ImageReference.parse(image.reference()), digest)) {
      assertThat(in.readAllBytes()).isEqualTo(content);
    }
  }

  @Test
  void tagsAreListedAcrossPages() {
    for (String tag : List.of("a", "b", "c", "d", "e")) {
      registry.image("team/tags").layer(10).push(tag);
    }

    try (Stream<String> tags = client.tags(registry.hostAndPort() + "/team/tags")) {
      assertThat(tags).containsExactly("a", "b", "c", "d", "e");
    }
  }

  @Test
  void theCatalogListsRepositories() {
    registry.image("team/one").layer(10).push("1");
    registry.image("team/two").layer(10).push("1");

    try (Stream<String> repositories = client.catalog(registry.hostAndPort())) {
      assertThat(repositories).contains("team/one", "team/two");
    }
  }

  @Test
  void referrersOfATagAreFoundThroughItsDigestAndFilteredByArtifactType() {
    PushedImage subject = registry.image("team/signed").oci().layer(10).push("1.0");
    PushedImage sbom =
        registry
            .image("team/signed")
            .oci()
            .artifactType("application/vnd.example.sbom")
            .subject(subject)
            .layer(5)
            .pushByDigest();
    registry
        .image("team/signed")
        .oci()
        .artifactType("application/vnd.example.sig")
        .subject(subject)
        .layer(6)
        .pushByDigest();

    List<Descriptor> sboms =
        client.referrers(
            ImageReference.parse(subject.reference()),
            Optional.of(MediaType.parse("application/vnd.example.sbom")));

    assertThat(sboms).extracting(Descriptor::digest).containsExactly(sbom.digest());
  }

  @Test
  void aMissingTagIsNotFound() {
    assertThatThrownBy(() -> client.manifest(registry.hostAndPort() + "/team/none:1"))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void aBlobWithWrongBytesFailsAtTheEndOfTheStream() {
    try (TestRegistry faulty =
            TestRegistry.builder().faults(Fault.wrongBytes().on("/blobs/")).start();
        RegistryClient other = RegistryClient.builder().build()) {
      PushedImage image = faulty.image("team/bad").layer(1000).push("1.0");
      Digest digest = image.layers().get(0).digest();

      assertThatThrownBy(
              () -> {
                try (InputStream in = other.blob(ImageReference.parse(image.reference()), digest)) {
                  in.readAllBytes();
                }
              })
          .isInstanceOf(DigestMismatchException.class);
    }
  }
}
