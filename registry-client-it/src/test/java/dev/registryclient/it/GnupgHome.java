package dev.registryclient.it;

import dev.registryclient.testkit.distribution.ExternalTool;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A throwaway GnuPG home directory ({@code GNUPGHOME}) with keys made by the real gpg, for skopeo
 * to sign with. {@link #close()} stops the gpg-agent that signing starts.
 */
final class GnupgHome implements AutoCloseable {
  private static final Duration TIMEOUT = Duration.ofSeconds(60);
  private static final String KEY_CREATED = "[GNUPG:] KEY_CREATED ";

  private final Path directory;

  private GnupgHome(Path directory) {
    this.directory = directory;
  }

  /** Creates {@code directory}, readable by its owner only as gpg wants it. */
  static GnupgHome create(Path directory) {
    try {
      Files.createDirectories(directory);
      Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new GnupgHome(directory);
  }

  /**
   * Makes a signing key without a passphrase and returns its fingerprint (40 upper-case hex
   * digits).
   *
   * @param algorithm gpg's name for it, e.g. {@code rsa3072} or {@code ed25519}
   */
  String generateKey(String userId, String algorithm) {
    String status =
        gpg("--status-fd", "1", "--quick-generate-key", userId, algorithm, "sign", "never");
    for (String line : status.split("\n")) {
      if (line.startsWith(KEY_CREATED)) {
        // "[GNUPG:] KEY_CREATED P <fingerprint> [<handle>]"
        return line.substring(KEY_CREATED.length()).split(" ")[1];
      }
    }
    throw new IllegalStateException("gpg made no key:\n" + status);
  }

  /** Writes the armored public key of {@code fingerprint} to {@code file}. */
  Path exportPublicKey(String fingerprint, Path file) {
    gpg("--armor", "--output", file.toString(), "--export", fingerprint);
    return file;
  }

  /** {@code tool} run with this home as {@code GNUPGHOME}. */
  ExternalTool withHome(ExternalTool tool) {
    return tool.withEnvironment("GNUPGHOME", directory.toString());
  }

  /** Stops the gpg-agent of this home, so that it does not outlive the test. */
  @Override
  public void close() {
    withHome(ExternalTool.gpgconf()).runOrFail(TIMEOUT, "--kill", "gpg-agent");
  }

  private String gpg(String... args) {
    List<String> command =
        new ArrayList<>(List.of("--batch", "--yes", "--pinentry-mode", "loopback"));
    command.add("--passphrase");
    command.add("");
    command.addAll(List.of(args));
    return withHome(ExternalTool.gpg()).runOrFail(TIMEOUT, command.toArray(String[]::new));
  }
}
