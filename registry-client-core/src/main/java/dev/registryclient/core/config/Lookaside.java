package dev.registryclient.core.config;

import dev.registryclient.api.Digest;
import dev.registryclient.api.ImageReference;
import java.net.URI;
import java.util.Objects;

/**
 * Where a lookaside server keeps the signatures of an image, as containers/image computes it
 * ({@code lookasideStorageBaseURL} and {@code lookasideStorageURL} in {@code
 * docker/registries_d.go}): {@code <base>/<repository>@<algorithm>=<hex>/signature-<n>}.
 *
 * <pre>{@code
 * URI base = URI.create("https://registry.redhat.io/containers/sigstore");
 * Lookaside.signatureUrl(base, ImageReference.parse("registry.redhat.io/ubi9/ubi:9.4"), digest, 1);
 * // https://registry.redhat.io/containers/sigstore/ubi9/ubi@sha256=<hex>/signature-1
 * }</pre>
 *
 * <p>The repository is the path without the registry ({@code library/busybox} for {@code busybox}),
 * of the reference actually pulled from (a mirror's, when pulling from a mirror). The base is used
 * as written: a trailing {@code /} gives {@code //} as in containers/image, and a query stays at
 * the end. Signatures are numbered from 1; a reader stops at the first one missing (404, or no such
 * file), and containers/image gives up after {@value #MAX_SIGNATURES}.
 */
public final class Lookaside {
  /** containers/image's {@code maxLookasideSignatures}: more is taken for a broken server. */
  public static final int MAX_SIGNATURES = 128;

  private Lookaside() {}

  /**
   * The URL of signature {@code n} of the manifest {@code manifest} of {@code image}.
   *
   * @param base the {@code lookaside} URL of the image's section in {@code registries.d}
   * @param image the image; only its repository path counts
   * @param manifest the manifest digest the signature is for
   * @param n which signature, from 1
   * @return the URL {@code base/<repository>@<algorithm>=<hex>/signature-<n>}
   * @throws IllegalArgumentException if {@code n} is below 1 or the base is not a hierarchical URL
   */
  public static URI signatureUrl(URI base, ImageReference image, Digest manifest, int n) {
    Objects.requireNonNull(base, "base");
    Objects.requireNonNull(image, "image");
    Objects.requireNonNull(manifest, "manifest");
    if (n < 1) {
      throw new IllegalArgumentException("signatures are numbered from 1, not " + n);
    }
    if (base.isOpaque() || base.getScheme() == null) {
      throw new IllegalArgumentException("lookaside " + base + " is not a hierarchical URL");
    }
    String path =
        (base.getRawPath() == null ? "" : base.getRawPath())
            + "/"
            + image.repository()
            + "@"
            + manifest.algorithm().prefix()
            + "="
            + manifest.hex()
            + "/signature-"
            + n;
    String authority = base.getRawAuthority() == null ? "" : base.getRawAuthority();
    return URI.create(
        base.getScheme()
            + "://"
            + authority
            + path
            + (base.getRawQuery() == null ? "" : "?" + base.getRawQuery())
            + (base.getRawFragment() == null ? "" : "#" + base.getRawFragment()));
  }
}
