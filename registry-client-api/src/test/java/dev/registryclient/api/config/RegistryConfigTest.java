package dev.registryclient.api.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.registryclient.api.ImageReference;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RegistryConfigTest {
  private static final String DIGEST =
      "@sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";

  private static ImageReference ref(String value) {
    return ImageReference.parse(value);
  }

  private static List<String> sources(RegistryConfig config, String reference) {
    return config.sources(ref(reference)).stream().map(Source::toString).toList();
  }

  private static MirrorRule mirror(String location, PullFromMirror pullFrom) {
    return new MirrorRule(location, false, pullFrom);
  }

  private static RegistryRule rule(String prefix, String location, MirrorRule... mirrors) {
    return new RegistryRule(prefix, Optional.of(location), false, false, List.of(mirrors));
  }

  /** The EXAMPLE section of containers-registries.conf(5). */
  private static final RegistryConfig MAN_PAGE_EXAMPLE =
      RegistryConfig.of(
          List.of(
              new RegistryRule(
                  "example.com/foo",
                  Optional.of("internal-registry-for-example.com/bar"),
                  false,
                  false,
                  List.of(
                      MirrorRule.of("example-mirror-0.local/mirror-for-foo"),
                      new MirrorRule(
                          "example-mirror-1.local/mirrors/foo", true, PullFromMirror.ALL))),
              RegistryRule.mirrored("registry.com", MirrorRule.of("mirror.registry.com"))));

  @Test
  void theManPageExampleTriesBothMirrorsThenTheRelocatedRegistry() {
    List<Source> sources = MAN_PAGE_EXAMPLE.sources(ref("example.com/foo/image:latest"));
    assertThat(sources)
        .containsExactly(
            new Source(ref("example-mirror-0.local/mirror-for-foo/image:latest"), true, false),
            new Source(ref("example-mirror-1.local/mirrors/foo/image:latest"), true, true),
            new Source(ref("internal-registry-for-example.com/bar/image:latest"), false, false));
  }

  @Test
  void theManPageExampleKeepsEachMirrorWithItsOwnRule() {
    assertThat(sources(MAN_PAGE_EXAMPLE, "registry.com/image:latest"))
        .containsExactly("mirror mirror.registry.com/image:latest", "registry.com/image:latest");
  }

  @Test
  void aReferenceNoRuleCoversIsItsOwnOnlySource() {
    assertThat(sources(MAN_PAGE_EXAMPLE, "quay.io/app:1")).containsExactly("quay.io/app:1");
    assertThat(sources(RegistryConfig.none(), "alpine"))
        .containsExactly("docker.io/library/alpine");
  }

  @Test
  void theLongestPrefixWins() {
    RegistryConfig config =
        RegistryConfig.of(
            List.of(
                RegistryRule.mirrored("quay.io", MirrorRule.of("mirror.local/quay")),
                RegistryRule.mirrored("quay.io/team", MirrorRule.of("mirror.local/team")),
                RegistryRule.mirrored("*.io", MirrorRule.of("mirror.local/io"))));
    assertThat(sources(config, "quay.io/team/app:1"))
        .containsExactly("mirror mirror.local/team/app:1", "quay.io/team/app:1");
    assertThat(sources(config, "quay.io/other/app:1"))
        .containsExactly("mirror mirror.local/quay/other/app:1", "quay.io/other/app:1");
    assertThat(sources(config, "ghcr.io/other/app:1"))
        .containsExactly("mirror mirror.local/io/other/app:1", "ghcr.io/other/app:1");
  }

  @Test
  void ofTwoRulesWithOnePrefixTheFirstCounts() {
    RegistryConfig config =
        RegistryConfig.of(
            List.of(
                RegistryRule.mirrored("quay.io", MirrorRule.of("first.local")),
                RegistryRule.mirrored("quay.io", MirrorRule.of("second.local"))));
    assertThat(sources(config, "quay.io/app:1")).first().isEqualTo("mirror first.local/app:1");
  }

  /** The cases of containers/image's TestPullSourcesFromReference. */
  @Test
  void eachMirrorServesThePullsItsSettingAllows() {
    RegistryConfig config =
        RegistryConfig.of(
            List.of(
                rule(
                    "registry-b.com/foo",
                    "registry-b.com/bar",
                    mirror("mirror-1.registry-b.com", PullFromMirror.DIGEST_ONLY),
                    mirror("mirror-2.registry-b.com", PullFromMirror.DIGEST_ONLY)),
                rule(
                    "registry-c.com/baz",
                    "registry-c.com/bar",
                    mirror("mirror-1.registry-c.com", PullFromMirror.ALL),
                    mirror("mirror-2.registry-c.com", PullFromMirror.DIGEST_ONLY)),
                rule(
                    "registry-e.com/baz",
                    "registry-e.com/bar",
                    mirror("mirror-1.registry-e.com", PullFromMirror.TAG_ONLY),
                    mirror("mirror-2.registry-e.com", PullFromMirror.TAG_ONLY)),
                rule(
                    "registry-g.com/baz",
                    "registry-g.com/bar",
                    mirror("mirror-1.registry-g.com", PullFromMirror.DIGEST_ONLY),
                    mirror("mirror-2.registry-g.com", PullFromMirror.TAG_ONLY),
                    mirror("mirror-3.registry-g.com", PullFromMirror.ALL),
                    mirror("mirror-4.registry-g.com", PullFromMirror.ALL))));

    assertThat(sources(config, "registry-b.com/foo/image" + DIGEST))
        .containsExactly(
            "mirror mirror-1.registry-b.com/image" + DIGEST,
            "mirror mirror-2.registry-b.com/image" + DIGEST,
            "registry-b.com/bar/image" + DIGEST);
    assertThat(sources(config, "registry-b.com/foo/image:aaa"))
        .containsExactly("registry-b.com/bar/image:aaa");
    assertThat(sources(config, "registry-c.com/baz/image:aaa"))
        .containsExactly(
            "mirror mirror-1.registry-c.com/image:aaa", "registry-c.com/bar/image:aaa");
    assertThat(sources(config, "registry-e.com/baz/image" + DIGEST))
        .containsExactly("registry-e.com/bar/image" + DIGEST);
    assertThat(sources(config, "registry-g.com/baz/image" + DIGEST))
        .containsExactly(
            "mirror mirror-1.registry-g.com/image" + DIGEST,
            "mirror mirror-3.registry-g.com/image" + DIGEST,
            "mirror mirror-4.registry-g.com/image" + DIGEST,
            "registry-g.com/bar/image" + DIGEST);
    assertThat(sources(config, "registry-g.com/baz/image:aaa"))
        .containsExactly(
            "mirror mirror-2.registry-g.com/image:aaa",
            "mirror mirror-3.registry-g.com/image:aaa",
            "mirror mirror-4.registry-g.com/image:aaa",
            "registry-g.com/bar/image:aaa");
  }

  @Test
  void theMirrorsAPullOfThisKindSkipsAreNamedForMessages() {
    RegistryConfig config =
        RegistryConfig.of(
            List.of(
                rule(
                    "registry-g.com/baz",
                    "registry-g.com/bar",
                    mirror("mirror-1.registry-g.com", PullFromMirror.DIGEST_ONLY),
                    mirror("mirror-2.registry-g.com", PullFromMirror.TAG_ONLY),
                    mirror("mirror-3.registry-g.com", PullFromMirror.ALL))));

    assertThat(config.skippedMirrors(ref("registry-g.com/baz/image:aaa")))
        .extracting(Source::toString)
        .containsExactly("mirror mirror-1.registry-g.com/image:aaa");
    assertThat(config.skippedMirrors(ref("registry-g.com/baz/image" + DIGEST)))
        .extracting(Source::toString)
        .containsExactly("mirror mirror-2.registry-g.com/image" + DIGEST);
    assertThat(config.skippedMirrors(ref("quay.io/app:1"))).isEmpty();
  }

  @Test
  void aReferenceWithTagAndDigestIsPulledByDigest() {
    RegistryConfig config =
        RegistryConfig.of(
            List.of(
                RegistryRule.mirrored(
                    "quay.io", mirror("digests.local", PullFromMirror.DIGEST_ONLY))));
    assertThat(sources(config, "quay.io/app:1" + DIGEST))
        .containsExactly("mirror digests.local/app:1" + DIGEST, "quay.io/app:1" + DIGEST);
  }

  @Test
  void aBlockedRuleIsNeverContactedButItsMirrorsAre() {
    RegistryRule neverContactSource =
        new RegistryRule(
            "quay.io/openshift-release-dev",
            Optional.empty(),
            false,
            true,
            List.of(mirror("mirror.local/ocp", PullFromMirror.DIGEST_ONLY)));
    RegistryConfig config = RegistryConfig.of(List.of(neverContactSource));
    ImageReference byDigest = ref("quay.io/openshift-release-dev/ocp-release" + DIGEST);

    assertThat(config.blocked(byDigest)).isTrue();
    assertThat(sources(config, byDigest.toString()))
        .containsExactly("mirror mirror.local/ocp/ocp-release" + DIGEST);
    assertThat(config.sources(ref("quay.io/openshift-release-dev/ocp-release:4.16"))).isEmpty();
  }

  @Test
  void aBlockedRuleWithoutMirrorsHasNoSource() {
    RegistryConfig config =
        RegistryConfig.of(
            List.of(new RegistryRule("docker.io", Optional.empty(), false, true, List.of())));
    assertThat(config.sources(ref("alpine:3"))).isEmpty();
    assertThat(config.sources(ref("quay.io/app:1"))).hasSize(1);
  }

  @Test
  void aRelocatedBlockedRuleDoesNotContactItsLocationEither() {
    RegistryConfig config =
        RegistryConfig.of(
            List.of(
                new RegistryRule(
                    "docker.io", Optional.of("hub-cache.local"), false, true, List.of())));
    assertThat(config.sources(ref("alpine:3"))).isEmpty();
  }

  @Test
  void aMirrorThatABlockedRuleCoversIsLeftOut() {
    RegistryConfig config =
        RegistryConfig.of(
            List.of(
                RegistryRule.mirrored(
                    "docker.io",
                    MirrorRule.of("mirror.blocked.example"),
                    MirrorRule.of("ok.local")),
                new RegistryRule("*.blocked.example", Optional.empty(), false, true, List.of())));
    assertThat(sources(config, "alpine:3"))
        .containsExactly("mirror ok.local/library/alpine:3", "docker.io/library/alpine:3");
  }

  @Test
  void insecureIsPerPlace() {
    RegistryConfig config =
        RegistryConfig.of(
            List.of(
                new RegistryRule(
                    "lab.local:5000",
                    Optional.empty(),
                    true,
                    false,
                    List.of(MirrorRule.of("mirror.local")))));
    List<Source> sources = config.sources(ref("lab.local:5000/app:1"));
    assertThat(sources).extracting(Source::insecure).containsExactly(false, true);
  }

  @Test
  void aLaterConfigurationReplacesRulesWithTheSamePrefixAndAddsTheOthers() {
    RegistryConfig base =
        RegistryConfig.of(
            List.of(
                new RegistryRule("base.com", Optional.empty(), true, false, List.of()),
                RegistryRule.mirrored("1.com", MirrorRule.of("mirror.one"))));
    RegistryConfig dropIn =
        RegistryConfig.of(
            List.of(
                new RegistryRule("base.com", Optional.empty(), false, true, List.of()),
                RegistryRule.mirrored("2.com", MirrorRule.of("mirror.two")),
                RegistryRule.mirrored("2.com", MirrorRule.of("ignored.two"))));

    RegistryConfig merged = base.with(dropIn);

    assertThat(merged.rules())
        .extracting(RegistryRule::prefix)
        .containsExactly("base.com", "1.com", "2.com");
    assertThat(merged.ruleFor(ref("base.com/app")))
        .get()
        .satisfies(
            r -> {
              assertThat(r.blocked()).isTrue();
              assertThat(r.insecure()).isFalse();
            });
    assertThat(sources(merged, "2.com/app:1")).first().isEqualTo("mirror mirror.two/app:1");
  }
}
