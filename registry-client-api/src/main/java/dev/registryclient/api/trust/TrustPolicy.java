package dev.registryclient.api.trust;

import dev.registryclient.api.ImageReference;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Which images may be used, and what they must carry: the {@code docker} transport of a {@code
 * containers-policy.json(5)} file. For an image, the most specific scope applies (a repository with
 * tag or digest, a repository, a namespace, a registry, then {@code *.domain}), else the default;
 * every requirement of it must be met.
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
 * @param dockerScopes requirements per scope of the {@code docker} transport, in file order
 */
public record TrustPolicy(
    List<PolicyRequirement> defaultRequirements,
    Map<String, List<PolicyRequirement>> dockerScopes) {

  /** Validates and copies (scope keys keep their order). */
  public TrustPolicy {
    defaultRequirements = List.copyOf(defaultRequirements);
    Map<String, List<PolicyRequirement>> copy = new LinkedHashMap<>();
    Objects.requireNonNull(dockerScopes, "dockerScopes")
        .forEach((scope, reqs) -> copy.put(scope, List.copyOf(reqs)));
    dockerScopes = java.util.Collections.unmodifiableMap(copy);
    if (defaultRequirements.isEmpty()) {
      throw new IllegalArgumentException("a policy needs default requirements");
    }
  }

  /** A policy of a default and scopes. */
  public static TrustPolicy of(
      List<PolicyRequirement> defaultRequirements,
      Map<String, List<PolicyRequirement>> dockerScopes) {
    return new TrustPolicy(defaultRequirements, dockerScopes);
  }

  /** The requirements that apply to an image, and the scope they come from. */
  public record Scoped(String scope, List<PolicyRequirement> requirements) {
    /** Copies the list. */
    public Scoped {
      Objects.requireNonNull(scope, "scope");
      requirements = List.copyOf(requirements);
    }

    /** Whether it is the policy's default rather than a scope. */
    public boolean isDefault() {
      return scope.isEmpty();
    }
  }

  /** The most specific scope for {@code image} (or the default, with an empty scope name). */
  public Scoped scopeFor(ImageReference image) {
    String repository = image.registry() + "/" + image.repository();
    for (String candidate : candidates(image, repository)) {
      List<PolicyRequirement> found = dockerScopes.get(candidate);
      if (found != null) {
        return new Scoped(candidate, found);
      }
    }
    Optional<String> wildcard = wildcardFor(image.registry());
    if (wildcard.isPresent()) {
      return new Scoped(wildcard.get(), dockerScopes.get(wildcard.get()));
    }
    return new Scoped("", defaultRequirements);
  }

  /** The exact image, its repository, each namespace up to the registry, most specific first. */
  private static List<String> candidates(ImageReference image, String repository) {
    java.util.ArrayList<String> names = new java.util.ArrayList<>();
    image.digest().ifPresent(d -> names.add(repository + "@" + d));
    image.tag().ifPresent(t -> names.add(repository + ":" + t));
    for (String name = repository; ; ) {
      names.add(name);
      int slash = name.lastIndexOf('/');
      if (slash < 0) {
        break;
      }
      name = name.substring(0, slash);
    }
    return names;
  }

  /** The longest {@code *.domain} scope that covers the registry's host. */
  private Optional<String> wildcardFor(String registry) {
    String host =
        registry.contains(":") && !registry.startsWith("[")
            ? registry.substring(0, registry.indexOf(':'))
            : registry;
    String lower = host.toLowerCase(Locale.ROOT);
    return dockerScopes.keySet().stream()
        .filter(s -> s.startsWith("*."))
        .filter(s -> lower.endsWith(s.substring(1).toLowerCase(Locale.ROOT)))
        .max(java.util.Comparator.comparingInt(String::length));
  }
}
