package dev.registryclient.core.trust;

import static dev.registryclient.core.trust.SimpleSigningVerificationTest.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.registryclient.api.Digest;
import dev.registryclient.api.exception.ConfigurationException;
import dev.registryclient.api.trust.KeySource;
import dev.registryclient.core.trust.TestSigstore.KeyType;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.Date;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SigstoreVerificationTest {
  static final String DIGEST =
      "sha256:4a8b3cbb8e5cce79f0ea4bd2bde1a6c3b14bd6e1fa95dd0c3f9e46a0db5e9f6a";

  /** A payload as cosign writes it: Go's field order, "optional": null. */
  static final byte[] PAYLOAD =
      ("{\"critical\":{\"identity\":{\"docker-reference\":\"quay.io/team/app\"},"
              + "\"image\":{\"docker-manifest-digest\":\""
              + DIGEST
              + "\"},\"type\":\"cosign container image signature\"},\"optional\":null}")
          .getBytes(StandardCharsets.UTF_8);

  private static final Map<KeyType, KeyPair> KEYS = new EnumMap<>(KeyType.class);

  private final SignatureVerification verification = SignatureVerification.create();

  @TempDir Path dir;

  private static KeyPair pair(KeyType type) {
    return KEYS.computeIfAbsent(type, KeyType::generate);
  }

  private static SigstorePublicKeys keys(KeyType... types) {
    StringBuilder pem = new StringBuilder();
    for (KeyType type : types) {
      pem.append(TestSigstore.pem(pair(type).getPublic()));
    }
    return SigstorePublicKeys.of(pem.toString());
  }

  private static String sign(KeyType type, byte[] payload) {
    return TestSigstore.sign(type, pair(type).getPrivate(), payload);
  }

  @ParameterizedTest
  @EnumSource(KeyType.class)
  void aSignatureByATrustedKeyOfEachTypeVerifiesAndYieldsItsPayload(KeyType type) {
    SigstorePublicKeys keys = keys(type);

    VerificationResult result = verification.sigstore(PAYLOAD, sign(type, PAYLOAD), keys);

    assertThat(result).isInstanceOf(VerificationResult.Verified.class);
    VerificationResult.Verified verified = (VerificationResult.Verified) result;
    assertThat(verified.signerKey()).isEqualTo(keys.keys().get(0).fingerprint());
    assertThat(verified.payload().format()).isEqualTo(SimpleSigningPayload.Format.SIGSTORE);
    assertThat(verified.payload().manifestDigest()).isEqualTo(Digest.parse(DIGEST));
    assertThat(verified.payload().dockerReference()).isEqualTo("quay.io/team/app");
  }

  @Test
  void theKeyThatVerifiesIsTheSignerAmongSeveral() throws IOException {
    Path first = dir.resolve("first.pub");
    Files.writeString(first, TestSigstore.pem(pair(KeyType.ECDSA_P256).getPublic()));
    SigstorePublicKeys keys =
        SigstorePublicKeys.load(
            List.of(
                new KeySource.FromFile(first),
                new KeySource.Inline(
                    (TestSigstore.pem(pair(KeyType.RSA_2048).getPublic())
                            + TestSigstore.pem(pair(KeyType.ED25519).getPublic()))
                        .getBytes(StandardCharsets.US_ASCII))));

    VerificationResult result =
        verification.sigstore(PAYLOAD, sign(KeyType.ED25519, PAYLOAD), keys);

    assertThat(keys.keys())
        .extracting(SigstorePublicKeys.Key::origin, SigstorePublicKeys.Key::algorithm)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(first.toString(), "ecdsa-p256"),
            org.assertj.core.groups.Tuple.tuple("keyData", "rsa2048"),
            org.assertj.core.groups.Tuple.tuple("keyData", "ed25519"));
    assertThat(result.signer()).contains(keys.keys().get(2).fingerprint());
    assertThat(keys.keys().get(2).fingerprint()).matches("sha256:[0-9a-f]{64}");
  }

  @Test
  void aChangedPayloadIsRejected() {
    String signature = sign(KeyType.ECDSA_P256, PAYLOAD);
    byte[] changed =
        new String(PAYLOAD, StandardCharsets.UTF_8)
            .replace("team", "evil")
            .getBytes(StandardCharsets.UTF_8);

    assertRejected(
        verification.sigstore(changed, signature, keys(KeyType.ECDSA_P256)), "does not verify");
  }

  @ParameterizedTest
  @EnumSource(KeyType.class)
  void aChangedByteOfTheSignatureIsRejected(KeyType type) {
    byte[] signature = Base64.getDecoder().decode(sign(type, PAYLOAD));
    signature[signature.length / 2] ^= 0x10;

    assertRejected(
        verification.sigstore(PAYLOAD, Base64.getEncoder().encodeToString(signature), keys(type)),
        "does not verify");
  }

  @Test
  void aSignatureByAnotherKeyIsRejected() {
    VerificationResult result =
        verification.sigstore(
            PAYLOAD, sign(KeyType.ECDSA_P256, PAYLOAD), keys(KeyType.RSA_2048, KeyType.ED25519));

    assertRejected(result, "verifies with none of the 2 trusted keys");
    assertThat(result.signer()).isEmpty();
  }

  @Test
  void anEcdsaP384SignatureOverSha384IsRejectedAsContainersImageHashesWithSha256() {
    String sha384 =
        TestSigstore.sign("SHA384withECDSA", pair(KeyType.ECDSA_P384).getPrivate(), PAYLOAD);

    assertRejected(
        verification.sigstore(PAYLOAD, sha384, keys(KeyType.ECDSA_P384)), "does not verify");
  }

  @Test
  void anAnnotationThatIsNotBase64OrIsHugeIsRejected() {
    SigstorePublicKeys keys = keys(KeyType.ECDSA_P256);

    assertRejected(verification.sigstore(PAYLOAD, "not base64!", keys), "not base64");
    assertRejected(
        verification.sigstore(
            PAYLOAD, "A".repeat(CosignVerifier.MAX_BASE64_SIGNATURE_CHARS + 4), keys),
        "refused");
    assertRejected(
        verification.sigstore(
            new byte[SimpleSigningPayload.MAX_PAYLOAD_BYTES + 1],
            sign(KeyType.ED25519, PAYLOAD),
            keys),
        "larger than 4 MiB");
  }

  @Test
  void aSimpleSigningPayloadSignedWithACosignKeyIsRejectedNamingTheSigner() {
    byte[] atomic =
        new String(PAYLOAD, StandardCharsets.UTF_8)
            .replace("cosign container image signature", "atomic container signature")
            .replace("null", "{}")
            .getBytes(StandardCharsets.UTF_8);
    SigstorePublicKeys keys = keys(KeyType.ED25519);

    VerificationResult result = verification.sigstore(atomic, sign(KeyType.ED25519, atomic), keys);

    assertRejected(result, "critical.type is \"atomic container signature\"");
    assertThat(result.signer()).contains(keys.keys().get(0).fingerprint());
  }

  @Test
  void anRsaKeyInPkcs1FormIsReadToo() throws IOException {
    byte[] pkcs1 =
        SubjectPublicKeyInfo.getInstance(pair(KeyType.RSA_2048).getPublic().getEncoded())
            .parsePublicKey()
            .getEncoded();

    SigstorePublicKeys keys = SigstorePublicKeys.of(TestSigstore.pem("RSA PUBLIC KEY", pkcs1));

    assertThat(verification.sigstore(PAYLOAD, sign(KeyType.RSA_2048, PAYLOAD), keys))
        .isInstanceOf(VerificationResult.Verified.class);
  }

  @Test
  void keysOfOtherTypesAndSizesAreConfigurationErrors() throws Exception {
    KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
    rsa.initialize(1024);
    KeyPairGenerator secp256k1 = KeyPairGenerator.getInstance("EC", new BouncyCastleProvider());
    secp256k1.initialize(new ECGenParameterSpec("secp256k1"));
    KeyPairGenerator ed448 = KeyPairGenerator.getInstance("Ed448");

    Map<String, String> refused =
        Map.of(
            TestSigstore.pem(rsa.generateKeyPair().getPublic()),
            "an RSA key of 1024 bits",
            TestSigstore.pem(secp256k1.generateKeyPair().getPublic()),
            "on a curve other than",
            TestSigstore.pem(ed448.generateKeyPair().getPublic()),
            "ECDSA, RSA or Ed25519 needed",
            TestSigstore.pem("PRIVATE KEY", pair(KeyType.ECDSA_P256).getPrivate().getEncoded()),
            "not a PEM public key",
            certificatePem(),
            "not a PEM public key",
            "no PEM here",
            "no PEM public key",
            "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n",
            "not a PEM public key");
    refused.forEach(
        (pem, message) ->
            assertThatThrownBy(() -> SigstorePublicKeys.of(pem))
                .as(message)
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("keyData")
                .hasMessageContaining(message));
  }

  @Test
  void aMissingOrHugeKeyFileIsAConfigurationErrorNamingIt() throws IOException {
    Path missing = dir.resolve("missing.pub");
    Path huge = dir.resolve("huge.pub");
    Files.write(huge, new byte[KeyMaterial.MAX_KEY_BYTES + 1]);

    assertThatThrownBy(() -> SigstorePublicKeys.load(List.of(new KeySource.FromFile(missing))))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining(missing.toString());
    assertThatThrownBy(() -> SigstorePublicKeys.load(List.of(new KeySource.FromFile(huge))))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("larger than 1 MiB");
  }

  private static String certificatePem() throws Exception {
    KeyPair pair = pair(KeyType.ECDSA_P256);
    X500Name name = new X500Name("CN=test");
    Date now = new Date();
    byte[] der =
        new JcaX509v3CertificateBuilder(
                name,
                BigInteger.ONE,
                now,
                new Date(now.getTime() + 86_400_000L),
                name,
                pair.getPublic())
            .build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate()))
            .getEncoded();
    return TestSigstore.pem("CERTIFICATE", der);
  }
}
