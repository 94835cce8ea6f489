package dev.registryclient.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.registryclient.api.config.MirrorRule;
import dev.registryclient.api.config.PullFromMirror;
import dev.registryclient.api.config.RegistryConfig;
import dev.registryclient.api.config.RegistryRule;
import dev.registryclient.api.exception.ConfigurationException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The readers of configuration files fail only with ConfigurationException, and round-trip. */
class ConfigParsingProperties {

  /** Pieces of TOML, YAML and JSON syntax, glued into mostly-broken documents. */
  @Provide
  Arbitrary<String> garbage() {
    Arbitrary<String> piece =
        Arbitraries.oneOf(
            Arbitraries.of(
                "[[registry]]",
                "[[registry.mirror]]",
                "[registries.block]",
                "[",
                "]",
                "[[",
                "]]",
                "{",
                "}",
                "=",
                ":",
                ",",
                "\"",
                "'",
                "\"\"\"",
                "'''",
                "#",
                "\n",
                "\n",
                " ",
                "- ",
                "---\n",
                "prefix",
                "location",
                "mirror",
                "insecure",
                "blocked",
                "registries",
                "pull-from-mirror",
                "mirror-by-digest-only",
                "kind: ImageDigestMirrorSet\n",
                "spec:",
                "imageDigestMirrors:",
                "source:",
                "mirrors:",
                "registry-mirrors",
                "mirrorSourcePolicy: NeverContactSource",
                "true",
                "false",
                "1979-05-27T07:32:00Z",
                "0x",
                "1e999",
                "-0",
                "inf",
                "nan",
                "*.",
                "*",
                "docker.io",
                "quay.io/ns",
                "localhost:5000",
                "http://",
                "\\u0000",
                "\\",
                "&a",
                "*a",
                "!!binary",
                "\t",
                "\r\n"),
            Arbitraries.strings().ofMaxLength(5),
            Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(8));
    return piece.list().ofMaxSize(40).map(l -> String.join("", l));
  }

  @Property(tries = 2000)
  void anyTextIsRulesOrAConfigurationException(@ForAll("garbage") String text) {
    for (Runnable parse :
        List.<Runnable>of(
            () -> RegistriesConf.parse(text, "garbage.conf"),
            () -> OpenShiftMirrorSets.parse(text, "garbage.yaml"),
            () -> DockerDaemonMirrors.parse(text, "garbage.json"))) {
      try {
        parse.run();
      } catch (ConfigurationException e) {
        assertThat(e.getMessage()).startsWith("configuration: garbage.");
      }
    }
  }

  private static Arbitrary<String> host() {
    return Arbitraries.strings()
        .withCharRange('a', 'z')
        .ofMinLength(1)
        .ofMaxLength(6)
        .list()
        .ofMinSize(2)
        .ofMaxSize(3)
        .map(l -> String.join(".", l));
  }

  private static Arbitrary<String> namespace() {
    Arbitrary<String> path =
        Arbitraries.strings()
            .withCharRange('a', 'z')
            .numeric()
            .ofMinLength(1)
            .ofMaxLength(6)
            .list()
            .ofMaxSize(2)
            .map(l -> String.join("/", l));
    return Combinators.combine(host(), path).as((h, p) -> p.isEmpty() ? h : h + "/" + p);
  }

  @Provide
  Arbitrary<RegistryRule> rules() {
    Arbitrary<MirrorRule> mirror =
        Combinators.combine(
                namespace(), Arbitraries.of(true, false), Arbitraries.of(PullFromMirror.class))
            .as(MirrorRule::new);
    Arbitrary<String> prefix = Arbitraries.oneOf(namespace(), host().map(h -> "*." + h));
    return Combinators.combine(
            prefix,
            namespace().optional(0.5),
            Arbitraries.of(true, false),
            Arbitraries.of(true, false),
            mirror.list().ofMaxSize(3))
        .as(RegistryRule::new);
  }

  @Provide
  Arbitrary<List<RegistryRule>> ruleLists() {
    return rules().list().ofMaxSize(6);
  }

  /** The location line: a non-wildcard prefix needs one, and "the prefix itself" is one. */
  private static String locationLine(RegistryRule rule) {
    return rule.location()
        .or(() -> rule.wildcard() ? Optional.empty() : Optional.of(rule.prefix()))
        .map(l -> "location = \"" + l + "\"\n")
        .orElse("");
  }

  private static String render(List<RegistryRule> rules) {
    StringBuilder toml = new StringBuilder("# generated\n");
    for (RegistryRule rule : rules) {
      toml.append("\n[[registry]]\nprefix = \"").append(rule.prefix()).append("\"\n");
      toml.append(locationLine(rule));
      toml.append("insecure = ").append(rule.insecure()).append('\n');
      toml.append("blocked = ").append(rule.blocked()).append('\n');
      for (MirrorRule mirror : rule.mirrors()) {
        toml.append("  [[registry.mirror]]\n  location = \"")
            .append(mirror.location())
            .append("\"\n");
        toml.append("  insecure = ").append(mirror.insecure()).append('\n');
        toml.append("  pull-from-mirror = \"")
            .append(mirror.pullFrom().name().toLowerCase(Locale.ROOT).replace('_', '-'))
            .append("\"\n");
      }
    }
    return toml.toString();
  }

  @Property
  void renderedRulesParseBackToThemselves(@ForAll("ruleLists") List<RegistryRule> rules) {
    // registries.conf cannot hold two entries for one registry with different flags
    Set<String> prefixes = new HashSet<>();
    Set<String> registries = new HashSet<>();
    for (RegistryRule rule : rules) {
      Assume.that(prefixes.add(rule.prefix()));
      Assume.that(registries.add(rule.location().orElse(rule.prefix())));
    }

    RegistryConfig parsed = RegistriesConf.parse(render(rules), "generated.conf");

    assertThat(parsed).isEqualTo(RegistryConfig.of(rules));
  }

  @Property
  void mirrorByDigestOnlyMakesEveryMirrorDigestOnly(@ForAll("rules") RegistryRule rule) {
    StringBuilder toml = new StringBuilder("[[registry]]\nprefix = \"" + rule.prefix() + "\"\n");
    toml.append(locationLine(rule));
    toml.append("mirror-by-digest-only = true\n");
    for (MirrorRule mirror : rule.mirrors()) {
      toml.append("[[registry.mirror]]\nlocation = \"").append(mirror.location()).append("\"\n");
    }

    RegistryRule parsed = RegistriesConf.parse(toml.toString(), "x.conf").rules().get(0);

    assertThat(parsed.mirrors()).allMatch(m -> m.pullFrom() == PullFromMirror.DIGEST_ONLY);
    assertThat(parsed.mirrors()).hasSameSizeAs(rule.mirrors());
    assertThat(parsed.location()).isEqualTo(rule.location());
    assertThat(Optional.of(parsed.prefix())).contains(rule.prefix());
  }
}
