package dev.registryclient.core.trust;

import static dev.registryclient.core.trust.TestPgp.NOW;
import static dev.registryclient.core.trust.TestPgp.fingerprint;
import static dev.registryclient.core.trust.TestPgp.key;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.registryclient.api.exception.ConfigurationException;
import dev.registryclient.api.trust.KeySource;
import dev.registryclient.core.trust.TestPgp.KeyType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.bouncycastle.bcpg.sig.KeyFlags;
import org.bouncycastle.openpgp.api.OpenPGPKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpenPgpKeyRingTest {
  private static final OpenPGPKey RSA = key(KeyType.RSA);
  private static final OpenPGPKey ECDSA = key(KeyType.ECDSA_P256);
  private static final OpenPGPKey WITH_SUBKEY = TestPgp.keyWithSigningSubkey();

  @TempDir Path dir;

  @Test
  void armoredBlocksOneAfterTheOtherAndBinaryRingsGiveTheSameKeys() {
    OpenPgpKeyRing armored = OpenPgpKeyRing.of(TestPgp.armoredPublicKey(RSA, ECDSA, WITH_SUBKEY));
    OpenPgpKeyRing binary = OpenPgpKeyRing.of(TestPgp.publicKey(RSA, ECDSA, WITH_SUBKEY));

    assertThat(armored.keys()).isEqualTo(binary.keys());
    assertThat(armored.primaryFingerprints())
        .containsExactly(fingerprint(RSA), fingerprint(ECDSA), fingerprint(WITH_SUBKEY));
  }

  @Test
  void keysAreNamedAsGpgNamesThem() {
    OpenPgpKeyRing ring = OpenPgpKeyRing.of(TestPgp.publicKey(RSA, WITH_SUBKEY));

    OpenPgpKeyRing.Key rsa = ring.keys().get(0);
    assertThat(rsa.fingerprint()).matches("[0-9A-F]{40}");
    assertThat(rsa.keyId()).isEqualTo(rsa.fingerprint().substring(24));
    assertThat(rsa.algorithm()).isEqualTo("rsa2048");
    assertThat(rsa.isPrimary()).isTrue();
    assertThat(rsa.created()).isEqualTo(TestPgp.KEY_CREATED);

    List<OpenPgpKeyRing.Key> subKeyRing = ring.keys().subList(1, ring.keys().size());
    assertThat(subKeyRing).hasSize(2);
    assertThat(subKeyRing.get(1).primaryFingerprint()).isEqualTo(fingerprint(WITH_SUBKEY));
    assertThat(subKeyRing.get(1).isPrimary()).isFalse();
    assertThat(ring.key(subKeyRing.get(1).keyId().toLowerCase(java.util.Locale.ROOT)))
        .contains(subKeyRing.get(1));
  }

  @Test
  void expiryAndRevocationAreKnownWithTheirTimes() {
    OpenPGPKey expiring =
        key(
            KeyType.ED25519_LEGACY,
            KeyFlags.CERTIFY_OTHER | KeyFlags.SIGN_DATA,
            Duration.ofDays(1));
    OpenPGPKey revoked = TestPgp.revoked(key(KeyType.ED25519_LEGACY));

    OpenPgpKeyRing ring = OpenPgpKeyRing.of(TestPgp.publicKey(expiring, revoked));

    OpenPgpKeyRing.Key expired = ring.key(fingerprint(expiring)).orElseThrow();
    assertThat(expired.expires()).contains(TestPgp.KEY_CREATED.plus(Duration.ofDays(1)));
    assertThat(expired.isExpiredAt(NOW)).isTrue();
    assertThat(expired.isExpiredAt(TestPgp.KEY_CREATED)).isFalse();
    assertThat(expired.revoked()).isEmpty();
    assertThat(ring.key(fingerprint(revoked)).orElseThrow().revoked())
        .contains(NOW.minus(Duration.ofDays(1)));
  }

  @Test
  void aRevokedPrimaryKeyRevokesItsSubKeys() {
    OpenPgpKeyRing ring = OpenPgpKeyRing.of(TestPgp.publicKey(TestPgp.revoked(WITH_SUBKEY)));

    assertThat(ring.keys()).allSatisfy(k -> assertThat(k.revoked()).isPresent());
  }

  @Test
  void filesAndInlineBytesAreReadInOrder() throws IOException {
    Path file = dir.resolve("key.asc");
    Files.write(file, TestPgp.armoredPublicKey(RSA));

    OpenPgpKeyRing ring =
        OpenPgpKeyRing.load(
            List.of(new KeySource.FromFile(file), new KeySource.Inline(TestPgp.publicKey(ECDSA))));

    assertThat(ring.primaryFingerprints()).containsExactly(fingerprint(RSA), fingerprint(ECDSA));
  }

  @Test
  void aMissingFileIsAConfigurationErrorNamingIt() {
    Path missing = dir.resolve("missing.gpg");

    assertThatThrownBy(() -> OpenPgpKeyRing.load(List.of(new KeySource.FromFile(missing))))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining(missing.toString())
        .hasMessageContaining("cannot read");
  }

  @Test
  void aFileLargerThanOneMebibyteIsRefusedUnparsed() throws IOException {
    Path big = dir.resolve("big.gpg");
    Files.write(big, new byte[KeyMaterial.MAX_KEY_BYTES + 1]);

    assertThatThrownBy(() -> OpenPgpKeyRing.load(List.of(new KeySource.FromFile(big))))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("larger than 1 MiB");
    assertThatThrownBy(() -> OpenPgpKeyRing.of(new byte[KeyMaterial.MAX_KEY_BYTES + 1]))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("keyData");
  }

  @Test
  void somethingElseThanAPublicKeyRingIsAConfigurationError() {
    for (byte[] notAKeyRing :
        List.of(
            new byte[0],
            "not a key".getBytes(StandardCharsets.UTF_8),
            TestPgp.signer(RSA).sign("{}"),
            "-----BEGIN PGP PUBLIC KEY BLOCK-----\n\nAAAA\n-----END PGP PUBLIC KEY BLOCK-----\n"
                .getBytes(StandardCharsets.US_ASCII))) {
      assertThatThrownBy(() -> OpenPgpKeyRing.of(notAKeyRing))
          .isInstanceOf(ConfigurationException.class)
          .hasMessageContaining("keyData");
    }
  }

  @Test
  void aSecretKeyIsRefused() throws IOException {
    byte[] secret = RSA.getEncoded();

    assertThatThrownBy(() -> OpenPgpKeyRing.of(secret))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("not an OpenPGP public key ring");
  }

  @Test
  void noKeySourceAtAllIsAConfigurationError() {
    assertThatThrownBy(() -> OpenPgpKeyRing.load(List.of()))
        .isInstanceOf(ConfigurationException.class);
  }
}
