package dev.registryclient.api.trust;

import dev.registryclient.api.ImageReference;
import java.util.Objects;
import java.util.Optional;

/**
 * Which identity a signature must claim ({@code signedIdentity} in {@code
 * containers-policy.json(5)}): how the {@code docker-reference} in a signature's payload must
 * relate to the image being pulled. The rules are containers/image's ({@code
 * policy_reference_match.go}).
 *
 * <p>The pulled image is taken as the policy knows it: a reference without tag or digest as {@code
 * :latest}, one with both as its digest alone (podman drops such a tag). The signed reference is
 * taken as it is: a signature claiming a repository without tag or digest satisfies only {@link
 * MatchRepository} and {@link ExactRepository}.
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
   *
   * @param pulled the image being pulled
   * @param signed the {@code docker-reference} the signature claims
   * @return {@code true} if the signature's identity is acceptable
   */
  boolean matches(ImageReference pulled, ImageReference signed);

  /** The same repository, and the same tag or digest ({@code matchExact}). */
  record MatchExact() implements SignedIdentity {
    @Override
    public boolean matches(ImageReference pulled, ImageReference signed) {
      return DockerScopes.identity(pulled).equals(signed);
    }

    /** The rule as policy.json names it, for messages. */
    @Override
    public String toString() {
      return "matchExact";
    }
  }

  /**
   * A pull by tag needs a signature for exactly that tag; a pull by digest, a signature for the
   * same repository with any tag or digest ({@code matchRepoDigestOrExact}, the default of {@code
   * signedBy} and {@code sigstoreSigned}). The signature's own digest is checked against the
   * manifest apart from this rule.
   */
  record MatchRepoDigestOrExact() implements SignedIdentity {
    @Override
    public boolean matches(ImageReference pulled, ImageReference signed) {
      return repoDigestOrExact(DockerScopes.identity(pulled), signed);
    }

    /** The rule as policy.json names it, for messages. */
    @Override
    public String toString() {
      return "matchRepoDigestOrExact";
    }
  }

  /** The same repository, whatever tag or digest ({@code matchRepository}). */
  record MatchRepository() implements SignedIdentity {
    @Override
    public boolean matches(ImageReference pulled, ImageReference signed) {
      return sameRepository(pulled, signed);
    }

    /** The rule as policy.json names it, for messages. */
    @Override
    public String toString() {
      return "matchRepository";
    }
  }

  /**
   * Exactly this reference, whatever was pulled ({@code exactReference}).
   *
   * @param dockerReference the reference the signature must claim, with a tag or digest
   */
  record ExactReference(ImageReference dockerReference) implements SignedIdentity {
    /**
     * Checks that the reference names a tag or digest.
     *
     * @param dockerReference the reference the signature must claim, with a tag or digest
     * @throws IllegalArgumentException if it names neither
     */
    public ExactReference {
      Objects.requireNonNull(dockerReference, "dockerReference");
      if (dockerReference.tag().isEmpty() && dockerReference.digest().isEmpty()) {
        throw new IllegalArgumentException(
            "exactReference " + dockerReference + " names neither a tag nor a digest");
      }
    }

    @Override
    public boolean matches(ImageReference pulled, ImageReference signed) {
      return dockerReference.equals(signed);
    }

    /** The rule as policy.json names it, for messages. */
    @Override
    public String toString() {
      return "exactReference " + dockerReference;
    }
  }

  /**
   * This repository, any tag or digest ({@code exactRepository}).
   *
   * @param dockerRepository the repository the signature must claim; a tag or digest in it is
   *     dropped, as containers/image ignores it
   */
  record ExactRepository(ImageReference dockerRepository) implements SignedIdentity {
    /**
     * Drops any tag or digest.
     *
     * @param dockerRepository the repository the signature must claim; a tag or digest in it is
     *     dropped, as containers/image ignores it
     */
    public ExactRepository {
      dockerRepository = Objects.requireNonNull(dockerRepository, "dockerRepository");
      dockerRepository = dockerRepository.withoutTagOrDigest();
    }

    @Override
    public boolean matches(ImageReference pulled, ImageReference signed) {
      return sameRepository(dockerRepository, signed);
    }

    /** The rule as policy.json names it, for messages. */
    @Override
    public String toString() {
      return "exactRepository " + dockerRepository;
    }
  }

  /**
   * As {@link MatchRepoDigestOrExact} after replacing {@code prefix} with {@code signedPrefix} in
   * the pulled reference ({@code remapIdentity}): a mirror's image that carries the original
   * registry's signatures.
   *
   * <p>Both are a registry ({@code host[:port]}), a namespace or a repository in the fully expanded
   * form ({@code docker.io/library}, not {@code library}), without tag or digest. The prefix covers
   * a reference whose {@code registry/repository} equals it or continues it with {@code '/'}:
   * {@code example.com/ns} covers {@code example.com/ns/app} but not {@code example.com/ns2/app},
   * and {@code example.com} does not cover {@code example.com:5000/app}.
   *
   * @param prefix the part of the pulled reference to replace
   * @param signedPrefix what the signatures say instead
   */
  record RemapIdentity(String prefix, String signedPrefix) implements SignedIdentity {
    /**
     * Checks both prefixes.
     *
     * @param prefix the part of the pulled reference to replace
     * @param signedPrefix what the signatures say instead
     * @throws IllegalArgumentException if one is not a registry, namespace or repository name
     */
    public RemapIdentity {
      checkPrefix("prefix", prefix);
      checkPrefix("signedPrefix", signedPrefix);
    }

    @Override
    public boolean matches(ImageReference pulled, ImageReference signed) {
      return remap(pulled).map(r -> repoDigestOrExact(r, signed)).orElse(false);
    }

    /** The rule as policy.json names it, for messages. */
    @Override
    public String toString() {
      return "remapIdentity " + prefix + " -> " + signedPrefix;
    }

    /**
     * The pulled image as the policy knows it (see {@link SignedIdentity}), with the prefix
     * replaced; unchanged when the prefix does not cover it; empty when the replacement is not a
     * valid reference in canonical form (as containers/image, which then accepts no signature):
     * {@code mirror.example} remapped to {@code docker.io} turns {@code mirror.example/busybox:1}
     * into {@code docker.io/busybox:1}, which is no canonical name ({@code
     * docker.io/library/busybox:1} is).
     *
     * @param pulled the image being pulled
     * @return the remapped reference, {@code pulled} as the policy knows it, or empty
     */
    public Optional<ImageReference> remap(ImageReference pulled) {
      ImageReference identity = DockerScopes.identity(pulled);
      String name = identity.name();
      if (!(name.equals(prefix) || name.startsWith(prefix + "/"))) {
        return Optional.of(identity);
      }
      String rewritten = signedPrefix + identity.toString().substring(prefix.length());
      try {
        ImageReference parsed = ImageReference.parse(rewritten);
        // ParseNamed, not ParseNormalizedNamed: "docker.io/busybox" is not a canonical name
        return parsed.toString().equals(rewritten) ? Optional.of(parsed) : Optional.empty();
      } catch (IllegalArgumentException e) {
        return Optional.empty();
      }
    }

    private static void checkPrefix(String what, String value) {
      Objects.requireNonNull(value, what);
      int slash = value.indexOf('/');
      String registry = slash < 0 ? value : value.substring(0, slash);
      String path = slash < 0 ? "x" : value.substring(slash + 1);
      try {
        ImageReference.of(registry, path);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "remapIdentity "
                + what
                + " \""
                + value
                + "\" is not a registry, namespace or repository in the fully expanded form"
                + " (e.g. example.com, example.com/ns, docker.io/library/busybox): "
                + e.getMessage(),
            e);
      }
    }
  }

  private static boolean repoDigestOrExact(ImageReference intended, ImageReference signed) {
    if (signed.tag().isEmpty() && signed.digest().isEmpty()) {
      return false;
    }
    return intended.tag().isPresent() ? intended.equals(signed) : sameRepository(intended, signed);
  }

  private static boolean sameRepository(ImageReference a, ImageReference b) {
    return a.name().equals(b.name());
  }
}
