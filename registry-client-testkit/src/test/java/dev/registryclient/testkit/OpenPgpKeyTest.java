package dev.registryclient.testkit;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Iterator;
import org.bouncycastle.bcpg.ArmoredInputStream;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.bcpg.PublicKeyAlgorithmTags;
import org.bouncycastle.bcpg.sig.KeyFlags;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPLiteralData;
import org.bouncycastle.openpgp.PGPOnePassSignature;
import org.bouncycastle.openpgp.PGPOnePassSignatureList;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureList;
import org.bouncycastle.openpgp.bc.BcPGPObjectFactory;
import org.bouncycastle.openpgp.operator.bc.BcKeyFingerprintCalculator;
import org.bouncycastle.openpgp.operator.bc.BcPGPContentVerifierBuilderProvider;
import org.junit.jupiter.api.Test;

/**
 * Bouncy Castle, an OpenPGP implementation that shares no code with the kit, reads the kit's keys
 * and verifies its signatures. {@code OpenPgpGpgIT} asks gpg itself.
 */
class OpenPgpKeyTest {
  private static final OpenPgpKey KEY = OpenPgpKey.generate();

  @Test
  void thePublicKeyIsAKeyRingWhoseSelfCertificationVerifiesAndAllowsSigning() throws Exception {
    PGPPublicKeyRing ring = new PGPPublicKeyRing(KEY.publicKey(), new BcKeyFingerprintCalculator());
    PGPPublicKey key = ring.getPublicKey();

    assertThat(key.getVersion()).isEqualTo(4);
    assertThat(key.getAlgorithm()).isEqualTo(PublicKeyAlgorithmTags.RSA_GENERAL);
    assertThat(key.getBitStrength()).isEqualTo(2048);
    assertThat(HexFormat.of().withUpperCase().formatHex(key.getFingerprint()))
        .isEqualTo(KEY.fingerprint());
    assertThat(String.format("%016X", key.getKeyID())).isEqualTo(KEY.keyId());
    assertThat(key.getCreationTime().toInstant()).isEqualTo(KEY.created());
    assertThat(key.getUserIDs()).toIterable().containsExactly(OpenPgpKey.DEFAULT_USER_ID);

    Iterator<PGPSignature> certifications = key.getSignaturesForID(OpenPgpKey.DEFAULT_USER_ID);
    PGPSignature self = certifications.next();
    assertThat(certifications.hasNext()).isFalse();
    assertThat(self.getSignatureType()).isEqualTo(PGPSignature.POSITIVE_CERTIFICATION);
    assertThat(self.getHashAlgorithm()).isEqualTo(HashAlgorithmTags.SHA256);
    assertThat(self.getHashedSubPackets().getKeyFlags())
        .isEqualTo(KeyFlags.CERTIFY_OTHER | KeyFlags.SIGN_DATA);
    assertThat(self.getHashedSubPackets().getIssuerFingerprint().getFingerprint())
        .isEqualTo(key.getFingerprint());
    self.init(new BcPGPContentVerifierBuilderProvider(), key);
    assertThat(self.verifyCertification(OpenPgpKey.DEFAULT_USER_ID, key)).isTrue();
  }

  @Test
  void theArmoredKeyCarriesTheSameBytesAndAValidChecksum() throws IOException {
    String armored = KEY.publicKeyArmored();

    assertThat(armored)
        .startsWith("-----BEGIN PGP PUBLIC KEY BLOCK-----\n\n")
        .endsWith("\n-----END PGP PUBLIC KEY BLOCK-----\n")
        .containsPattern("\n=[A-Za-z0-9+/]{4}\n-----END");
    assertThat(armored.lines())
        .allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(64));
    try (ArmoredInputStream in =
        ArmoredInputStream.builder()
            .setDetectMissingCRC(true)
            .build(new ByteArrayInputStream(armored.getBytes(UTF_8)))) {
      assertThat(in.readAllBytes()).isEqualTo(KEY.publicKey());
    }
  }

  @Test
  void aSignedMessageIsOnePassLiteralSignatureAndVerifies() throws Exception {
    byte[] content = "{\"critical\":{}}".getBytes(UTF_8);
    Instant before = Instant.now().minusSeconds(1);

    Message message = Message.read(KEY.sign(content));

    assertThat(message.content).isEqualTo(content);
    assertThat(message.literal.getFormat()).isEqualTo(PGPLiteralData.BINARY);
    assertThat(message.onePass.getSignatureType()).isEqualTo(PGPSignature.BINARY_DOCUMENT);
    assertThat(message.onePass.getKeyID()).isEqualTo(publicKey(KEY).getKeyID());
    PGPSignature signature = message.signature;
    assertThat(signature.getVersion()).isEqualTo(4);
    assertThat(signature.getSignatureType()).isEqualTo(PGPSignature.BINARY_DOCUMENT);
    assertThat(signature.getHashAlgorithm()).isEqualTo(HashAlgorithmTags.SHA256);
    assertThat(signature.getKeyAlgorithm()).isEqualTo(PublicKeyAlgorithmTags.RSA_GENERAL);
    assertThat(signature.getCreationTime().toInstant()).isAfter(before);
    assertThat(signature.getHashedSubPackets().getIssuerFingerprint().getFingerprint())
        .isEqualTo(publicKey(KEY).getFingerprint());
    assertThat(signature.getUnhashedSubPackets().getIssuerKeyID())
        .isEqualTo(publicKey(KEY).getKeyID());
    assertThat(message.verifiesWith(publicKey(KEY))).isTrue();
  }

  @Test
  void aTamperedSignatureIsWellFormedButDoesNotVerify() throws Exception {
    ImageSigner signer = ImageSigner.of(KEY, CosignKey.generate());
    SimpleSignature good =
        signer.signSimple(dev.registryclient.api.Digest.sha256(new byte[1]), "r/a:1");

    Message tampered = Message.read(good.tampered().bytes());

    assertThat(tampered.content).isEqualTo(good.tampered().payload()).isNotEqualTo(good.payload());
    assertThat(tampered.verifiesWith(publicKey(KEY))).isFalse();
    assertThat(Message.read(good.bytes()).verifiesWith(publicKey(KEY))).isTrue();
  }

  @Test
  void anotherKeysSignatureDoesNotVerify() throws Exception {
    OpenPgpKey other = OpenPgpKey.generate();

    Message message = Message.read(other.sign(new byte[] {1, 2, 3}));

    assertThat(other.fingerprint()).isNotEqualTo(KEY.fingerprint());
    assertThat(message.verifiesWith(publicKey(KEY))).isFalse();
  }

  @Test
  void largerKeysAndOtherUserIdsAreReadToo() throws Exception {
    OpenPgpKey big = OpenPgpKey.generate("Release Signer <release@example.test>", 3072);

    PGPPublicKey key = publicKey(big);
    assertThat(key.getBitStrength()).isEqualTo(3072);
    assertThat(key.getUserIDs())
        .toIterable()
        .containsExactly("Release Signer <release@example.test>");
    assertThat(Message.read(big.sign(new byte[300])).verifiesWith(key)).isTrue();
  }

  @Test
  void refusesKeySizesGpgWouldNotMakeAndEmptyUserIds() {
    assertThatThrownBy(() -> OpenPgpKey.generate("x", 1024))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1024");
    assertThatThrownBy(() -> OpenPgpKey.generate(" ", 2048))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static PGPPublicKey publicKey(OpenPgpKey key) throws IOException {
    return new PGPPublicKeyRing(key.publicKey(), new BcKeyFingerprintCalculator()).getPublicKey();
  }

  /** An OpenPGP message read as gpg reads it: one-pass signature, literal data, signature. */
  private record Message(
      PGPOnePassSignature onePass, PGPLiteralData literal, byte[] content, PGPSignature signature) {

    static Message read(byte[] bytes) throws IOException {
      BcPGPObjectFactory factory = new BcPGPObjectFactory(bytes);
      PGPOnePassSignatureList onePass = (PGPOnePassSignatureList) factory.nextObject();
      PGPLiteralData literal = (PGPLiteralData) factory.nextObject();
      byte[] content;
      try (InputStream in = literal.getDataStream()) {
        content = in.readAllBytes();
      }
      PGPSignatureList signatures = (PGPSignatureList) factory.nextObject();
      assertThat(onePass.size()).isEqualTo(1);
      assertThat(signatures.size()).isEqualTo(1);
      assertThat(factory.nextObject()).as("nothing after the signature").isNull();
      return new Message(onePass.get(0), literal, content, signatures.get(0));
    }

    boolean verifiesWith(PGPPublicKey key) throws PGPException {
      if (key.getKeyID() != onePass.getKeyID()) {
        return false;
      }
      onePass.init(new BcPGPContentVerifierBuilderProvider(), key);
      onePass.update(content);
      return onePass.verify(signature);
    }
  }
}
