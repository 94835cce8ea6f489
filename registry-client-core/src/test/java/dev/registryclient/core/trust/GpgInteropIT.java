package dev.registryclient.core.trust;

import static dev.registryclient.core.trust.SimpleSigningVerificationTest.PAYLOAD;
import static dev.registryclient.core.trust.SimpleSigningVerificationTest.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import dev.registryclient.testkit.distribution.ExternalTool;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Signatures and keys made by the real {@code gpg}, in a throwaway {@code GNUPGHOME}, verify as
 * containers/image (through gpgme) verifies them. gpg must be installed; the test fails, with the
 * command to install it ({@link ExternalTool#gpg()}), when it is not.
 */
class GpgInteropIT {
  private static final Duration TIMEOUT = Duration.ofSeconds(120);

  @TempDir Path home;

  private final SignatureVerification verification = SignatureVerification.create();
  private Path payload;

  @BeforeEach
  void writePayload() throws IOException {
    payload = home.resolve("payload.json");
    Files.writeString(payload, PAYLOAD);
  }

  @AfterEach
  void stopAgent() throws Exception {
    // Signing starts a gpg-agent for the home directory; it must not outlive the test. gpgconf
    // comes with gpg (Debian's gnupg depends on it).
    Process gpgconf =
        new ProcessBuilder("gpgconf", "--homedir", home.toString(), "--kill", "all")
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    assertThat(gpgconf.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"rsa3072", "ed25519", "nistp256"})
  void aSignatureByGpgVerifiesWithItsExportedKeyArmoredOrBinary(String algorithm)
      throws IOException {
    String fingerprint = generateKey("Signer <" + algorithm + "@test>", algorithm, "never");
    byte[] signature = sign(fingerprint);

    for (String armor : new String[] {"--armor", "--no-armor"}) {
      OpenPgpKeyRing ring = OpenPgpKeyRing.of(export(armor, fingerprint));
      VerificationResult result = verification.simpleSigning(signature, ring);

      assertThat(result).as(armor).isInstanceOf(VerificationResult.Verified.class);
      assertThat(result.signer()).contains(fingerprint);
    }
  }

  @Test
  void aSignatureByAGpgSubKeyIsReportedUnderThePrimaryKey() throws IOException {
    String primary = generateKey("Primary <primary@test>", "ed25519", "never");
    gpg("--passphrase", "", "--quick-add-key", primary, "ed25519", "sign");
    String subkey = fingerprints().get(1);
    byte[] signature = sign(subkey + "!"); // "!": exactly this sub-key

    VerificationResult result =
        verification.simpleSigning(signature, OpenPgpKeyRing.of(export("--no-armor", primary)));

    assertThat(subkey).isNotEqualTo(primary);
    assertThat(result).isInstanceOf(VerificationResult.Verified.class);
    assertThat(result.signer()).contains(primary);
  }

  @Test
  void theExpiryGpgSetsOnAKeyIsRead() throws IOException {
    String fingerprint = generateKey("Expiring <exp@test>", "ed25519", "2d");

    OpenPgpKeyRing.Key key =
        OpenPgpKeyRing.of(export("--no-armor", fingerprint)).key(fingerprint).orElseThrow();

    assertThat(key.expires()).contains(key.created().plus(Duration.ofDays(2)));
    assertThat(
            verification.simpleSigning(
                sign(fingerprint), OpenPgpKeyRing.of(export("--armor", fingerprint))))
        .isInstanceOf(VerificationResult.Verified.class);
  }

  @Test
  void aKeyRevokedWithTheCertificateGpgStoredAtGenerationIsRejected() throws IOException {
    String fingerprint = generateKey("Revoked <revoked@test>", "ed25519", "never");
    byte[] signature = sign(fingerprint);
    // gpg writes a revocation certificate when it makes a key, its armor header escaped with ":"
    Path stored = home.resolve("openpgp-revocs.d").resolve(fingerprint + ".rev");
    Path revocation = home.resolve("revocation.asc");
    Files.writeString(revocation, Files.readString(stored).replace(":-----BEGIN", "-----BEGIN"));
    gpg("--import", revocation.toString());

    OpenPgpKeyRing ring = OpenPgpKeyRing.of(export("--armor", fingerprint));

    assertThat(ring.key(fingerprint).orElseThrow().revoked()).isPresent();
    assertRejected(verification.simpleSigning(signature, ring), "was revoked on");
  }

  /** Makes the one key of this test's home directory and returns its fingerprint. */
  private String generateKey(String userId, String algorithm, String expiry) {
    gpg("--passphrase", "", "--quick-generate-key", userId, algorithm, "sign", expiry);
    return fingerprints().get(0);
  }

  /** Every fingerprint gpg lists, primary keys each followed by their sub-keys. */
  private List<String> fingerprints() {
    List<String> found = new ArrayList<>();
    for (String line : gpg("--with-colons", "--list-keys").split("\n")) {
      if (line.startsWith("fpr:")) {
        found.add(line.split(":")[9]);
      }
    }
    return found;
  }

  private byte[] sign(String keyId) throws IOException {
    Path signature = home.resolve("signature-" + System.nanoTime());
    gpg(
        "--passphrase",
        "",
        "-u",
        keyId,
        "--sign",
        "--output",
        signature.toString(),
        payload.toString());
    return Files.readAllBytes(signature);
  }

  private byte[] export(String armor, String fingerprint) throws IOException {
    Path file = home.resolve("export-" + System.nanoTime());
    gpg(armor, "--output", file.toString(), "--export", fingerprint);
    return Files.readAllBytes(file);
  }

  private String gpg(String... args) {
    List<String> command =
        new ArrayList<>(
            List.of(
                "--homedir", home.toString(), "--batch", "--yes", "--pinentry-mode", "loopback"));
    command.addAll(List.of(args));
    return ExternalTool.gpg().runOrFail(TIMEOUT, command.toArray(String[]::new));
  }
}
