package dev.registryclient.oci.trust;

import dev.registryclient.api.Digest;
import dev.registryclient.api.ImageReference;
import dev.registryclient.api.exception.ErrorContext;
import dev.registryclient.api.exception.Phase;
import dev.registryclient.api.exception.StoreException;
import dev.registryclient.core.config.Lookaside;
import java.io.IOException;
import java.net.URI;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Writes simple-signing signatures into a {@code file://} lookaside store (a {@code
 * lookaside-staging} directory, published to a web server by other means), the layout
 * containers/image reads: {@code <dir>/<repository>@sha256=<hex>/signature-N}. A signature already
 * there is not written twice; new ones get the next free numbers, so readers, which stop at the
 * first missing number, see them all. Each file appears whole (written aside, then moved).
 */
public final class LookasideWriter {
  private LookasideWriter() {}

  /**
   * Adds {@code signatures} of {@code manifest} for {@code image} to the store at {@code base}.
   *
   * @return the files written (signatures already present are not)
   * @throws IllegalArgumentException if {@code base} is not a {@code file://} URL
   * @throws StoreException if the files cannot be written
   */
  public static List<Path> add(
      URI base, ImageReference image, Digest manifest, List<byte[]> signatures) {
    if (!"file".equals(base.getScheme())) {
      throw new IllegalArgumentException(
          "signatures can only be written to a file:// lookaside store, not " + base);
    }
    Path dir = Path.of(Lookaside.signatureUrl(base, image, manifest, 1)).getParent();
    ErrorContext context = ErrorContext.of(Phase.SIGNATURE, image.registry(), image.repository());
    try {
      Files.createDirectories(dir);
      List<byte[]> present = new ArrayList<>();
      int next = 1;
      while (next <= SignatureFetcher.MAX_SIGNATURES
          && Files.isRegularFile(dir.resolve("signature-" + next))) {
        present.add(Files.readAllBytes(dir.resolve("signature-" + next)));
        next++;
      }
      List<Path> written = new ArrayList<>();
      for (byte[] signature : signatures) {
        if (present.stream().anyMatch(p -> Arrays.equals(p, signature))) {
          continue;
        }
        if (next > SignatureFetcher.MAX_SIGNATURES) {
          throw new StoreException(
              context, dir + " already holds " + SignatureFetcher.MAX_SIGNATURES + " signatures");
        }
        Path file = dir.resolve("signature-" + next);
        Path part = Files.createTempFile(dir, ".signature-", ".part");
        Files.write(part, signature);
        try {
          Files.move(part, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(part, file);
        }
        present.add(signature);
        written.add(file);
        next++;
      }
      return written;
    } catch (IOException e) {
      throw new StoreException(context, "cannot write signatures under " + dir + ": " + e, e);
    }
  }
}
