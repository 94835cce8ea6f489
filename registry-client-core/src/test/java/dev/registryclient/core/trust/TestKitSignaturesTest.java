package dev.registryclient.core.trust;

import static dev.registryclient.core.trust.SimpleSigningVerificationTest.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import dev.registryclient.api.Digest;
import dev.registryclient.testkit.ImageSigner;
import dev.registryclient.testkit.SigstoreSignature;
import dev.registryclient.testkit.SimpleSignature;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The signatures the test kit serves (its own OpenPGP and cosign writers, independent of Bouncy
 * Castle) verify here, so tests of the pull path can rely on them.
 */
class TestKitSignaturesTest {
  private static final ImageSigner SIGNER = ImageSigner.generate();
  private static final Digest MANIFEST = Digest.sha256("manifest".getBytes(StandardCharsets.UTF_8));
  private static final String REFERENCE = "registry.example/team/app:1.0";

  private final SignatureVerification verification = SignatureVerification.create();

  @Test
  void aSimpleSignatureOfTheKitVerifiesWithItsExportedKeyArmoredOrBinary() {
    SimpleSignature signature = SIGNER.signSimple(MANIFEST, REFERENCE);

    for (byte[] key :
        new byte[][] {
          SIGNER.openPgpKey().publicKey(),
          SIGNER.openPgpKey().publicKeyArmored().getBytes(StandardCharsets.US_ASCII)
        }) {
      VerificationResult result =
          verification.simpleSigning(signature.bytes(), OpenPgpKeyRing.of(key));

      assertThat(result).isInstanceOf(VerificationResult.Verified.class);
      VerificationResult.Verified verified = (VerificationResult.Verified) result;
      assertThat(verified.signerKey()).isEqualTo(signature.keyFingerprint());
      assertThat(verified.payload().manifestDigest()).isEqualTo(MANIFEST);
      assertThat(verified.payload().dockerReference()).isEqualTo(REFERENCE);
    }
  }

  @Test
  void aTamperedSimpleSignatureOfTheKitIsRejectedAsNotVerifying() {
    SimpleSignature tampered = SIGNER.signSimple(MANIFEST, REFERENCE).tampered();

    assertRejected(
        verification.simpleSigning(
            tampered.bytes(), OpenPgpKeyRing.of(SIGNER.openPgpKey().publicKey())),
        "does not verify");
  }

  @Test
  void aSigstoreSignatureOfTheKitVerifiesWithItsPemKey() {
    SigstoreSignature signature = SIGNER.signSigstore(MANIFEST, REFERENCE);
    SigstorePublicKeys keys = SigstorePublicKeys.of(SIGNER.cosignKey().publicKeyPem());

    VerificationResult result =
        verification.sigstore(signature.payload(), signature.signature(), keys);

    assertThat(result).isInstanceOf(VerificationResult.Verified.class);
    assertThat(((VerificationResult.Verified) result).payload().dockerReference())
        .isEqualTo(REFERENCE);
    SigstoreSignature tampered = signature.tampered();
    assertRejected(
        verification.sigstore(tampered.payload(), tampered.signature(), keys), "does not verify");
  }
}
