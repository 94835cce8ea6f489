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

  /**
   * The store rooted at {@code root}, created when the first signature is added.
   *
   * @param root the root directory, made absolute; not null
   * @return the store
   */
  public static LookasideDirectory at(Path root) {
    return new LookasideDirectory(Objects.requireNonNull(root, "root").toAbsolutePath());
  }

  /**
   * The root directory.
   *
   * @return the absolute root directory
   */
  public Path root() {
    return root;
  }

  /**
   * {@code file:///...} of the root, for {@code lookaside:} in registries.d.
   *
   * @return the root's {@code file:} URI
   */
  public URI uri() {
    return root.toUri();
  }

  /**
   * Stores {@code signature} as the next signature of {@code image} (whatever the signature itself
   * names, so a signature of another digest or identity can be planted).
   *
   * @param image the image whose signatures the signature joins
   * @param signature the signature to store
   * @return the file written
   * @throws UncheckedIOException if the file cannot be written
   */
  public Path add(PushedImage image, SimpleSignature signature) {
    return add(image.repository(), image.digest(), signature.bytes());
  }

  /**
   * Stores {@code bytes} as the next signature of {@code repository@manifestDigest} (for a
   * signature made elsewhere, or garbage).
   *
   * @param repository the repository without the registry host, e.g. {@code team/app}
   * @param manifestDigest the digest of the signed manifest
   * @param bytes the signature file's content, stored as it is
   * @return the file written
   * @throws UncheckedIOException if the file cannot be written
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

  /**
   * {@code <root>/<repository>@<algorithm>=<hex>}, where the signature files of an image go.
   *
   * @param repository the repository without the registry host, e.g. {@code team/app}
   * @param manifestDigest the digest of the signed manifest
   * @return the directory, which need not exist
   */
  public Path directory(String repository, Digest manifestDigest) {
    return root.resolve(
        repository + "@" + manifestDigest.algorithm().prefix() + "=" + manifestDigest.hex());
  }

  /**
   * A registries.d file that makes {@code scope} ({@code host:port}, or {@code host:port/repo})
   * read its signatures from this directory.
   *
   * @param scope the registry or repository the entry applies to
   * @return the YAML content of the file
   */
  public String registriesD(String scope) {
    return "docker:\n  \"" + scope + "\":\n    lookaside: " + uri() + "\n";
  }

  @Override
  public String toString() {
    return "LookasideDirectory[" + root + "]";
  }
}
