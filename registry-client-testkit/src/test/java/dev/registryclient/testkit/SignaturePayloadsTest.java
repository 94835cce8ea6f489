package dev.registryclient.testkit;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.registryclient.api.Digest;
import dev.registryclient.testkit.internal.Json;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the signatures claim, and the sigstore signature checked with the JDK from the PEM. */
class SignaturePayloadsTest {
  private static final ImageSigner SIGNER = ImageSigner.generate();
  private static final Digest DIGEST = Digest.sha256("manifest".getBytes(UTF_8));

  @Test
  void aSimpleSignaturePayloadNamesDigestIdentityCreatorAndTimeInGoKeyOrder() {
    long before = Instant.now().getEpochSecond();

    SimpleSignature signature = SIGNER.signSimple(DIGEST, "127.0.0.1:5000/app:1.0");

    String json = new String(signature.payload(), UTF_8);
    assertThat(json)
        .startsWith(
            "{\"critical\":{\"identity\":{\"docker-reference\":\"127.0.0.1:5000/app:1.0\"},"
                + "\"image\":{\"docker-manifest-digest\":\""
                + DIGEST
                + "\"},\"type\":\"atomic container signature\"},"
                + "\"optional\":{\"creator\":\"registry-client test kit\",\"timestamp\":");
    assertThat((Long) optional(signature.payload()).get("timestamp"))
        .isBetween(before, before + 60);
    assertThat(signature.manifestDigest()).isEqualTo(DIGEST);
    assertThat(signature.dockerReference()).isEqualTo("127.0.0.1:5000/app:1.0");
    assertThat(signature.keyFingerprint()).isEqualTo(SIGNER.openPgpKey().fingerprint());
  }

  @Test
  void aSigstorePayloadHasTheCosignTypeAndItsSignatureVerifiesWithThePemKey() throws Exception {
    SigstoreSignature signature = SIGNER.signSigstore(DIGEST, "127.0.0.1:5000/app:1.0");

    Map<String, Object> critical = critical(signature.payload());
    assertThat(critical.get("type")).isEqualTo("cosign container image signature");
    assertThat(critical.get("image"))
        .isEqualTo(Map.of("docker-manifest-digest", DIGEST.toString()));
    assertThat(critical.get("identity"))
        .isEqualTo(Map.of("docker-reference", "127.0.0.1:5000/app:1.0"));
    PublicKey key = fromPem(SIGNER.cosignKey().publicKeyPem());
    assertThat(verifies(key, signature.payload(), signature.signature())).isTrue();
  }

  @Test
  void aTamperedSigstoreSignatureKeepsItsSignatureOverTheOldPayload() throws Exception {
    SigstoreSignature good = SIGNER.signSigstore(DIGEST, "r/app:1");

    SigstoreSignature bad = good.tampered();

    PublicKey key = fromPem(SIGNER.cosignKey().publicKeyPem());
    assertThat(bad.signature()).isEqualTo(good.signature());
    assertThat(critical(bad.payload())).isEqualTo(critical(good.payload()));
    assertThat((Long) optional(bad.payload()).get("timestamp"))
        .isEqualTo((Long) optional(good.payload()).get("timestamp") + 1);
    assertThat(verifies(key, bad.payload(), bad.signature())).isFalse();
  }

  @Test
  void anotherSignersKeyDoesNotVerify() throws Exception {
    SigstoreSignature signature = ImageSigner.generate().signSigstore(DIGEST, "r/app:1");

    PublicKey key = fromPem(SIGNER.cosignKey().publicKeyPem());
    assertThat(verifies(key, signature.payload(), signature.signature())).isFalse();
  }

  @Test
  void signingAPushedImageUsesItsDigestAndReference() {
    try (TestRegistry registry = TestRegistry.builder().start()) {
      PushedImage image = registry.image("team/app").layer(10).push("1.0");

      assertThat(SIGNER.signSimple(image).dockerReference())
          .isEqualTo(registry.hostAndPort() + "/team/app:1.0");
      assertThat(SIGNER.signSigstore(image).manifestDigest()).isEqualTo(image.digest());
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> critical(byte[] payload) {
    return (Map<String, Object>) Json.parseObject(payload).get("critical");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> optional(byte[] payload) {
    return (Map<String, Object>) Json.parseObject(payload).get("optional");
  }

  private static PublicKey fromPem(String pem) throws Exception {
    assertThat(pem)
        .startsWith("-----BEGIN PUBLIC KEY-----\n")
        .endsWith("-----END PUBLIC KEY-----\n");
    String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
    return KeyFactory.getInstance("EC")
        .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
  }

  private static boolean verifies(PublicKey key, byte[] payload, String base64Signature)
      throws Exception {
    Signature ecdsa = Signature.getInstance("SHA256withECDSA");
    ecdsa.initVerify(key);
    ecdsa.update(payload);
    return ecdsa.verify(Base64.getDecoder().decode(base64Signature));
  }
}
