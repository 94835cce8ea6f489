package dev.registryclient.oci.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.registryclient.api.Descriptor;
import dev.registryclient.api.ImageReference;
import dev.registryclient.api.MediaType;
import dev.registryclient.api.client.RegistryClient;
import dev.registryclient.api.manifest.Manifest;
import dev.registryclient.testkit.Fault;
import dev.registryclient.testkit.PushedImage;
import dev.registryclient.testkit.RecordedRequest;
import dev.registryclient.testkit.TestRegistry;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link RegistryClient#alternateDigests}: a tag the registry serves both as Docker schema 1 and as
 * schema 2 / OCI has the other document's digest as its alternate.
 */
class ClientAlternateDigestsTest {
  private TestRegistry registry = TestRegistry.builder().start();
  private final RegistryClient client = RegistryClient.builder().build();

  @AfterEach
  void stop() {
    client.close();
    registry.close();
  }

  private List<Descriptor> alternatesOfServed(String reference) {
    Manifest served = client.manifest(reference);
    return client.alternateDigests(
        ImageReference.parse(reference),
        Descriptor.of(served.mediaType(), served.digest(), served.size()));
  }

  @Test
  void aSchema2TagAlsoServedAsSchema1HasTheSchema1Digest() {
    PushedImage old = registry.image("team/app").layer(100).pushSchema1("1.0");
    PushedImage current = registry.image("team/app").layer(100).push("1.0");

    List<Descriptor> alternates = alternatesOfServed(current.reference());

    assertThat(alternates)
        .containsExactly(
            Descriptor.of(MediaType.DOCKER_SCHEMA1_SIGNED_MANIFEST, old.digest(), old.size()));
    assertThat(old.digest()).isNotEqualTo(current.digest());
  }

  @Test
  void aSchema1TagAlsoServedAsOciHasTheOciDigest() {
    PushedImage current = registry.image("team/app").oci().layer(100).push("1.0");
    PushedImage old = registry.image("team/app").layer(100).pushSchema1("1.0");

    List<Descriptor> alternates = alternatesOfServed(old.reference());

    assertThat(alternates)
        .singleElement()
        .satisfies(
            other -> {
              assertThat(other.mediaType()).hasToString(current.mediaType());
              assertThat(other.digest()).isEqualTo(current.digest());
            });
  }

  @Test
  void theOtherSchemaIsAskedForWithOneHeadAcceptingOnlyThatFamily() {
    PushedImage image = registry.image("team/app").layer(100).push("1.0");
    Manifest served = client.manifest(image.reference());
    registry.journal().clear();

    client.alternateDigests(
        ImageReference.parse(image.reference()),
        Descriptor.of(served.mediaType(), served.digest(), served.size()));

    List<RecordedRequest> all = registry.journal().filter(r -> r.path().contains("/manifests/"));
    assertThat(all)
        .singleElement()
        .satisfies(
            head -> {
              assertThat(head.method()).isEqualTo("HEAD");
              assertThat(head.header("accept").orElseThrow())
                  .contains("manifest.v1+prettyjws", "manifest.v1+json")
                  .doesNotContain("v2+json", "oci");
            });
  }

  @Test
  void withoutTheServedDocumentItIsResolvedFirst() {
    PushedImage old = registry.image("team/app").layer(100).pushSchema1("1.0");
    PushedImage current = registry.image("team/app").layer(100).push("1.0");
    registry.journal().clear();

    List<Descriptor> alternates =
        client.alternateDigests(ImageReference.parse(current.reference()));

    assertThat(alternates).extracting(Descriptor::digest).containsExactly(old.digest());
    assertThat(registry.journal().matching("HEAD", "/manifests/")).hasSize(2);
    assertThat(registry.journal().matching("GET", "/manifests/")).isEmpty();
  }

  @Test
  void aTagWithOnlyOneSchemaHasNoAlternates() {
    PushedImage current = registry.image("team/app").layer(100).push("1.0");
    PushedImage old = registry.image("team/old").layer(100).pushSchema1("1.0");

    assertThat(alternatesOfServed(current.reference())).isEmpty();
    assertThat(alternatesOfServed(old.reference())).isEmpty();
  }

  @Test
  void aDigestReferenceHasNoAlternatesAndAsksNothing() {
    registry.image("team/app").layer(100).pushSchema1("1.0");
    PushedImage current = registry.image("team/app").layer(100).push("1.0");
    Manifest served = client.manifest(current.digestReference());
    registry.journal().clear();

    List<Descriptor> alternates =
        client.alternateDigests(
            ImageReference.parse(current.digestReference()),
            Descriptor.of(served.mediaType(), served.digest(), served.size()));

    assertThat(alternates).isEmpty();
    assertThat(client.alternateDigests(ImageReference.parse(current.digestReference()))).isEmpty();
    assertThat(registry.journal().all()).isEmpty();
  }

  @Test
  void aRegistryRefusingTheNarrowedAcceptMeansNoAlternateAndNoError() {
    registry.close();
    registry =
        TestRegistry.builder()
            .faults(Fault.status(400).method("HEAD").on("/manifests/").always())
            .start();
    registry.image("team/app").layer(100).pushSchema1("1.0");
    PushedImage current = registry.image("team/app").layer(100).push("1.0");

    assertThat(alternatesOfServed(current.reference())).isEmpty();
    registry.assertFaultsFired();
  }
}
