package dev.registryclient.api.trust;

import dev.registryclient.api.ImageReference;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Which images may be used, and what they must carry: the {@code docker} transport of a {@code
 * containers-policy.json(5)} file. For an image, only the most specific scope that exists applies
 * (as containers/image looks them up):
 *
 * <ol>
 *   <li>the image: {@code host/ns/repo:tag} or {@code host/ns/repo@sha256:...} (a reference without
 *       tag or digest is looked up as {@code :latest}; one with both, as its digest alone);
 *   <li>the repository {@code host/ns/repo}, then each namespace {@code host/ns}, then the registry
 *       {@code host[:port]} (a scope without the port does not cover a registry with one);
 *   <li>{@code *.domain} wildcards of the registry's host name without its port, longest first:
 *       {@code *.example.com} covers {@code a.example.com} and {@code a.b.example.com} but not
 *       {@code example.com}; a {@code *} anywhere else never matches;
 *   <li>else the default (in a file, the docker transport's {@code ""} scope if present, otherwise
 *       the global {@code default}).
 * </ol>
 *
 * Every requirement of the scope must be met. Scope names are matched exactly (case included).
 *
 * <pre>{@code
 * TrustPolicy policy = TrustPolicy.of(
 *     List.of(new PolicyRequirement.Reject()),
 *     Map.of("registry.redhat.io", List.of(new PolicyRequirement.SignedBy(keys,
 *         new SignedIdentity.MatchRepoDigestOrExact()))));
 * policy.scopeFor(ImageReference.parse("registry.redhat.io/ubi9/ubi:9.4")).scope();
 * // "registry.redhat.io"
 * }</pre>
 *
 * @param defaultRequirements what applies where no scope matches
 * @param dockerScopes requirements per scope of the {@code docker} transport, in file order; no
 *     scope may be {@code ""} (that is {@code defaultRequirements}) or have no requirement
 */
public record TrustPolicy(
    List<PolicyRequirement> defaultRequirements,
    Map<String, List<PolicyRequirement>> dockerScopes) {

  /**
   * Validates and copies (scope keys keep their order).
   *
   * @param defaultRequirements what applies where no scope matches
   * @param dockerScopes requirements per scope of the {@code docker} transport, in file order; no
   *     scope may be {@code ""} (that is {@code defaultRequirements}) or have no requirement
   */
  public TrustPolicy {
    defaultRequirements = List.copyOf(defaultRequirements);
    Map<String, List<PolicyRequirement>> copy = new LinkedHashMap<>();
    Objects.requireNonNull(dockerScopes, "dockerScopes")
        .forEach(
            (scope, reqs) -> {
              Objects.requireNonNull(scope, "scope");
              if (scope.isEmpty()) {
                throw new IllegalArgumentException(
                    "the docker transport's default scope \"\" belongs in defaultRequirements");
              }
              if (reqs.isEmpty()) {
                throw new IllegalArgumentException("scope \"" + scope + "\" has no requirement");
              }
              copy.put(scope, List.copyOf(reqs));
            });
    dockerScopes = Collections.unmodifiableMap(copy);
    if (defaultRequirements.isEmpty()) {
      throw new IllegalArgumentException("a policy needs default requirements");
    }
  }

  /**
   * A policy of a default and scopes.
   *
   * @param defaultRequirements what applies where no scope matches; not empty
   * @param dockerScopes requirements per scope, in order; no scope {@code ""} or without
   *     requirement
   * @return the policy
   * @throws IllegalArgumentException if the default or a scope has no requirement, or a scope is
   *     {@code ""}
   */
  public static TrustPolicy of(
      List<PolicyRequirement> defaultRequirements,
      Map<String, List<PolicyRequirement>> dockerScopes) {
    return new TrustPolicy(defaultRequirements, dockerScopes);
  }

  /**
   * The requirements that apply to an image, and the scope they come from.
   *
   * @param scope the scope name; empty for the policy's default
   * @param requirements the requirements of the scope, all of which must be met
   */
  public record Scoped(String scope, List<PolicyRequirement> requirements) {
    /**
     * Copies the list.
     *
     * @param scope the scope name; empty for the policy's default
     * @param requirements the requirements of the scope (copied)
     */
    public Scoped {
      Objects.requireNonNull(scope, "scope");
      requirements = List.copyOf(requirements);
    }

    /**
     * Whether it is the policy's default rather than a scope.
     *
     * @return {@code true} if the scope name is empty
     */
    public boolean isDefault() {
      return scope.isEmpty();
    }
  }

  /**
   * The most specific scope for {@code image} (or the default, with an empty scope name).
   *
   * @param image the image reference to look up
   * @return the scope name and its requirements
   */
  public Scoped scopeFor(ImageReference image) {
    for (String candidate : DockerScopes.candidates(image)) {
      List<PolicyRequirement> found = dockerScopes.get(candidate);
      if (found != null) {
        return new Scoped(candidate, found);
      }
    }
    return new Scoped("", defaultRequirements);
  }
}
