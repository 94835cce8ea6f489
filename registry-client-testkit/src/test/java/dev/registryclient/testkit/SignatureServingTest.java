package dev.registryclient.testkit;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.registryclient.testkit.RecordedRequest.Origin;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Where the registry serves the signatures a test adds: lookaside, API extension, .sig tags. */
class SignatureServingTest {
  private static final ImageSigner SIGNER = ImageSigner.generate();

  @Test
  void theLookasideServesEachSignatureByNumberAndAnswers404PastTheLast() {
    try (TestRegistry registry = TestRegistry.builder().lookaside().start()) {
      PushedImage image = registry.image("team/app").layer(10).push("1.0");
      SimpleSignature first = SIGNER.signSimple(image);
      SimpleSignature second = SIGNER.signSimple(image).tampered();
      registry.addSignature(image, first);
      registry.addSignature(image, second);
      URI base = registry.lookasideUrl().orElseThrow();
      String dir = base + "/team/app@sha256=" + image.digest().hex();

      HttpResponse<byte[]> one = Http.get(dir + "/signature-1");
      HttpResponse<byte[]> two = Http.get(dir + "/signature-2");
      HttpResponse<byte[]> three = Http.get(dir + "/signature-3");

      assertThat(base.getPath()).isEqualTo("/signatures");
      assertThat(base.getPort()).isNotEqualTo(registry.url().getPort());
      assertThat(one.statusCode()).isEqualTo(200);
      assertThat(one.body()).isEqualTo(first.bytes());
      assertThat(two.body()).isEqualTo(second.bytes());
      assertThat(three.statusCode()).isEqualTo(404);
      assertThat(registry.journal().lookaside())
          .extracting(RecordedRequest::status)
          .containsExactly(200, 200, 404);
    }
  }

  @Test
  void theLookasideNeedsNoCredentialsEvenWhenTheRegistryDoes() {
    try (TestRegistry registry =
        TestRegistry.builder().tokenAuth("alice", "secret").lookaside().start()) {
      PushedImage image = registry.image("app").layer(10).push("1.0");
      registry.addSignature(image, SIGNER.signSimple(image));
      String url =
          registry.lookasideUrl().orElseThrow()
              + "/app@sha256="
              + image.digest().hex()
              + "/signature-1";

      assertThat(Http.get(url).statusCode()).isEqualTo(200);
      assertThat(Http.get(registry.url() + "/v2/app/manifests/1.0").statusCode()).isEqualTo(401);
    }
  }

  @Test
  void theLookasideAnswersFaultsAimedAtIt() {
    Fault unavailable = Fault.status(503).at(Origin.LOOKASIDE).times(1);
    try (TestRegistry registry = TestRegistry.builder().lookaside().faults(unavailable).start()) {
      PushedImage image = registry.image("app").layer(10).push("1.0");
      registry.addSignature(image, SIGNER.signSimple(image));
      String url =
          registry.lookasideUrl().orElseThrow()
              + "/app@sha256="
              + image.digest().hex()
              + "/signature-1";

      assertThat(Http.get(url).statusCode()).isEqualTo(503);
      assertThat(Http.get(url).statusCode()).isEqualTo(200);
      registry.assertFaultsFired();
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void theApiExtensionIsAnnouncedOnPingAndListsSignaturesAsOpenShiftDoes() {
    try (TestRegistry registry = TestRegistry.builder().signatureApi().start()) {
      PushedImage image = registry.image("team/app").layer(10).push("1.0");
      SimpleSignature signature = SIGNER.signSimple(image);
      registry.addSignature(image, signature);

      HttpResponse<byte[]> ping = Http.get(registry.url() + "/v2/");
      HttpResponse<byte[]> list =
          Http.get(registry.url() + "/extensions/v2/team/app/signatures/" + image.digest());

      assertThat(ping.headers().firstValue("X-Registry-Supports-Signatures")).hasValue("1");
      assertThat(list.statusCode()).isEqualTo(200);
      List<Map<String, Object>> signatures =
          (List<Map<String, Object>>) Http.json(list).get("signatures");
      assertThat(signatures).hasSize(1);
      Map<String, Object> entry = signatures.get(0);
      assertThat(entry.get("schemaVersion")).isEqualTo(2L);
      assertThat(entry.get("type")).isEqualTo("atomic");
      assertThat((String) entry.get("name")).matches(image.digest() + "@[0-9a-f]{32}");
      assertThat(Base64.getDecoder().decode((String) entry.get("content")))
          .isEqualTo(signature.bytes());
    }
  }

  @Test
  void theApiExtensionAnswersAnEmptyListForAnUnsignedImageAnd404ForAnUnknownOne() {
    try (TestRegistry registry = TestRegistry.builder().signatureApi().start()) {
      PushedImage image = registry.image("app").layer(10).push("1.0");
      String base = registry.url() + "/extensions/v2/app/signatures/";

      HttpResponse<byte[]> unsigned = Http.get(base + image.digest());
      HttpResponse<byte[]> unknown =
          Http.get(base + dev.registryclient.api.Digest.sha256("other".getBytes(UTF_8)));

      assertThat(Http.json(unsigned)).isEqualTo(Map.of("signatures", List.of()));
      assertThat(unknown.statusCode()).isEqualTo(404);
      assertThat(Http.errorCode(unknown)).isEqualTo("MANIFEST_UNKNOWN");
    }
  }

  @Test
  void theApiExtensionAsksForTheRegistrysCredentials() {
    try (TestRegistry registry =
        TestRegistry.builder().basicAuth("alice", "secret").signatureApi().start()) {
      PushedImage image = registry.image("app").layer(10).push("1.0");
      registry.addSignature(image, SIGNER.signSimple(image));
      String url = registry.url() + "/extensions/v2/app/signatures/" + image.digest();

      assertThat(Http.get(url).statusCode()).isEqualTo(401);
      assertThat(Http.get(url, "Authorization", Http.basic("alice", "secret")).statusCode())
          .isEqualTo(200);
    }
  }

  @Test
  void withoutTheExtensionThePingSaysNothingAndThePathIsUnknown() {
    try (TestRegistry registry = TestRegistry.builder().start()) {
      PushedImage image = registry.image("app").layer(10).push("1.0");

      assertThat(
              Http.get(registry.url() + "/v2/")
                  .headers()
                  .firstValue("X-Registry-Supports-Signatures"))
          .isEmpty();
      assertThat(
              Http.get(registry.url() + "/extensions/v2/app/signatures/" + image.digest())
                  .statusCode())
          .isEqualTo(404);
      assertThat(registry.lookasideUrl()).isEmpty();
      assertThatThrownBy(() -> registry.addSignature(image, SIGNER.signSimple(image)))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("lookaside()");
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void sigstoreSignaturesAreLayersOfTheManifestTaggedAfterTheDigest() {
    try (TestRegistry registry = TestRegistry.builder().start()) {
      PushedImage image = registry.image("team/app").layer(10).push("1.0");
      SigstoreSignature first = SIGNER.signSigstore(image);
      SigstoreSignature second = ImageSigner.generate().signSigstore(image);
      registry.addSignature(image, first);
      PushedImage stored = registry.addSignature(image, second);

      String tag = "sha256-" + image.digest().hex() + ".sig";
      HttpResponse<byte[]> manifest =
          Http.get(
              registry.url() + "/v2/team/app/manifests/" + tag,
              "Accept",
              ImageFormat.OCI.manifestType());

      assertThat(stored.tag()).isEqualTo(tag);
      assertThat(manifest.body()).isEqualTo(stored.manifest());
      Map<String, Object> document = Http.json(manifest);
      assertThat(document.get("mediaType")).isEqualTo(ImageFormat.OCI.manifestType());
      assertThat(((Map<String, Object>) document.get("config")).get("mediaType"))
          .isEqualTo("application/vnd.oci.image.config.v1+json");
      List<Map<String, Object>> layers = (List<Map<String, Object>>) document.get("layers");
      assertThat(layers).hasSize(2);
      assertThat(layers)
          .allSatisfy(
              l ->
                  assertThat(l.get("mediaType"))
                      .isEqualTo("application/vnd.dev.cosign.simplesigning.v1+json"));
      assertThat(layers)
          .extracting(
              l ->
                  ((Map<String, Object>) l.get("annotations"))
                      .get("dev.cosignproject.cosign/signature"))
          .containsExactly(first.signature(), second.signature());
      HttpResponse<byte[]> payload =
          Http.get(registry.url() + "/v2/team/app/blobs/" + layers.get(0).get("digest"));
      assertThat(payload.body()).isEqualTo(first.payload());
    }
  }
}
