package dev.registryclient.api.trust;

import static org.assertj.core.api.Assertions.assertThat;

import dev.registryclient.api.ImageReference;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Scope lookup picks the most specific scope that covers an image, by a definition of "covers" and
 * "more specific" written apart from the implementation: the image itself beats any namespace, a
 * longer namespace beats a shorter one, and any namespace beats a {@code *.} wildcard, of which the
 * longer wins.
 */
class TrustScopeProperties {
  private static final List<String> LABELS = List.of("a", "b", "example", "com", "io");
  private static final List<String> COMPONENTS = List.of("ns", "app", "library", "x");

  @Provide
  Arbitrary<ImageReference> images() {
    Arbitrary<String> host =
        Arbitraries.of(LABELS).list().ofMinSize(2).ofMaxSize(4).map(l -> String.join(".", l));
    Arbitrary<String> port = Arbitraries.of("", ":5000", ":443");
    Arbitrary<String> path =
        Arbitraries.of(COMPONENTS).list().ofMinSize(1).ofMaxSize(3).map(l -> String.join("/", l));
    Arbitrary<String> suffix =
        Arbitraries.of(
            "", ":1", ":latest", "@sha256:" + "ab".repeat(32), ":1@sha256:" + "ab".repeat(32));
    return Combinators.combine(host, port, path, suffix)
        .as((h, p, r, s) -> ImageReference.parse(h + p + "/" + r + s));
  }

  /** Scopes: pieces of the image's own name, wildcards, and near misses. */
  private static Arbitrary<String> scopes() {
    Arbitrary<String> host =
        Arbitraries.of(LABELS).list().ofMinSize(1).ofMaxSize(4).map(l -> String.join(".", l));
    Arbitrary<String> port = Arbitraries.of("", "", ":5000");
    Arbitrary<String> path =
        Arbitraries.of(COMPONENTS).list().ofMaxSize(3).map(l -> String.join("/", l));
    Arbitrary<String> suffix =
        Arbitraries.of("", "", "", ":1", ":latest", "@sha256:" + "ab".repeat(32));
    Arbitrary<String> named =
        Combinators.combine(host, port, path, suffix)
            .as((h, p, r, s) -> h + p + (r.isEmpty() ? "" : "/" + r + s));
    Arbitrary<String> wildcard = host.map(h -> "*." + h);
    return Arbitraries.oneOf(named, named, wildcard);
  }

  @Provide
  Arbitrary<List<String>> scopeLists() {
    return scopes().list().ofMaxSize(12).uniqueElements();
  }

  /** How specific a covering scope is; empty when it does not cover the image. */
  private static Optional<int[]> rank(String scope, ImageReference image) {
    ImageReference id =
        image.digest().isPresent()
            ? ImageReference.parse(image.name() + "@" + image.digest().get())
            : image.tag().isPresent() ? image : ImageReference.parse(image.name() + ":latest");
    if (scope.equals(id.toString())) {
      return Optional.of(new int[] {3, scope.length()});
    }
    String name = image.name();
    if (name.equals(scope) || name.startsWith(scope + "/")) {
      return Optional.of(new int[] {2, scope.length()});
    }
    String host = image.registry().split(":", 2)[0];
    if (scope.startsWith("*.") && host.endsWith(scope.substring(1))) {
      return Optional.of(new int[] {1, scope.length()});
    }
    return Optional.empty();
  }

  @Property
  void theMostSpecificCoveringScopeApplies(
      @ForAll("images") ImageReference image, @ForAll("scopeLists") List<String> scopes) {
    Map<String, List<PolicyRequirement>> map = new LinkedHashMap<>();
    scopes.forEach(s -> map.put(s, List.of(new PolicyRequirement.InsecureAcceptAnything())));
    TrustPolicy policy = TrustPolicy.of(List.of(new PolicyRequirement.Reject()), map);

    List<String> covering = new ArrayList<>();
    for (String scope : scopes) {
      rank(scope, image).ifPresent(r -> covering.add(scope));
    }
    Optional<String> expected =
        covering.stream()
            .max(
                Comparator.comparingInt((String s) -> rank(s, image).orElseThrow()[0])
                    .thenComparingInt(s -> rank(s, image).orElseThrow()[1]));

    assertThat(policy.scopeFor(image).scope()).isEqualTo(expected.orElse(""));
  }

  @Property
  void signatureStoresUseTheSameScopes(
      @ForAll("images") ImageReference image, @ForAll("scopeLists") List<String> scopes) {
    Map<String, SignatureStores.Store> docker = new LinkedHashMap<>();
    for (String scope : scopes) {
      docker.put(
          scope,
          SignatureStores.Store.lookaside(
              java.net.URI.create("https://sigs.example/" + scope.replace('*', '_'))));
    }
    Map<String, List<PolicyRequirement>> map = new LinkedHashMap<>();
    scopes.forEach(s -> map.put(s, List.of(new PolicyRequirement.InsecureAcceptAnything())));
    String policyScope =
        TrustPolicy.of(List.of(new PolicyRequirement.Reject()), map).scopeFor(image).scope();

    Optional<SignatureStores.Store> store =
        SignatureStores.of(Optional.empty(), docker).storeFor(image);

    assertThat(store.flatMap(SignatureStores.Store::lookaside))
        .isEqualTo(
            policyScope.isEmpty()
                ? Optional.empty()
                : Optional.of(
                    java.net.URI.create("https://sigs.example/" + policyScope.replace('*', '_'))));
  }
}
