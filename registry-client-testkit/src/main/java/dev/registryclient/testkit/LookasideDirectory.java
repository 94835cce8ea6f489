package dev.registryclient.testkit;

import dev.registryclient.api.Digest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A lookaside signature store on disk, in the layout containers/image reads ({@code
 * containers-registries.d(5)}, {@code lookaside: file:///...}): the signatures of {@code
 * host/repo@sha256:<hex>} are {@code <root>/repo@sha256=<hex>/signature-1}, {@code signature-2},
 * and so on, without the registry host, and a reader stops at the first missing number.
 *
 * <pre>{@code
 * LookasideDirectory lookaside = LookasideDirectory.at(tmp.resolve("sigstore"));
 * lookaside.add(image, signer.signSimple(image));
 * Files.writeString(registriesD.resolve("test.yaml"), lookaside.registriesD(registry.hostAndPort()));
 * // skopeo --registries.d <registriesD> --policy <policy.json> copy docker://... dir:...
 * }</pre>
 */
public final class LookasideDirectory {
  private final Path root;

  private LookasideDirectory(Path root) {
    this.root = root;
  }

  /** The store rooted at {@code root}, created when the first signature is added. */
  public static LookasideDirectory at(Path root) {
    return new LookasideDirectory(Objects.requireNonNull(root, "root").toAbsolutePath());
  }

  /** The root directory. */
  public Path root() {
    return root;
  }

  /** {@code file:///...} of the root, for {@code lookaside:} in registries.d. */
  public URI uri() {
    return root.toUri();
  }

  /**
   * Stores {@code signature} as the next signature of {@code image} (whatever the signature itself
   * names, so a signature of another digest or identity can be planted).
   *
   * @return the file written
   */
  public Path add(PushedImage image, SimpleSignature signature) {
    return add(image.repository(), image.digest(), signature.bytes());
  }

  /**
   * Stores {@code bytes} as the next signature of {@code repository@manifestDigest} (for a
   * signature made elsewhere, or garbage).
   *
   * @return the file written
   */
  public Path add(String repository, Digest manifestDigest, byte[] bytes) {
    Path directory = directory(repository, manifestDigest);
    try {
      Files.createDirectories(directory);
      for (int n = 1; ; n++) {
        Path file = directory.resolve("signature-" + n);
        if (!Files.exists(file)) {
          return Files.write(file, bytes);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write a signature under " + directory, e);
    }
  }

  /** {@code <root>/<repository>@<algorithm>=<hex>}, where the signature files of an image go. */
  public Path directory(String repository, Digest manifestDigest) {
    return root.resolve(
        repository + "@" + manifestDigest.algorithm().prefix() + "=" + manifestDigest.hex());
  }

  /**
   * A registries.d file that makes {@code scope} ({@code host:port}, or {@code host:port/repo})
   * read its signatures from this directory.
   */
  public String registriesD(String scope) {
    return "docker:\n  \"" + scope + "\":\n    lookaside: " + uri() + "\n";
  }

  @Override
  public String toString() {
    return "LookasideDirectory[" + root + "]";
  }
}
