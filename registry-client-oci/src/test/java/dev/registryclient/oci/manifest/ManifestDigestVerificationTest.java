package dev.registryclient.oci.manifest;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.registryclient.api.Digest;
import dev.registryclient.api.MediaType;
import dev.registryclient.api.exception.DigestMismatchException;
import dev.registryclient.api.exception.ErrorContext;
import dev.registryclient.api.exception.InvalidContentException;
import dev.registryclient.api.exception.Phase;
import dev.registryclient.api.manifest.Manifest;
import dev.registryclient.api.manifest.Schema1Manifest;
import dev.registryclient.core.transport.Transport;
import dev.registryclient.oci.RegistryEndpoints;
import dev.registryclient.oci.testing.KitClients;
import dev.registryclient.oci.testing.StubRegistry;
import dev.registryclient.oci.testing.StubRegistry.Reply;
import dev.registryclient.testkit.Fault;
import dev.registryclient.testkit.PushedImage;
import dev.registryclient.testkit.TestRegistry;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ManifestDigestVerificationTest {
  private static final String MANIFEST_PATH = "/v2/team/app/manifests/v1";
  private static final byte[] INDEX =
      "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.index.v1+json\",\"manifests\":[]}"
          .getBytes(UTF_8);

  private StubRegistry stub;
  private Transport transport;
  private ManifestFetcher fetcher;

  @BeforeEach
  void start() throws Exception {
    stub = StubRegistry.start();
    transport = KitClients.anonymous();
    fetcher = ManifestFetcher.create(transport, RegistryEndpoints.of(stub.url()));
  }

  @AfterEach
  void stop() {
    transport.close();
    stub.close();
  }

  private static Reply served(byte[] body, String digestHeader) {
    return new Reply(
        200,
        digestHeader == null
            ? Map.of("Content-Type", MediaType.OCI_INDEX.toString())
            : Map.of(
                "Content-Type",
                MediaType.OCI_INDEX.toString(),
                "Docker-Content-Digest",
                digestHeader),
        body);
  }

  @Test
  void byTagAWrongDockerContentDigestIsAMismatch() {
    Digest other = Digest.sha256("something else".getBytes(UTF_8));
    stub.on(MANIFEST_PATH, served(INDEX, other.toString()));

    assertThatThrownBy(() -> fetcher.fetch("team/app", "v1"))
        .isInstanceOfSatisfying(
            DigestMismatchException.class,
            e -> {
              assertThat(e.expected()).isEqualTo(other.toString());
              assertThat(e.actual()).isEqualTo(Digest.sha256(INDEX).toString());
              assertThat(e.context().repository()).contains("team/app");
              assertThat(e.context().registry()).contains(stub.hostAndPort());
            });
  }

  @Test
  void byTagWithoutDockerContentDigestTheBytesAreTakenAsServed() {
    stub.on(MANIFEST_PATH, served(INDEX, null));

    Manifest m = fetcher.fetch("team/app", "v1");

    assertThat(m.digest()).isEqualTo(Digest.sha256(INDEX));
  }

  @Test
  void byDigestBytesOfAnotherDigestAreAMismatchWhateverTheHeaderSays() {
    Digest asked = Digest.sha256("the real index".getBytes(UTF_8));
    stub.on("/v2/team/app/manifests/" + asked, served(INDEX, asked.toString()));

    assertThatThrownBy(() -> fetcher.fetch("team/app", asked.toString()))
        .isInstanceOf(DigestMismatchException.class)
        .hasMessageContaining(asked.toString())
        .hasMessageContaining(Digest.sha256(INDEX).toString());
  }

  @Test
  void malformedDockerContentDigestIsInvalidContent() {
    stub.on(MANIFEST_PATH, served(INDEX, "sha256:nothex"));

    assertThatThrownBy(() -> fetcher.fetch("team/app", "v1"))
        .isInstanceOf(InvalidContentException.class)
        .hasMessageContaining("Docker-Content-Digest");
  }

  @Test
  void tamperedSchema1PayloadIsAMismatchAgainstTheRegistrysDigest() {
    try (TestRegistry registry = TestRegistry.builder().start()) {
      PushedImage pushed = registry.image("team/old").layer(10).pushSchema1("v1");
      String original = new String(pushed.manifest(), UTF_8);
      // same length, so the JWS still parses: only the signatures and the digest can tell
      String tampered = original.replace("\"amd64\"", "\"arm64\"");
      assertThat(tampered).isNotEqualTo(original);
      Schema1Manifest decoded =
          (Schema1Manifest)
              ManifestCodec.defaults()
                  .decode(
                      tampered.getBytes(UTF_8), Optional.empty(), ErrorContext.of(Phase.MANIFEST));
      assertThat(decoded.signaturesVerified()).isFalse();
      stub.on(
          MANIFEST_PATH,
          new Reply(
              200,
              Map.of(
                  "Content-Type", MediaType.DOCKER_SCHEMA1_SIGNED_MANIFEST.toString(),
                  "Docker-Content-Digest", pushed.digest().toString()),
              tampered.getBytes(UTF_8)));

      assertThatThrownBy(() -> fetcher.fetch("team/app", "v1"))
          .isInstanceOf(DigestMismatchException.class)
          .hasMessageContaining(pushed.digest().toString());
    }
  }

  @Test
  void corruptedBodyFromTheKitIsAMismatchByTagAndByDigest() {
    try (TestRegistry registry =
            TestRegistry.builder().faults(Fault.wrongBytes().on("/manifests/").times(2)).start();
        Transport kitTransport = KitClients.anonymous()) {
      PushedImage pushed = registry.image("team/app").layer(10).push("v1");
      ManifestFetcher kit = ManifestFetcher.create(kitTransport, KitClients.endpoints(registry));

      assertThatThrownBy(() -> kit.fetch("team/app", "v1"))
          .isInstanceOf(DigestMismatchException.class);
      assertThatThrownBy(() -> kit.fetch("team/app", pushed.digest().toString()))
          .isInstanceOf(DigestMismatchException.class);
      assertThat(kit.fetch("team/app", "v1").digest()).isEqualTo(pushed.digest());
    }
  }

  @Test
  void manifestAboveTheSizeLimitIsRefused() {
    stub.on(MANIFEST_PATH, served(INDEX, null));
    ManifestFetcher small =
        ManifestFetcher.create(
            transport,
            RegistryEndpoints.of(stub.url()),
            ManifestCodec.builder().maxBytes(INDEX.length - 1).build());

    assertThatThrownBy(() -> small.fetch("team/app", "v1"))
        .isInstanceOf(InvalidContentException.class)
        .hasMessageContaining("limit");
  }
}
