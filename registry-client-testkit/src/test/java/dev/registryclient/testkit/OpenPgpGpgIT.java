package dev.registryclient.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.registryclient.api.Digest;
import dev.registryclient.testkit.distribution.ExternalTool;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real gpg reads the kit's public keys and verifies its simple signing signatures: the
 * reference the kit's OpenPGP has to satisfy. Each test uses a throwaway GNUPGHOME.
 */
class OpenPgpGpgIT {
  private static final Duration TIMEOUT = Duration.ofSeconds(60);
  private static final OpenPgpKey KEY = OpenPgpKey.generate();
  private static final Digest DIGEST = Digest.sha256(new byte[] {1, 2, 3});

  @TempDir Path tmp;
  private Path home;

  @BeforeEach
  void throwawayKeyring() throws IOException {
    home = tmp.resolve("gnupg");
    Files.createDirectory(
        home, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
  }

  @Test
  void gpgImportsTheArmoredKeyWithItsFingerprintUserIdAndSigningCapability() {
    gpgOrFail("--import", KEY.writePublicKey(tmp.resolve("key.asc")).toString());

    String listing = gpgOrFail("--with-colons", "--list-keys");

    assertThat(listing)
        .contains("fpr:::::::::" + KEY.fingerprint() + ":")
        .containsPattern(
            "(?m)^pub:-:2048:1:"
                + KEY.keyId()
                + ":"
                + KEY.created().getEpochSecond()
                + ":::-:::scSC:")
        .contains("::" + OpenPgpKey.DEFAULT_USER_ID + ":");
  }

  @Test
  void gpgImportsTheBinaryKeyToo() throws IOException {
    Path binary = Files.write(tmp.resolve("key.gpg"), KEY.publicKey());

    assertThat(gpgOrFail("--import", binary.toString())).contains("imported: 1");
    assertThat(gpgOrFail("--with-colons", "--list-keys")).contains(KEY.fingerprint());
  }

  @Test
  void gpgFindsASimpleSignatureGoodAndPrintsItsPayload() throws IOException {
    gpgOrFail("--import", KEY.writePublicKey(tmp.resolve("key.asc")).toString());
    SimpleSignature signature =
        ImageSigner.of(KEY, CosignKey.generate()).signSimple(DIGEST, "127.0.0.1:5000/app:1.0");
    Path file = Files.write(tmp.resolve("signature-1"), signature.bytes());
    Path out = tmp.resolve("payload.json");

    String verify = gpgOrFail("--status-fd", "1", "--verify", file.toString());
    gpgOrFail("--output", out.toString(), "--decrypt", file.toString());

    assertThat(verify)
        .contains("[GNUPG:] GOODSIG " + KEY.keyId())
        .contains("[GNUPG:] VALIDSIG " + KEY.fingerprint());
    assertThat(Files.readAllBytes(out)).isEqualTo(signature.payload());
  }

  @Test
  void gpgFindsATamperedSignatureBad() throws IOException {
    gpgOrFail("--import", KEY.writePublicKey(tmp.resolve("key.asc")).toString());
    SimpleSignature signature =
        ImageSigner.of(KEY, CosignKey.generate()).signSimple(DIGEST, "127.0.0.1:5000/app:1.0");
    Path file = Files.write(tmp.resolve("signature-1"), signature.tampered().bytes());

    ExternalTool.Run verify = gpg("--status-fd", "1", "--verify", file.toString());

    assertThat(verify.exitCode()).as(verify.output()).isNotZero();
    assertThat(verify.output()).contains("[GNUPG:] BADSIG " + KEY.keyId());
  }

  @Test
  void gpgCannotCheckASignatureByAKeyItDoesNotHave() throws IOException {
    gpgOrFail("--import", KEY.writePublicKey(tmp.resolve("key.asc")).toString());
    OpenPgpKey stranger = OpenPgpKey.generate();
    Path file = Files.write(tmp.resolve("signature-1"), stranger.sign(new byte[] {42}));

    ExternalTool.Run verify = gpg("--status-fd", "1", "--verify", file.toString());

    assertThat(verify.exitCode()).isNotZero();
    assertThat(verify.output()).contains("[GNUPG:] NO_PUBKEY " + stranger.keyId());
  }

  @Test
  void gpgVerifiesA3072BitKeyWithAnotherUserId() throws IOException {
    OpenPgpKey key = OpenPgpKey.generate("Release Team <release@example.test>", 3072);
    gpgOrFail("--import", key.writePublicKey(tmp.resolve("key.asc")).toString());
    Path file = Files.write(tmp.resolve("signed"), key.sign("x".repeat(10_000).getBytes()));

    String verify = gpgOrFail("--status-fd", "1", "--verify", file.toString());

    assertThat(verify)
        .contains("[GNUPG:] GOODSIG " + key.keyId() + " Release Team <release@example.test>");
  }

  private String gpgOrFail(String... args) {
    return ExternalTool.gpg().runOrFail(TIMEOUT, command(args));
  }

  private ExternalTool.Run gpg(String... args) {
    return ExternalTool.gpg().run(TIMEOUT, command(args));
  }

  private String[] command(String... args) {
    List<String> command =
        new ArrayList<>(List.of("--homedir", home.toString(), "--batch", "--no-autostart"));
    command.addAll(List.of(args));
    return command.toArray(String[]::new);
  }
}
