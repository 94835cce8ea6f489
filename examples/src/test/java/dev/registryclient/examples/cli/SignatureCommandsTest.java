package dev.registryclient.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.registryclient.testkit.ImageSigner;
import dev.registryclient.testkit.PushedImage;
import dev.registryclient.testkit.TestRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code verify}, and {@code --policy}/{@code --registries.d} on {@code pull}, {@code inspect} and
 * {@code copy --copy-signatures}: the test kit signs with an OpenPGP key, a policy.json names its
 * public key file, and a registries.d file points at the kit's lookaside server.
 */
class SignatureCommandsTest {
  private static final ImageSigner SIGNER = ImageSigner.generate();
  private static final ImageSigner STRANGER = ImageSigner.generate();
  private static final ImageSigner NOBODY = ImageSigner.generate();

  private static TestRegistry registry;
  private static PushedImage signed;
  private static PushedImage unsigned;

  @TempDir Path dir;

  @BeforeAll
  static void start() {
    registry = TestRegistry.builder().lookaside().start();
    signed = registry.image("org/app").layer(2000).push("1.0");
    unsigned = registry.image("org/other").layer(1000).push("1.0");
    registry.addSignature(signed, STRANGER.signSimple(signed));
    registry.addSignature(signed, SIGNER.signSimple(signed));
  }

  @AfterAll
  static void stop() {
    registry.close();
  }

  /** A policy.json rejecting everything but the test registry, signed by {@code signer}. */
  private Path policy(ImageSigner signer) throws IOException {
    Path key = signer.openPgpKey().writePublicKey(Files.createTempFile(dir, "key", ".gpg"));
    return Files.writeString(
        Files.createTempFile(dir, "policy", ".json"),
        "{\"default\":[{\"type\":\"reject\"}],\"transports\":{\"docker\":{\""
            + registry.hostAndPort()
            + "\":[{\"type\":\"signedBy\",\"keyType\":\"GPGKeys\",\"keyPath\":\""
            + key
            + "\"}]}}}");
  }

  /** A registries.d directory: the kit's lookaside server, and a staging directory for mirrors. */
  private Path registriesD(String extraScope, Path staging) throws IOException {
    Path d = Files.createDirectories(dir.resolve("registries.d"));
    StringBuilder yaml =
        new StringBuilder("docker:\n")
            .append("  ")
            .append(registry.hostAndPort())
            .append("/org:\n    lookaside: ")
            .append(registry.lookasideUrl().orElseThrow())
            .append('\n');
    if (extraScope != null) {
      yaml.append("  ")
          .append(extraScope)
          .append(":\n    lookaside-staging: ")
          .append(staging.toUri())
          .append('\n');
    }
    Files.writeString(d.resolve("test.yaml"), yaml);
    return d;
  }

  /** Runs {@code command} under {@link #policy}, with signatures from the kit's lookaside. */
  private CliRun underPolicy(ImageSigner trusted, String... command) throws IOException {
    List<String> args = new ArrayList<>(List.of(command));
    args.addAll(
        List.of(
            "--policy",
            policy(trusted).toString(),
            "--registries.d",
            registriesD(null, null).toString()));
    return CliRun.of(args.toArray(String[]::new));
  }

  @Test
  void verifyPrintsALinePerSignatureAndTheVerdict() throws IOException {
    CliRun run = underPolicy(SIGNER, "verify", signed.reference());

    assertThat(run.exit()).as(run.toString()).isZero();
    String[] lines = run.out().split("\n");
    assertThat(lines).hasSize(3);
    assertThat(lines[0])
        .startsWith("rejected signer=" + STRANGER.openPgpKey().keyId() + " identity=unknown ")
        .endsWith("not a trusted key");
    assertThat(lines[1])
        .startsWith(
            "accepted signer="
                + SIGNER.openPgpKey().fingerprint()
                + " identity="
                + signed.reference()
                + " "
                + registry.lookasideUrl().orElseThrow());
    assertThat(lines[2])
        .startsWith("Accepted " + signed.reference() + " " + signed.digest())
        .contains("(scope " + registry.hostAndPort() + ")");
  }

  @Test
  void verifyExitsOneWhenThePolicyRejects() throws IOException {
    CliRun run = underPolicy(SIGNER, "verify", unsigned.reference());

    assertThat(run.exit()).as(run.toString()).isEqualTo(1);
    assertThat(run.out())
        .startsWith("Rejected " + unsigned.reference())
        .contains("no simple-signing signature found");
  }

  @Test
  void verifyWithoutAPolicyIsAUsageError() {
    CliRun run = CliRun.of("verify", signed.reference());

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("--policy FILE or --verify");
  }

  @Test
  void aPullUnderAPolicyThatRejectsStoresNothing() throws IOException {
    Path layout = dir.resolve("layout");
    CliRun run = underPolicy(NOBODY, "pull", signed.reference(), "--layout", layout.toString());

    assertThat(run.exit()).as(run.toString()).isEqualTo(1);
    assertThat(run.err()).contains("rejected by scope " + registry.hostAndPort());
    assertThat(layout.resolve("blobs/sha256"))
        .satisfiesAnyOf(p -> assertThat(p).doesNotExist(), p -> assertThat(p).isEmptyDirectory());
  }

  @Test
  void aPullUnderAPolicyThatAcceptsSaysWhoSigned() throws IOException {
    CliRun run =
        underPolicy(
            SIGNER, "pull", signed.reference(), "--layout", dir.resolve("layout").toString());

    assertThat(run.exit()).as(run.toString()).isZero();
    String[] lines = run.out().split("\n");
    assertThat(lines[lines.length - 2]).startsWith("Accepted " + signed.reference());
    assertThat(lines[lines.length - 1]).startsWith("Pulled " + signed.reference());
  }

  @Test
  void inspectUnderAPolicyRefusesAnUnsignedImage() throws IOException {
    CliRun run = underPolicy(SIGNER, "inspect", unsigned.reference());

    assertThat(run.exit()).as(run.toString()).isEqualTo(1);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).contains("no simple-signing signature found");
  }

  @Test
  void copyCarriesTheSignaturesIntoTheTargetsStagingDirectory() throws IOException {
    try (TestRegistry target = TestRegistry.builder().start()) {
      Path staging = Files.createDirectories(dir.resolve("staging"));
      String to = target.hostAndPort() + "/mirror/app:1.0";
      CliRun run =
          CliRun.of(
              "copy",
              signed.reference(),
              to,
              "--copy-signatures",
              "--registries.d",
              registriesD(target.hostAndPort(), staging).toString());

      assertThat(run.exit()).as(run.toString()).isZero();
      Path copied = staging.resolve("mirror/app@sha256=" + signed.digest().hex());
      assertThat(copied.resolve("signature-1")).exists();
      assertThat(copied.resolve("signature-2")).exists();
      assertThat(run.out())
          .contains("Signature copied to " + copied.resolve("signature-2").toUri());
    }
  }
}
