package dev.registryclient.api.client;

import dev.registryclient.api.Digest;
import java.util.Objects;
import java.util.Optional;

/**
 * What a pull with {@link PullRequest#verifyDiffIds(boolean) verifyDiffIds(true)} found out about
 * one layer: its uncompressed content was hashed while it streamed and matched the {@code
 * rootfs.diff_ids} entry its config lists, or it was not checked, and why (a media type the client
 * does not decompress, an eStargz or zstd:chunked layer, a schema 1 image, a layer the target
 * already had).
 *
 * <pre>{@code
 * PullResult r = client.pull("registry.example/app:1.0").into(store).verifyDiffIds(true).execute();
 * r.blobs().forEach(b -> b.diffIdCheck()
 *     .filter(c -> !c.verified())
 *     .ifPresent(c -> System.out.println(b.digest() + " not checked: " + c.detail())));
 * }</pre>
 *
 * @param outcome whether the diff_id was verified
 * @param diffId the verified diff_id; empty when not checked
 * @param detail how it was checked ({@code "gzip"}, {@code "zstd"}, {@code "uncompressed"}) or why
 *     it was not
 */
public record DiffIdCheck(Outcome outcome, Optional<Digest> diffId, String detail) {

  /** Whether a layer's diff_id was verified. */
  public enum Outcome {
    /** The uncompressed content hashed to the diff_id the config lists. */
    VERIFIED,
    /** Passed through untouched; {@link DiffIdCheck#detail()} says why. */
    NOT_CHECKED
  }

  /**
   * Checks for nulls and that a verified check names its diff_id.
   *
   * @param outcome whether the diff_id was verified
   * @param diffId the verified diff_id; empty when not checked
   * @param detail how it was checked ({@code "gzip"}, {@code "zstd"}, {@code "uncompressed"}) or
   *     why it was not
   */
  public DiffIdCheck {
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(diffId, "diffId");
    Objects.requireNonNull(detail, "detail");
    if ((outcome == Outcome.VERIFIED) != diffId.isPresent()) {
      throw new IllegalArgumentException("a diff_id goes with a verified check only: " + detail);
    }
  }

  /**
   * A layer whose uncompressed content ({@code compression} decoded) matched {@code diffId}.
   *
   * @param diffId the diff_id the content hashed to
   * @param compression how the layer was decoded, e.g. {@code "gzip"}
   * @return a {@link Outcome#VERIFIED} check
   */
  public static DiffIdCheck verified(Digest diffId, String compression) {
    return new DiffIdCheck(Outcome.VERIFIED, Optional.of(diffId), compression);
  }

  /**
   * A layer that was not checked, for {@code reason}.
   *
   * @param reason why the layer was not checked
   * @return a {@link Outcome#NOT_CHECKED} check
   */
  public static DiffIdCheck notChecked(String reason) {
    return new DiffIdCheck(Outcome.NOT_CHECKED, Optional.empty(), reason);
  }

  /**
   * Whether the diff_id was verified.
   *
   * @return {@code true} if the outcome is {@link Outcome#VERIFIED}
   */
  public boolean verified() {
    return outcome == Outcome.VERIFIED;
  }
}
