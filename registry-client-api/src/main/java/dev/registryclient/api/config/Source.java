package dev.registryclient.api.config;

import dev.registryclient.api.ImageReference;
import java.util.Objects;

/**
 * One place a pull may fetch an image from: a mirror, or the primary location.
 *
 * @param reference the image at that place (the prefix rewritten to the mirror's or the registry's
 *     location)
 * @param mirror whether it is a mirror
 * @param insecure plain http or unverified TLS allowed for its host
 */
public record Source(ImageReference reference, boolean mirror, boolean insecure) {
  /**
   * Checks for null.
   *
   * @param reference the image at that place (the prefix rewritten to the mirror's or the
   *     registry's location)
   * @param mirror whether it is a mirror
   * @param insecure plain http or unverified TLS allowed for its host
   */
  public Source {
    Objects.requireNonNull(reference, "reference");
  }

  @Override
  public String toString() {
    return (mirror ? "mirror " : "") + reference;
  }
}
