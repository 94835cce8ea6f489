package dev.registryclient.api.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.registryclient.api.ImageReference;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class RegistryConfigProperties {
  private static final String DIGEST =
      "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

  private static Arbitrary<String> word() {
    return Arbitraries.strings().withCharRange('a', 'z').numeric().ofMinLength(1).ofMaxLength(6);
  }

  /** Registry hosts that are never Docker Hub (which would renormalise a rewritten name). */
  private static Arbitrary<String> registry() {
    Arbitrary<String> host =
        word().list().ofMinSize(2).ofMaxSize(3).map(l -> String.join(".", l) + ".test");
    Arbitrary<String> port = Arbitraries.integers().between(1, 65535).map(p -> ":" + p);
    return Combinators.combine(host, port.injectNull(0.6)).as((h, p) -> p == null ? h : h + p);
  }

  private static Arbitrary<String> path(int min, int max) {
    Arbitrary<String> component =
        Combinators.combine(word(), Arbitraries.of("", "-", ".", "_", "__"), word())
            .as((a, sep, b) -> sep.isEmpty() ? a : a + sep + b);
    return component.list().ofMinSize(min).ofMaxSize(max).map(l -> String.join("/", l));
  }

  @Provide
  Arbitrary<ImageReference> references() {
    Arbitrary<String> tag = word().injectNull(0.3);
    Arbitrary<String> digest = Arbitraries.just(DIGEST).injectNull(0.6);
    return Combinators.combine(registry(), path(1, 4), tag, digest)
        .as(
            (r, p, t, d) ->
                ImageReference.parse(
                    r + "/" + p + (t == null ? "" : ":" + t) + (d == null ? "" : "@" + d)));
  }

  @Provide
  Arbitrary<String> namespaces() {
    return Combinators.combine(registry(), path(0, 2)).as((r, p) -> p.isEmpty() ? r : r + "/" + p);
  }

  private static RegistryRule rule(String prefix) {
    return new RegistryRule(prefix, Optional.empty(), false, false, List.of());
  }

  private static boolean isComponentChar(char c) {
    return Character.isLetterOrDigit(c) || c == '-' || c == '.' || c == '_';
  }

  @Property
  void aPrefixNeverEndsInsideAComponent(
      @ForAll("references") ImageReference reference, @ForAll @IntRange(min = 1) int cutSeed) {
    String name = reference.toString();
    int cut = 1 + cutSeed % name.length();
    String prefix = name.substring(0, cut);
    boolean insideComponent =
        cut < name.length()
            && isComponentChar(name.charAt(cut - 1))
            && isComponentChar(name.charAt(cut));
    if (insideComponent && !prefix.contains("*")) {
      assertThat(rule(prefix).matches(reference)).as("%s covers %s", prefix, name).isFalse();
    }
  }

  @Property
  void everyComponentBoundaryOfTheNameIsAMatchingPrefix(
      @ForAll("references") ImageReference reference) {
    String name = reference.toString();
    int digestStart = name.indexOf('@') < 0 ? name.length() : name.indexOf('@');
    for (int cut = reference.registry().length(); cut <= digestStart; cut++) {
      if (cut == digestStart || "/:".indexOf(name.charAt(cut)) >= 0) {
        String prefix = name.substring(0, cut);
        assertThat(rule(prefix).matches(reference)).as("%s covers %s", prefix, name).isTrue();
      }
    }
    assertThat(rule(name).matches(reference)).isTrue();
  }

  @Property
  void rewritingToALocationAndBackGivesTheReference(
      @ForAll("namespaces") String prefix,
      @ForAll("namespaces") String location,
      @ForAll("references") ImageReference under) {
    // Put the generated reference under the prefix: prefix + its repository path and suffix.
    ImageReference reference =
        ImageReference.parse(prefix + under.toString().substring(under.registry().length()));
    RegistryRule there = new RegistryRule(prefix, Optional.of(location), false, false, List.of());
    RegistryRule back = new RegistryRule(location, Optional.of(prefix), false, false, List.of());

    ImageReference moved = there.primary(reference);

    assertThat(there.matches(reference)).isTrue();
    assertThat(back.matches(moved)).as("%s covers %s", location, moved).isTrue();
    assertThat(back.primary(moved)).isEqualTo(reference);
    assertThat(moved.tag()).isEqualTo(reference.tag());
    assertThat(moved.digest()).isEqualTo(reference.digest());
  }

  @Property
  void aMirrorOfAWildcardKeepsEverythingAfterTheHost(
      @ForAll("references") ImageReference reference, @ForAll("namespaces") String mirror) {
    String registry = reference.registry();
    String host = registry.contains(":") ? registry.substring(0, registry.indexOf(':')) : registry;
    String domain = host.substring(host.indexOf('.') + 1);
    RegistryRule rule = RegistryRule.mirrored("*." + domain, MirrorRule.of(mirror));
    // The port stays (as in containers/image): after a mirror with a port or a path it makes no
    // valid reference, there or here.
    Assume.that(!registry.contains(":") || !(mirror.contains(":") || mirror.contains("/")));
    String rest = reference.toString().substring(host.length());
    assertThat(rule.atMirror(reference, rule.mirrors().get(0)))
        .isEqualTo(ImageReference.parse(mirror + rest));
  }

  @Property
  void theLongestCoveringPrefixWinsWhateverTheOrder(
      @ForAll("references") ImageReference reference,
      @ForAll("namespaces") String unrelated,
      @ForAll long seed) {
    String name = reference.toString();
    List<RegistryRule> rules = new ArrayList<>();
    String longest = null;
    for (int cut = reference.registry().length(); cut <= name.length(); cut++) {
      if (cut == name.length() || name.charAt(cut) == '/') {
        longest = name.substring(0, cut);
        rules.add(RegistryRule.mirrored(longest, MirrorRule.of("m" + cut + ".local")));
      }
    }
    String host = reference.registry().split(":")[0];
    rules.add(RegistryRule.mirrored("*." + host.substring(host.indexOf('.') + 1)));
    rules.add(rule(unrelated));
    Collections.shuffle(rules, new Random(seed));

    Optional<RegistryRule> chosen = RegistryConfig.of(rules).ruleFor(reference);

    assertThat(chosen).isPresent();
    int best = rules.stream().mapToInt(r -> r.matchLength(reference)).max().orElseThrow();
    assertThat(chosen.get().matchLength(reference)).isEqualTo(best);
    assertThat(chosen.get().prefix().length()).isGreaterThanOrEqualTo(longest.length());
  }

  @Property
  void theSourcesOfAReferenceNeverIncludeABlockedPlace(
      @ForAll("references") ImageReference reference,
      @ForAll("namespaces") String mirror,
      @ForAll boolean blockMirror) {
    String name = reference.toString();
    String prefix = name.substring(0, reference.registry().length());
    List<RegistryRule> rules = new ArrayList<>();
    rules.add(
        new RegistryRule(prefix, Optional.empty(), false, true, List.of(MirrorRule.of(mirror))));
    if (blockMirror) {
      rules.add(new RegistryRule(mirror, Optional.empty(), false, true, List.of()));
    }
    RegistryConfig config = RegistryConfig.of(rules);

    List<Source> sources = config.sources(reference);

    assertThat(sources).noneMatch(s -> config.blocked(s.reference()));
    assertThat(sources).allMatch(Source::mirror);
    boolean mirrorOnBlockedHost = mirror.equals(prefix) || mirror.startsWith(prefix + "/");
    assertThat(sources).hasSize(blockMirror || mirrorOnBlockedHost ? 0 : 1);
  }
}
