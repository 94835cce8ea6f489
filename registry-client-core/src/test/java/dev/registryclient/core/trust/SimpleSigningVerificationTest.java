package dev.registryclient.core.trust;

import static dev.registryclient.core.trust.TestPgp.NOW;
import static dev.registryclient.core.trust.TestPgp.fingerprint;
import static dev.registryclient.core.trust.TestPgp.key;
import static dev.registryclient.core.trust.TestPgp.ring;
import static dev.registryclient.core.trust.TestPgp.signer;
import static org.assertj.core.api.Assertions.assertThat;

import dev.registryclient.api.Digest;
import dev.registryclient.core.trust.TestPgp.KeyType;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.bcpg.sig.KeyFlags;
import org.bouncycastle.openpgp.api.OpenPGPKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SimpleSigningVerificationTest {
  static final String DIGEST =
      "sha256:817a12c32a39bbe394944ba49de563e085f1d3c5266eb8e9723256bc4448680e";
  static final String PAYLOAD =
      "{\"critical\":{\"identity\":{\"docker-reference\":\"registry.example/team/app:1.0\"},"
          + "\"image\":{\"docker-manifest-digest\":\""
          + DIGEST
          + "\"},\"type\":\"atomic container signature\"},"
          + "\"optional\":{\"creator\":\"atomic 2.0.0\",\"timestamp\":1718000000}}";

  private static final OpenPGPKey ED25519 = key(KeyType.ED25519_LEGACY);
  private static final OpenPGPKey OTHER = key(KeyType.ED25519_LEGACY);

  private final SignatureVerification verification =
      SignatureVerification.withClock(Clock.fixed(NOW, ZoneOffset.UTC));

  @ParameterizedTest
  @EnumSource(
      value = KeyType.class,
      names = {"RSA", "ECDSA_P256", "ECDSA_P384", "ED25519_LEGACY", "ED25519"})
  void aSignatureByATrustedKeyOfEachTypeVerifiesAndYieldsItsPayload(KeyType type) {
    OpenPGPKey key = key(type);

    VerificationResult result =
        verification.simpleSigning(signer(key).sign(PAYLOAD), ring(OTHER, key));

    assertThat(result).isInstanceOf(VerificationResult.Verified.class);
    VerificationResult.Verified verified = (VerificationResult.Verified) result;
    assertThat(verified.signerKey()).isEqualTo(fingerprint(key));
    assertThat(verified.payload().manifestDigest()).isEqualTo(Digest.parse(DIGEST));
    assertThat(verified.payload().dockerReference()).isEqualTo("registry.example/team/app:1.0");
  }

  @Test
  void uncompressedAndTextModeSignaturesVerifyToo() {
    assertThat(
            verification.simpleSigning(
                signer(ED25519).compressed(false).sign(PAYLOAD), ring(ED25519)))
        .isInstanceOf(VerificationResult.Verified.class);
    assertThat(verification.simpleSigning(signer(ED25519).textMode().sign(PAYLOAD), ring(ED25519)))
        .isInstanceOf(VerificationResult.Verified.class);
  }

  @Test
  void aSignatureByASubKeyIsReportedUnderThePrimaryKeyFingerprint() {
    OpenPGPKey key = TestPgp.keyWithSigningSubkey();

    VerificationResult result = verification.simpleSigning(signer(key).sign(PAYLOAD), ring(key));

    assertThat(result.signer()).contains(fingerprint(key));
    assertThat(result).isInstanceOf(VerificationResult.Verified.class);
  }

  @Test
  void aChangedPayloadIsRejected() {
    byte[] other = PAYLOAD.replace("app:1.0", "app:6.6").getBytes(StandardCharsets.UTF_8);

    VerificationResult result =
        verification.simpleSigning(signer(ED25519).literal(other).sign(PAYLOAD), ring(ED25519));

    assertRejected(result, "does not verify");
    assertThat(result.signer()).contains(fingerprint(ED25519));
  }

  @ParameterizedTest
  @EnumSource(
      value = KeyType.class,
      names = {"RSA", "ECDSA_P256", "ED25519_LEGACY"})
  void aChangedByteOfTheSignatureIsRejected(KeyType type) {
    OpenPGPKey key = key(type);
    byte[] message = signer(key).compressed(false).sign(PAYLOAD);
    message[message.length - 3] ^= 0x01; // inside the last MPI of the signature packet

    VerificationResult result = verification.simpleSigning(message, ring(key));

    assertThat(result).isInstanceOf(VerificationResult.Rejected.class);
  }

  @Test
  void aSignatureByAKeyNotInTheRingIsRejectedNamingItsKeyId() {
    VerificationResult result =
        verification.simpleSigning(signer(OTHER).sign(PAYLOAD), ring(ED25519));

    String keyId = fingerprint(OTHER).substring(24);
    assertRejected(result, "signed by key " + keyId + ", which is not a trusted key");
    assertThat(result.signer()).contains(keyId);
  }

  @Test
  void aKeyExpiredNowIsRejectedEvenForASignatureItMadeWhileValid() {
    OpenPGPKey key =
        key(
            KeyType.ED25519_LEGACY,
            KeyFlags.CERTIFY_OTHER | KeyFlags.SIGN_DATA,
            Duration.ofDays(1));
    byte[] message = signer(key).at(TestPgp.KEY_CREATED.plus(Duration.ofHours(1))).sign(PAYLOAD);

    VerificationResult result = verification.simpleSigning(message, ring(key));

    assertRejected(result, "expired on " + TestPgp.KEY_CREATED.plus(Duration.ofDays(1)));
  }

  @Test
  void aKeyThatExpiresLaterIsAccepted() {
    OpenPGPKey key =
        key(
            KeyType.ED25519_LEGACY,
            KeyFlags.CERTIFY_OTHER | KeyFlags.SIGN_DATA,
            Duration.ofDays(30));

    assertThat(verification.simpleSigning(signer(key).sign(PAYLOAD), ring(key)))
        .isInstanceOf(VerificationResult.Verified.class);
  }

  @Test
  void aRevokedKeyIsRejected() {
    OpenPGPKey revoked = TestPgp.revoked(key(KeyType.ED25519_LEGACY));
    byte[] message = signer(revoked).at(NOW.minus(Duration.ofDays(5))).sign(PAYLOAD);

    assertRejected(verification.simpleSigning(message, ring(revoked)), "was revoked on");
  }

  @Test
  void aRevokedSubKeyIsRejected() {
    OpenPGPKey key = TestPgp.keyWithSigningSubkey();
    byte[] message = signer(key).sign(PAYLOAD);

    VerificationResult result =
        verification.simpleSigning(message, ring(TestPgp.subkeyRevoked(key)));

    assertRejected(result, "was revoked on");
    assertThat(result.signer()).contains(fingerprint(key));
  }

  @Test
  void aKeyWithoutTheSigningFlagIsRejected() {
    OpenPGPKey certifyOnly = key(KeyType.ED25519_LEGACY, KeyFlags.CERTIFY_OTHER, Duration.ZERO);

    assertRejected(
        verification.simpleSigning(signer(certifyOnly).sign(PAYLOAD), ring(certifyOnly)),
        "not allowed to sign data");
  }

  @Test
  void aKeyTooWeakForTheDefaultPolicyIsRejected() {
    OpenPGPKey weak = key(KeyType.RSA_1024);

    assertRejected(verification.simpleSigning(signer(weak).sign(PAYLOAD), ring(weak)), "too weak");
  }

  @Test
  void signaturesFromBeforeTheKeyOrFromTheFutureAreRejected() {
    assertRejected(
        verification.simpleSigning(
            signer(ED25519).at(TestPgp.KEY_CREATED.minusSeconds(60)).sign(PAYLOAD), ring(ED25519)),
        "is older than key");
    assertRejected(
        verification.simpleSigning(
            signer(ED25519).at(NOW.plusSeconds(60)).sign(PAYLOAD), ring(ED25519)),
        "in the future");
  }

  @Test
  void aSignaturePastItsOwnExpiryIsRejected() {
    byte[] message =
        signer(ED25519)
            .at(NOW.minus(Duration.ofDays(2)))
            .expiringAfter(Duration.ofDays(1))
            .sign(PAYLOAD);

    assertRejected(verification.simpleSigning(message, ring(ED25519)), "the signature expired on");
  }

  @Test
  void aSha1SignatureIsRejected() {
    byte[] message = signer(ED25519).hash(HashAlgorithmTags.SHA1).sign(PAYLOAD);

    assertRejected(verification.simpleSigning(message, ring(ED25519)), "SHA1");
  }

  @Test
  void aMessageWithTwoSignaturesIsRejected() {
    byte[] message = signer(ED25519).alsoBy(OTHER).sign(PAYLOAD);

    assertRejected(
        verification.simpleSigning(message, ring(ED25519, OTHER)), "exactly one is accepted");
  }

  @Test
  void bytesAfterTheSignatureAreRejected() {
    byte[] emptyLiteralPacket = {(byte) 0xCB, 0x06, 'b', 0, 0, 0, 0, 0};
    byte[] notAPacket = {0x01, 0x02, 0x03};
    for (byte[] trailing : List.of(emptyLiteralPacket, notAPacket)) {
      for (TestPgp.Signer signer :
          List.of(signer(ED25519).compressed(false), signer(ED25519).compressedInChunks())) {
        byte[] message = signer.trailing(trailing).sign(PAYLOAD);

        assertRejected(verification.simpleSigning(message, ring(ED25519)), "unexpected");
      }
    }
  }

  @Test
  void bytesAfterTheEndOfACompressedStreamThatExtendsToTheEndOfTheInputAreIgnoredAsByGpg() {
    // gpg writes a compressed packet without a length: it ends where the input ends, and
    // decompression stops at the end of the deflate stream. Bytes after that are inside the
    // packet, never read, and not part of what was signed.
    byte[] message = signer(ED25519).trailing(new byte[] {1, 2, 3}).sign(PAYLOAD);

    assertThat(verification.simpleSigning(message, ring(ED25519)))
        .isInstanceOf(VerificationResult.Verified.class);
  }

  @Test
  void anArmoredSignatureIsRejected() {
    byte[] armored = TestPgp.armored(signer(ED25519).sign(PAYLOAD));

    assertRejected(verification.simpleSigning(armored, ring(ED25519)), "signatures are binary");
  }

  @Test
  void aSignatureLargerThanFourMebibytesIsRejectedUnread() {
    byte[] huge = new byte[SimpleSigningVerifier.MAX_SIGNATURE_BYTES + 1];

    assertRejected(verification.simpleSigning(huge, ring(ED25519)), "larger than 4 MiB");
  }

  @Test
  void aSmallCompressedMessageThatExpandsBeyondFourMebibytesIsRejected() {
    byte[] zeros = new byte[5 << 20];
    byte[] message = signer(ED25519).sign(zeros);

    assertThat(message.length).isLessThan(64 * 1024);
    assertRejected(verification.simpleSigning(message, ring(ED25519)), "larger than");
  }

  @Test
  void aGoodSignatureOverSomethingElseThanASignaturePayloadIsRejectedNamingTheSigner() {
    VerificationResult result =
        verification.simpleSigning(signer(ED25519).sign("This is not JSON\n"), ring(ED25519));

    assertRejected(result, "signed by " + fingerprint(ED25519) + ", but signature payload");
    assertThat(result.signer()).contains(fingerprint(ED25519));
  }

  @Test
  void aSigstorePayloadSignedWithOpenPgpIsRejected() {
    String sigstore =
        PAYLOAD.replace("atomic container signature", "cosign container image signature");

    assertRejected(
        verification.simpleSigning(signer(ED25519).sign(sigstore), ring(ED25519)), "critical.type");
  }

  @Test
  void emptyAndRandomInputsAreRejectedWithoutASigner() {
    for (byte[] input :
        new byte[][] {
          new byte[0],
          "invalid signature".getBytes(StandardCharsets.UTF_8),
          TestPgp.publicKey(ED25519)
        }) {
      VerificationResult result = verification.simpleSigning(input, ring(ED25519));
      assertThat(result).as(Arrays.toString(input)).isInstanceOf(VerificationResult.Rejected.class);
      assertThat(result.signer()).isEqualTo(Optional.empty());
    }
  }

  static void assertRejected(VerificationResult result, String reason) {
    assertThat(result).isInstanceOf(VerificationResult.Rejected.class);
    assertThat(((VerificationResult.Rejected) result).reason()).contains(reason);
  }
}
