package dev.registryclient.oci.platform;

import dev.registryclient.api.Descriptor;
import dev.registryclient.api.Platform;
import dev.registryclient.api.exception.ErrorContext;
import dev.registryclient.api.manifest.ImageConfig;
import dev.registryclient.api.manifest.ImageIndex;
import java.util.List;
import java.util.Objects;

/**
 * Chooses the manifest for a platform from an index, and checks a single-platform image against a
 * wanted platform.
 *
 * <p>Matching is {@link Platform#matches(Platform)}: os, architecture and variant equal after
 * normalisation ({@code arm64} is {@code arm64/v8}, {@code arm} is {@code arm/v7}, {@code aarch64}
 * is {@code arm64}), an {@code os.version} only when the wanted platform sets one (a dotted prefix
 * is enough), and every wanted {@code os.feature}. There is no fallback to a "compatible" variant:
 * an {@code arm/v6} image is not chosen for {@code arm/v7}. When several children match, the first
 * in document order wins, as in containerd and docker. Attestation manifests ({@link
 * Descriptor#isAttestation()}) are never chosen, not even for {@code unknown/unknown}, and are not
 * listed as available platforms.
 *
 * <pre>{@code
 * Descriptor chosen = PlatformMatcher.select(index, Platform.parse("linux/arm64"), ctx);
 * Descriptor mine = PlatformMatcher.select(index, ctx); // this JVM's platform
 * }</pre>
 */
public final class PlatformMatcher {

  private PlatformMatcher() {}

  /**
   * The first child manifest of {@code index} for the running JVM's platform ({@link
   * Platform#current()}).
   *
   * @param index the index to choose from
   * @param context where the index came from, for the error
   * @return the chosen child's descriptor
   * @throws NoMatchingPlatformException if there is none, listing what the index has
   */
  public static Descriptor select(ImageIndex index, ErrorContext context) {
    return select(index, Platform.current(), context);
  }

  /**
   * The first child manifest of {@code index} for {@code wanted}.
   *
   * @param index the index to choose from
   * @param wanted the platform wanted
   * @param context where the index came from, for the error
   * @return the chosen child's descriptor
   * @throws NoMatchingPlatformException if there is none, listing what the index has
   */
  public static Descriptor select(ImageIndex index, Platform wanted, ErrorContext context) {
    Objects.requireNonNull(index, "index");
    Objects.requireNonNull(wanted, "wanted");
    List<Descriptor> matching = index.manifestsMatching(wanted);
    if (matching.isEmpty()) {
      throw new NoMatchingPlatformException(context, wanted, index.platforms());
    }
    return matching.get(0);
  }

  /**
   * Checks that a single-platform image, described by its config, is for {@code wanted}.
   *
   * @param config the image's config
   * @param wanted the platform wanted
   * @param context where the image came from, for the error
   * @throws NoMatchingPlatformException if it is not, naming the platform the config states
   */
  public static void check(ImageConfig config, Platform wanted, ErrorContext context) {
    Platform actual;
    try {
      actual = config.platform();
    } catch (IllegalArgumentException noPlatform) {
      throw new NoMatchingPlatformException(context, wanted, List.of());
    }
    if (!actual.matches(wanted)) {
      throw new NoMatchingPlatformException(context, wanted, List.of(actual));
    }
  }
}
