package dev.registryclient.api.exception;

import dev.registryclient.api.Digest;
import java.util.Objects;
import java.util.Optional;

/**
 * A layer's uncompressed content does not match the {@code rootfs.diff_ids} entry its image config
 * lists for it, or it could not be decompressed at all (then {@link #actualDiffId()} is empty and
 * the message says what was wrong with it). Thrown only by a pull asked to {@code
 * verifyDiffIds(true)}; the pull then stores no manifest and records no tag.
 *
 * <p>The layer blob itself matched its own (compressed) digest, so it may stay in the target's
 * content-addressed store like any other verified blob; nothing names it.
 *
 * <pre>{@code
 * try {
 *   client.pull(ref).into(layout).verifyDiffIds(true).execute();
 * } catch (DiffIdMismatchException e) {
 *   System.err.println(e.layer() + " of " + e.image() + ": config says " + e.expectedDiffId());
 * }
 * }</pre>
 */
public class DiffIdMismatchException extends DigestMismatchException {
  private static final long serialVersionUID = 1L;

  // strings, so the exception stays serializable (Digest is not)
  /** The image pulled, as the caller named it. */
  private final String image;

  /** The layer's compressed digest, as text. */
  private final String layer;

  /** The diff_id the config lists for the layer, as text. */
  private final String expectedDiffId;

  /**
   * The digest of the uncompressed content, as text; {@code null} if it could not be decompressed.
   */
  private final String actualDiffId;

  /**
   * @param context where the failure happened (a pull, in the blob phase)
   * @param image the image pulled, e.g. {@code registry.example/app:1.0}
   * @param layer the layer's (compressed) digest, as the manifest names it
   * @param expectedDiffId the diff_id the config lists for it
   * @param actualDiffId the digest of its uncompressed content; empty if it could not be
   *     decompressed
   * @param problem why it could not be decompressed, or empty
   */
  public DiffIdMismatchException(
      ErrorContext context,
      String image,
      Digest layer,
      Digest expectedDiffId,
      Optional<Digest> actualDiffId,
      String problem) {
    super(
        context,
        "layer " + layer + " of " + image + " (uncompressed, against the config's diff_id)",
        expectedDiffId.toString(),
        actualDiffId
            .map(Digest::toString)
            .orElse("content that cannot be decompressed: " + problem));
    this.image = Objects.requireNonNull(image, "image");
    this.layer = layer.toString();
    this.expectedDiffId = expectedDiffId.toString();
    this.actualDiffId = actualDiffId.map(Digest::toString).orElse(null);
  }

  /**
   * The image pulled, as the caller named it.
   *
   * @return the image reference, e.g. {@code registry.example/app:1.0}
   */
  public String image() {
    return image;
  }

  /**
   * The layer's digest as the manifest names it.
   *
   * @return the layer's (compressed) digest
   */
  public Digest layer() {
    return Digest.parse(layer);
  }

  /**
   * The diff_id the config lists for the layer.
   *
   * @return the expected digest of the uncompressed layer
   */
  public Digest expectedDiffId() {
    return Digest.parse(expectedDiffId);
  }

  /**
   * The digest of the layer's uncompressed content; empty if it could not be decompressed.
   *
   * @return the actual uncompressed digest, or empty
   */
  public Optional<Digest> actualDiffId() {
    return Optional.ofNullable(actualDiffId).map(Digest::parse);
  }
}
