package dev.registryclient.testkit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.registryclient.api.Digest;
import dev.registryclient.testkit.ImageFormat;
import dev.registryclient.testkit.PushedImage;
import dev.registryclient.testkit.TestRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.AlgorithmParameters;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Checks signed schema 1 manifests with an independent libtrust-style JWS verifier. */
class Schema1SigningTest {

  @Test
  void signedManifestsAreLaidOutLikeARealWorldOne() throws Exception {
    // the fixture's signature does not verify (its source edited it after signing, as Python's
    // cryptography confirms too), but its layout is libtrust's: compare ours against it
    byte[] sample = resource("/schema1-signed-mitr-busybox.json");
    try (TestRegistry registry = TestRegistry.builder().start()) {
      byte[] ours = registry.image("old/layout").layer(10).pushSchema1("v1").manifest();
      assertThat(signatureBlockSkeleton(ours)).isEqualTo(signatureBlockSkeleton(sample));
      assertThat(new String(payload(ours), StandardCharsets.UTF_8)).endsWith("]\n}");
      assertThat(new String(payload(sample), StandardCharsets.UTF_8)).endsWith("]\n}");
    }
  }

  @Test
  void tamperedManifestsDoNotVerify() throws Exception {
    try (TestRegistry registry = TestRegistry.builder().start()) {
      byte[] signed = registry.image("old/tamper").layer(10).pushSchema1("v1").manifest();
      byte[] tampered =
          new String(signed, StandardCharsets.UTF_8)
              .replace("old/tamper", "old/tamper2")
              .getBytes(StandardCharsets.UTF_8);
      assertThat(verify(signed)).isTrue();
      assertThat(verify(tampered)).isFalse();
    }
  }

  /** The signatures block with every value blanked out: only keys, order and layout remain. */
  private static String signatureBlockSkeleton(byte[] signed) {
    String text = new String(signed, StandardCharsets.UTF_8);
    return text.substring(text.indexOf(",\n   \"signatures\""))
        .replaceAll(": \"[^\"]*\"", ": \"\"");
  }

  @Test
  void keyIdsAreComputedLikeLibtrust() throws Exception {
    Map<String, Object> jwk = jwkOf(resource("/schema1-signed-mitr-busybox.json"));
    PublicKey key = publicKey(jwk);
    assertThat(Schema1Signer.keyId(key.getEncoded())).isEqualTo(jwk.get("kid"));
  }

  @Test
  void pushedSchema1ManifestsVerifyAndAreServedUnderThePayloadDigest() throws Exception {
    try (TestRegistry registry = TestRegistry.builder().start()) {
      PushedImage image = registry.image("old/app").layer(100).layer(200).pushSchema1("v1");
      byte[] signed = image.manifest();
      assertThat(verify(signed)).isTrue();
      assertThat(image.digest())
          .isEqualTo(Digest.sha256(payload(signed)))
          .isNotEqualTo(Digest.sha256(signed));

      HttpResponse<byte[]> r =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(registry.url() + "/v2/old/app/manifests/v1"))
                      .header("Accept", ImageFormat.SCHEMA1_SIGNED)
                      .build(),
                  HttpResponse.BodyHandlers.ofByteArray());
      assertThat(r.body()).isEqualTo(signed);
      assertThat(r.headers().firstValue("Docker-Content-Digest"))
          .hasValue(image.digest().toString());
      assertThat(r.headers().firstValue("Content-Type")).hasValue(ImageFormat.SCHEMA1_SIGNED);
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void theManifestListsLayersNewestFirstWithMatchingHistory() {
    try (TestRegistry registry = TestRegistry.builder().start()) {
      PushedImage image = registry.image("old/order").layer(10).layer(20).pushSchema1("v1");
      Map<String, Object> doc = Json.parseObject(image.manifest());
      List<Map<String, Object>> fsLayers = (List<Map<String, Object>>) doc.get("fsLayers");
      assertThat(fsLayers.get(0).get("blobSum"))
          .isEqualTo(image.layers().get(1).digest().toString());
      assertThat((List<Object>) doc.get("history")).hasSize(2);
      assertThat(doc)
          .containsEntry("schemaVersion", 1L)
          .containsEntry("name", "old/order")
          .containsEntry("tag", "v1");
    }
  }

  @Test
  void pushingASignedManifestOverHttpComputesTheSameDigest() throws Exception {
    try (TestRegistry registry = TestRegistry.builder().start()) {
      PushedImage image = registry.image("old/put").layer(10).pushSchema1("v1");
      HttpResponse<byte[]> r =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(registry.url() + "/v2/old/put/manifests/v2"))
                      .header("Content-Type", ImageFormat.SCHEMA1_SIGNED)
                      .PUT(HttpRequest.BodyPublishers.ofByteArray(image.manifest()))
                      .build(),
                  HttpResponse.BodyHandlers.ofByteArray());
      assertThat(r.statusCode()).isEqualTo(201);
      assertThat(r.headers().firstValue("Docker-Content-Digest"))
          .hasValue(image.digest().toString());
    }
  }

  // --- an independent verifier, written from the libtrust format description ---

  @SuppressWarnings("unchecked")
  private static Map<String, Object> firstSignature(byte[] signed) {
    Map<String, Object> doc = Json.parseObject(signed);
    return ((List<Map<String, Object>>) doc.get("signatures")).get(0);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> jwkOf(byte[] signed) {
    return (Map<String, Object>)
        ((Map<String, Object>) firstSignature(signed).get("header")).get("jwk");
  }

  private static byte[] payload(byte[] signed) {
    String protectedHeader = (String) firstSignature(signed).get("protected");
    Map<String, Object> header = Json.parseObject(Base64.getUrlDecoder().decode(protectedHeader));
    int length = ((Long) header.get("formatLength")).intValue();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(signed, 0, length);
    out.writeBytes(Base64.getUrlDecoder().decode((String) header.get("formatTail")));
    return out.toByteArray();
  }

  private static boolean verify(byte[] signed) throws Exception {
    Map<String, Object> signature = firstSignature(signed);
    String protectedHeader = (String) signature.get("protected");
    String input =
        protectedHeader
            + "."
            + Base64.getUrlEncoder().withoutPadding().encodeToString(payload(signed));
    Signature verifier = Signature.getInstance("SHA256withECDSAinP1363Format");
    verifier.initVerify(publicKey(jwkOf(signed)));
    verifier.update(input.getBytes(StandardCharsets.US_ASCII));
    return verifier.verify(Base64.getUrlDecoder().decode((String) signature.get("signature")));
  }

  private static PublicKey publicKey(Map<String, Object> jwk) throws Exception {
    AlgorithmParameters params = AlgorithmParameters.getInstance("EC");
    params.init(new ECGenParameterSpec("secp256r1"));
    ECPoint point =
        new ECPoint(
            new BigInteger(1, Base64.getUrlDecoder().decode((String) jwk.get("x"))),
            new BigInteger(1, Base64.getUrlDecoder().decode((String) jwk.get("y"))));
    return KeyFactory.getInstance("EC")
        .generatePublic(new ECPublicKeySpec(point, params.getParameterSpec(ECParameterSpec.class)));
  }

  private static byte[] resource(String name) throws IOException {
    try (InputStream in = Schema1SigningTest.class.getResourceAsStream(name)) {
      return in.readAllBytes();
    }
  }
}
