package dev.registryclient.api.trust;

import dev.registryclient.api.ImageReference;
import java.util.Objects;

/**
 * Which identity a signature must claim ({@code signedIdentity} in {@code
 * containers-policy.json(5)}): how the {@code docker-reference} in a signature's payload must
 * relate to the image being pulled.
 *
 * <pre>{@code
 * SignedIdentity rule = new SignedIdentity.MatchRepository();
 * rule.matches(ImageReference.parse("registry.redhat.io/ubi9/ubi:9.4"),
 *     ImageReference.parse("registry.redhat.io/ubi9/ubi:latest"));   // true
 * }</pre>
 */
public sealed interface SignedIdentity {

  /**
   * Whether a signature claiming {@code signed} satisfies this rule for a pull of {@code pulled}.
   */
  boolean matches(ImageReference pulled, ImageReference signed);

  /** The same repository, and the same tag or digest ({@code matchExact}). */
  record MatchExact() implements SignedIdentity {
    @Override
    public boolean matches(ImageReference pulled, ImageReference signed) {
      return pulled.equals(signed);
    }
  }

  /**
   * As {@link MatchExact}, but a pull by digest only needs the same repository ({@code
   * matchRepoDigestOrExact}, the default of {@code signedBy}).
   */
  record MatchRepoDigestOrExact() implements SignedIdentity {
    @Override
    public boolean matches(ImageReference pulled, ImageReference signed) {
      if (pulled.digest().isPresent() && pulled.tag().isEmpty()) {
        return sameRepository(pulled, signed);
      }
      return pulled.equals(signed);
    }
  }

  /** The same repository, whatever tag or digest ({@code matchRepository}). */
  record MatchRepository() implements SignedIdentity {
    @Override
    public boolean matches(ImageReference pulled, ImageReference signed) {
      return sameRepository(pulled, signed);
    }
  }

  /**
   * Exactly this reference, whatever was pulled ({@code exactReference}).
   *
   * @param dockerReference the reference the signature must claim, with a tag or digest
   */
  record ExactReference(ImageReference dockerReference) implements SignedIdentity {
    /** Checks for null. */
    public ExactReference {
      Objects.requireNonNull(dockerReference, "dockerReference");
    }

    @Override
    public boolean matches(ImageReference pulled, ImageReference signed) {
      return dockerReference.equals(signed);
    }
  }

  /**
   * This repository, any tag or digest ({@code exactRepository}).
   *
   * @param dockerRepository the repository the signature must claim
   */
  record ExactRepository(ImageReference dockerRepository) implements SignedIdentity {
    /** Checks for null. */
    public ExactRepository {
      Objects.requireNonNull(dockerRepository, "dockerRepository");
    }

    @Override
    public boolean matches(ImageReference pulled, ImageReference signed) {
      return sameRepository(dockerRepository, signed);
    }
  }

  /**
   * As {@link MatchRepoDigestOrExact} after replacing {@code prefix} with {@code signedPrefix} in
   * the pulled reference ({@code remapIdentity}): a mirror's image that carries the original
   * registry's signatures.
   *
   * @param prefix the part of the pulled reference to replace (a registry, namespace or repository)
   * @param signedPrefix what the signatures say instead
   */
  record RemapIdentity(String prefix, String signedPrefix) implements SignedIdentity {
    /** Checks for nulls. */
    public RemapIdentity {
      Objects.requireNonNull(prefix, "prefix");
      Objects.requireNonNull(signedPrefix, "signedPrefix");
    }

    @Override
    public boolean matches(ImageReference pulled, ImageReference signed) {
      return new MatchRepoDigestOrExact().matches(remap(pulled), signed);
    }

    /** {@code pulled} with the prefix replaced, or as it is when the prefix does not cover it. */
    public ImageReference remap(ImageReference pulled) {
      String name = pulled.registry() + "/" + pulled.repository();
      if (!(name.equals(prefix) || name.startsWith(prefix + "/"))) {
        return pulled;
      }
      ImageReference remapped =
          ImageReference.parse(signedPrefix + name.substring(prefix.length()));
      remapped = pulled.tag().map(remapped::withTag).orElse(remapped);
      return pulled.digest().map(remapped::withDigest).orElse(remapped);
    }
  }

  private static boolean sameRepository(ImageReference a, ImageReference b) {
    return a.registry().equals(b.registry()) && a.repository().equals(b.repository());
  }
}
