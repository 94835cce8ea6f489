package dev.registryclient.oci.listing;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.registryclient.api.Descriptor;
import dev.registryclient.api.Digest;
import dev.registryclient.api.MediaType;
import dev.registryclient.api.exception.NotFoundException;
import dev.registryclient.core.transport.Transport;
import dev.registryclient.oci.RegistryEndpoints;
import dev.registryclient.oci.testing.KitClients;
import dev.registryclient.oci.testing.StubRegistry;
import dev.registryclient.oci.testing.StubRegistry.Reply;
import dev.registryclient.testkit.Fault;
import dev.registryclient.testkit.PushedImage;
import dev.registryclient.testkit.TestRegistry;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReferrersListingTest {
  private static final String SIGNATURE = "application/vnd.example.signature.v1+json";
  private static final String SBOM = "application/vnd.example.sbom.v1+json";

  /** A subject with a signature and an SBOM referring to it. */
  private record Fixture(PushedImage subject, PushedImage signature, PushedImage sbom) {
    static Fixture push(TestRegistry registry) {
      PushedImage subject = registry.image("team/app").oci().layer(10).push("v1");
      PushedImage signature =
          registry
              .image("team/app")
              .oci()
              .artifactType(SIGNATURE)
              .subject(subject)
              .layer(3)
              .pushByDigest();
      PushedImage sbom =
          registry
              .image("team/app")
              .oci()
              .artifactType(SBOM)
              .subject(subject)
              .layer(4)
              .pushByDigest();
      return new Fixture(subject, signature, sbom);
    }
  }

  private static List<Digest> digests(List<Descriptor> descriptors) {
    return descriptors.stream().map(Descriptor::digest).toList();
  }

  @Test
  void referrersApiListsEveryReferrerAndFiltersByArtifactType() {
    try (TestRegistry registry = TestRegistry.builder().start();
        Transport transport = KitClients.anonymous()) {
      Fixture f = Fixture.push(registry);
      RegistryListings listings =
          RegistryListings.create(transport, KitClients.endpoints(registry));

      List<Descriptor> all =
          listings.referrers("team/app", f.subject().digest(), Optional.empty()).toList();
      List<Descriptor> sboms =
          listings.referrers("team/app", f.subject().digest(), Optional.of(SBOM)).toList();

      assertThat(digests(all)).containsExactlyInAnyOrder(f.signature().digest(), f.sbom().digest());
      assertThat(sboms)
          .singleElement()
          .satisfies(
              d -> {
                assertThat(d.digest()).isEqualTo(f.sbom().digest());
                assertThat(d.artifactType()).contains(MediaType.parse(SBOM));
              });
      assertThat(registry.journal().matching("GET", "/v2/team/app/referrers/.*"))
          .extracting(r -> r.target())
          .anyMatch(t -> t.contains("artifactType=application%2Fvnd.example.sbom.v1%2Bjson"));
    }
  }

  @Test
  void withoutAReferrersApiTheTagSchemaIndexIsRead() {
    try (TestRegistry registry =
            TestRegistry.builder().faults(Fault.status(404).on("/referrers/").always()).start();
        Transport transport = KitClients.anonymous()) {
      Fixture f = Fixture.push(registry);
      String tag = "sha256-" + f.subject().digest().hex();
      registry.pushManifest(
          "team/app", tag, MediaType.OCI_INDEX.toString(), index(f.signature(), f.sbom()));
      RegistryListings listings =
          RegistryListings.create(transport, KitClients.endpoints(registry));

      List<Descriptor> signatures =
          listings.referrers("team/app", f.subject().digest(), Optional.of(SIGNATURE)).toList();

      assertThat(digests(signatures)).containsExactly(f.signature().digest());
      assertThat(registry.journal().matching("GET", "/v2/team/app/manifests/" + tag)).hasSize(1);
    }
  }

  @Test
  void withoutAReferrersApiOrTagNothingRefersToTheSubject() {
    try (TestRegistry registry =
            TestRegistry.builder().faults(Fault.status(404).on("/referrers/").always()).start();
        Transport transport = KitClients.anonymous()) {
      Fixture f = Fixture.push(registry);
      RegistryListings listings =
          RegistryListings.create(transport, KitClients.endpoints(registry));

      assertThat(listings.referrers("team/app", f.subject().digest(), Optional.empty())).isEmpty();
    }
  }

  @Test
  void withoutAReferrersApiAMissingRepositoryIsNotFound() throws Exception {
    Digest subject = Digest.sha256("nothing".getBytes(UTF_8));
    byte[] nameUnknown =
        "{\"errors\":[{\"code\":\"NAME_UNKNOWN\",\"message\":\"repository name not known\"}]}"
            .getBytes(UTF_8);
    try (StubRegistry stub = StubRegistry.start();
        Transport transport = KitClients.anonymous()) {
      // what distribution answers for a repository it does not have
      stub.on("/v2/team/missing/referrers/" + subject, new Reply(404, Map.of(), nameUnknown));
      stub.on(
          "/v2/team/missing/manifests/sha256-" + subject.hex(),
          new Reply(404, Map.of("Content-Type", "application/json"), nameUnknown));
      RegistryListings listings =
          RegistryListings.create(transport, RegistryEndpoints.of(stub.url()));

      assertThatThrownBy(
              () -> listings.referrers("team/missing", subject, Optional.empty()).toList())
          .isInstanceOfSatisfying(
              NotFoundException.class, e -> assertThat(e.hasErrorCode("NAME_UNKNOWN")).isTrue());
    }
  }

  @Test
  void referrersPagesAreFollowedThroughLinkHeaders() throws Exception {
    Digest subject = Digest.sha256("subject".getBytes(UTF_8));
    Digest first = Digest.sha256("first".getBytes(UTF_8));
    Digest second = Digest.sha256("second".getBytes(UTF_8));
    String path = "/v2/team/app/referrers/" + subject;
    try (StubRegistry stub = StubRegistry.start();
        Transport transport = KitClients.anonymous()) {
      stub.on(
          path,
          new Reply(
              200,
              Map.of(
                  "Content-Type",
                  MediaType.OCI_INDEX.toString(),
                  "Link",
                  "<" + path + "?page=2>; rel=\"next\""),
              indexOf(first)));
      stub.on(
          path + "?page=2",
          new Reply(200, Map.of("Content-Type", MediaType.OCI_INDEX.toString()), indexOf(second)));
      RegistryListings listings =
          RegistryListings.create(transport, RegistryEndpoints.of(stub.url()));

      List<Descriptor> all = listings.referrers("team/app", subject, Optional.empty()).toList();

      assertThat(digests(all)).containsExactly(first, second);
      assertThat(stub.requests()).containsExactly("GET " + path, "GET " + path + "?page=2");
    }
  }

  @Test
  void fallbackTagCutsLongDigestsTo64HexCharacters() {
    Digest sha512 = Digest.compute(Digest.Algorithm.SHA512, "x".getBytes(UTF_8));

    assertThat(ReferrersPages.fallbackTag(sha512))
        .isEqualTo("sha512-" + sha512.hex().substring(0, 64));
  }

  private static byte[] index(PushedImage... referrers) {
    StringBuilder manifests = new StringBuilder();
    for (PushedImage r : referrers) {
      String type = r.equals(referrers[0]) ? SIGNATURE : SBOM;
      manifests
          .append(manifests.length() == 0 ? "" : ",")
          .append(descriptor(r.mediaType(), r.digest(), r.size(), type));
    }
    return wrap(manifests.toString());
  }

  private static byte[] indexOf(Digest digest) {
    return wrap(descriptor(MediaType.OCI_MANIFEST.toString(), digest, 100, SIGNATURE));
  }

  private static String descriptor(String mediaType, Digest digest, long size, String type) {
    return "{\"mediaType\":\"%s\",\"digest\":\"%s\",\"size\":%d,\"artifactType\":\"%s\"}"
        .formatted(mediaType, digest, size, type);
  }

  private static byte[] wrap(String manifests) {
    return ("{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.index.v1+json\","
            + "\"manifests\":["
            + manifests
            + "]}")
        .getBytes(UTF_8);
  }
}
