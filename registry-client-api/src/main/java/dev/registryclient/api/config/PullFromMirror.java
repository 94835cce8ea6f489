package dev.registryclient.api.config;

/**
 * Which pulls a mirror serves ({@code pull-from-mirror} in {@code containers-registries.conf(5)}).
 */
public enum PullFromMirror {
  /** Pulls by tag and by digest (the default). */
  ALL,
  /**
   * Pulls by digest only: what the mirror holds by digest cannot be stale, while its tags may be
   * (OpenShift's ImageDigestMirrorSet and ImageContentSourcePolicy mirrors are always this).
   */
  DIGEST_ONLY,
  /** Pulls by tag only. */
  TAG_ONLY;

  /**
   * Whether a pull by digest ({@code true}) or by tag may use a mirror of this kind.
   *
   * @param byDigest {@code true} for a pull by digest, {@code false} for one by tag
   * @return whether a mirror of this kind serves that pull
   */
  public boolean serves(boolean byDigest) {
    return this == ALL || (byDigest ? this == DIGEST_ONLY : this == TAG_ONLY);
  }
}
