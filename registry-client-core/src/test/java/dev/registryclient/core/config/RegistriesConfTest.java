package dev.registryclient.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.registryclient.api.ImageReference;
import dev.registryclient.api.config.MirrorRule;
import dev.registryclient.api.config.PullFromMirror;
import dev.registryclient.api.config.RegistryConfig;
import dev.registryclient.api.config.RegistryRule;
import dev.registryclient.api.config.Source;
import dev.registryclient.api.exception.ConfigurationException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** One registries.conf file: the man page, containers/image's test files, errors. */
class RegistriesConfTest {
  private static final String DIGEST =
      "@sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";

  static RegistryConfig fixture(String name) {
    return RegistriesConf.read(TestFiles.registriesConf("containers-image/" + name));
  }

  static List<String> sources(RegistryConfig config, String reference) {
    return config.sources(ImageReference.parse(reference)).stream().map(Source::toString).toList();
  }

  private static ConfigurationException error(String toml) {
    try {
      RegistriesConf.parse(toml, "test.conf");
    } catch (ConfigurationException e) {
      return e;
    }
    throw new AssertionError("no error for:\n" + toml);
  }

  @Test
  void theManPageExampleParsesToItsRules() {
    RegistryConfig config =
        RegistriesConf.parse(
            """
            unqualified-search-registries = ["example.com"]

            [[registry]]
            prefix = "example.com/foo"
            insecure = false
            blocked = false
            location = "internal-registry-for-example.com/bar"

            [[registry.mirror]]
            location = "example-mirror-0.local/mirror-for-foo"

            [[registry.mirror]]
            location = "example-mirror-1.local/mirrors/foo"
            insecure = true

            [[registry]]
            location = "registry.com"

            [[registry.mirror]]
            location = "mirror.registry.com"
            """,
            "man page");

    assertThat(config.rules())
        .containsExactly(
            new RegistryRule(
                "example.com/foo",
                Optional.of("internal-registry-for-example.com/bar"),
                false,
                false,
                List.of(
                    MirrorRule.of("example-mirror-0.local/mirror-for-foo"),
                    new MirrorRule(
                        "example-mirror-1.local/mirrors/foo", true, PullFromMirror.ALL))),
            RegistryRule.mirrored("registry.com", MirrorRule.of("mirror.registry.com")));
    // "Given the above, a pull of example.com/foo/image:latest will try: ..."
    assertThat(sources(config, "example.com/foo/image:latest"))
        .containsExactly(
            "mirror example-mirror-0.local/mirror-for-foo/image:latest",
            "mirror example-mirror-1.local/mirrors/foo/image:latest",
            "internal-registry-for-example.com/bar/image:latest");
    assertThat(sources(config, "registry.com/image:latest"))
        .containsExactly("mirror mirror.registry.com/image:latest", "registry.com/image:latest");
  }

  @Test
  void theWildcardExampleOfTheManPageUsesTheReferenceAsItIs() {
    RegistryConfig config =
        RegistriesConf.parse(
            """
            [[registry]]
            prefix = "*.example.com"
            blocked = true
            """,
            "man page");
    assertThat(config.blocked(ImageReference.parse("blah.example.com/foo/myimage:latest")))
        .isTrue();
    assertThat(config.blocked(ImageReference.parse("example.com/foo/myimage:latest"))).isFalse();
  }

  @Test
  void pullSourcesFollowContainersImageTestFile() {
    RegistryConfig config = fixture("pull-sources-from-reference.conf");
    assertThat(config.rules()).hasSize(9);

    assertThat(sources(config, "registry-a.com/foo/image:aaa"))
        .containsExactly(
            "mirror mirror-1.registry-a.com/image:aaa",
            "mirror mirror-2.registry-a.com/image:aaa",
            "registry-a.com/bar/image:aaa");
    assertThat(config.sources(ImageReference.parse("registry-a.com/foo/image:aaa")))
        .extracting(Source::insecure)
        .containsExactly(false, true, false);
    // mirror-by-digest-only = true: every mirror serves digests only
    assertThat(sources(config, "registry-b.com/foo/image:aaa"))
        .containsExactly("registry-b.com/bar/image:aaa");
    assertThat(sources(config, "registry-d.com/baz/image" + DIGEST))
        .containsExactly(
            "mirror mirror-1.registry-d.com/image" + DIGEST,
            "mirror mirror-2.registry-d.com/image" + DIGEST,
            "registry-d.com/bar/image" + DIGEST);
    assertThat(sources(config, "registry-f.com/baz/image" + DIGEST))
        .containsExactly(
            "mirror mirror-1.registry-f.com/image" + DIGEST, "registry-f.com/bar/image" + DIGEST);
    assertThat(sources(config, "registry-g.com/baz/image:aaa"))
        .containsExactly(
            "mirror mirror-2.registry-g.com/image:aaa",
            "mirror mirror-3.registry-g.com/image:aaa",
            "mirror mirror-4.registry-g.com/image:aaa",
            "registry-g.com/bar/image:aaa");
  }

  @Test
  void mirrorsAndBlockedRegistriesOfContainersImageTestFile() {
    RegistryConfig config = fixture("mirrors.conf");
    assertThat(sources(config, "registry.com/image:1"))
        .containsExactly(
            "mirror mirror-1.registry.com/image:1",
            "mirror mirror-2.registry.com/image:1",
            "registry.com/image:1");
    assertThat(sources(config, "blocked.registry.com/image:1")).isEmpty();
    assertThat(fixture("unmarshal.conf").rules()).hasSize(4);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "insecure-conflicts.conf, registry registry.com is configured again with another insecure",
    "blocked-conflicts.conf, registry registry.com is configured again with another blocked",
    "missing-mirror-location.conf, the mirror's location is unset",
    "invalid-prefix.conf, URL schemes are not supported",
    "invalid-config-level-mirror.conf, pull-from-mirror must not be set for the registry",
    "invalid-conflict-mirror.conf, mirror-by-digest-only is set for the registry",
    "invalid-value-mirror.conf, pull-from-mirror \"notvalid\" is not all",
    "mixing-v1-v2.conf, mixes the version 1 format",
    "mixing-v1-v2-empty.conf, mixes the version 1 format",
    "v1-invalid-block.conf, URL schemes are not supported",
  })
  void containersImageInvalidFilesAreRefusedNamingTheFile(String file, String problem) {
    assertThatThrownBy(() -> fixture(file))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining(file)
        .hasMessageContaining(problem);
  }

  @Test
  void aSemanticErrorNamesTheLineOfItsTable() {
    ConfigurationException e =
        error(
            """
            # comment
            [[registry]]
            location = "registry-a.com"

            [[registry]]
            prefix = "registry-b.com/foo"
            location = "registry-b.com/bar"

              [[registry.mirror]]
              location = "mirror-1.registry-b.com"

              [[registry.mirror]]
              location = "mirror-2.registry-b.com"
              pull-from-mirror = "sometimes"
            """);
    assertThat(e.file()).isEqualTo("test.conf");
    assertThat(e.line()).isEqualTo(OptionalInt.of(12));
    assertThat(e.getMessage())
        .startsWith("configuration: test.conf, line 12: [[registry]] #2, [[registry.mirror]] #2:")
        .contains("\"sometimes\"");
  }

  @Test
  void aSyntaxErrorNamesTheLineWhereTheParserStopped() {
    ConfigurationException e =
        error(
            """
            [[registry]]
            location = "registry-a.com"
            insecure = yes
            """);
    assertThat(e.line()).isEqualTo(OptionalInt.of(3));
    assertThat(e.getMessage()).contains("test.conf, line 3").contains("not valid TOML");
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "location = \"a.com\"\\ninsecure = \"yes\"| insecure must be true or false, not a string",
        "location = \"a.com\"\\nblocked = 1| blocked must be true or false, not a number",
        "prefix = [\"a.com\"]| prefix must be a string, not an array",
        "location = \"a.com\"\\nmirror = \"m.local\"| mirror must be an array of tables",
        "location = \"mirror\"| does not start with a registry host",
        "prefix = \"example.*.com\"\\nlocation = \"a.com\"| a wildcard prefix is *.domain",
        "prefix = \"*.example.com/foo\"| a wildcard prefix is *.domain",
        "prefix = \"example.com/foo\"| location is unset and prefix example.com/foo is not a wildcard",
      })
  void aWrongValueNamesTheKeyAndItsTable(String body, String problem) {
    ConfigurationException e = error("[[registry]]\n" + body.replace("\\n", "\n") + "\n");
    assertThat(e.getMessage()).contains("[[registry]] #1").contains(problem);
    assertThat(e.line()).isEqualTo(OptionalInt.of(1));
  }

  @Test
  void bothPrefixAndLocationUnsetIsAnError() {
    assertThat(error("[[registry]]\ninsecure = true\n").getMessage())
        .contains("both prefix and location are unset");
  }

  @Test
  void registryMustBeAnArrayOfTables() {
    assertThat(error("registry = \"quay.io\"\n").getMessage())
        .contains("registry must be an array of tables");
  }

  @Test
  void unknownKeysAndKeysThatDoNotConcernUsAreIgnored() {
    RegistryConfig config =
        RegistriesConf.parse(
            """
            short-name-mode = "enforcing"
            credential-helpers = ["containers-auth.json"]
            some-future-key = 1

            [[registry]]
            location = "registry.example"
            future-flag = true
            proxy = "http://proxy.example:3128"
              [[registry.mirror]]
              location = "mirror.example"
              weight = 3

            [aliases]
            "fedora" = "registry.fedoraproject.org/fedora"
            """,
            "future.conf");
    assertThat(config.rules())
        .containsExactly(
            RegistryRule.mirrored("registry.example", MirrorRule.of("mirror.example")));
  }

  @Test
  void theFirstOfSeveralEntriesWithOnePrefixCounts() {
    RegistryConfig config =
        RegistriesConf.parse(
            """
            [[registry]]
            prefix = "quay.io"
            location = "first.local"
            [[registry]]
            prefix = "quay.io"
            location = "second.local"
            """,
            "dup.conf");
    assertThat(config.rules()).hasSize(1);
    assertThat(config.rules().get(0).location()).contains("first.local");
  }

  @Test
  void trailingSlashesAreDroppedAndAPrefixEqualToItsLocationIsNoRelocation() {
    RegistryConfig config =
        RegistriesConf.parse(
            """
            [[registry]]
            prefix = "docker.io/"
            location = "docker.io"
            [[registry.mirror]]
            location = "mirror.gcr.io/"
            """,
            "slashes.conf");
    assertThat(config.rules())
        .containsExactly(RegistryRule.mirrored("docker.io", MirrorRule.of("mirror.gcr.io")));
  }

  @Test
  void theVersion1FormatBecomesBlockedAndInsecureRules() {
    RegistryConfig config = fixture("v1-compatibility.conf");
    assertThat(config.rules())
        .containsExactlyInAnyOrder(
            new RegistryRule("registry-b.com", Optional.empty(), true, true, List.of()),
            new RegistryRule("registry-d.com", Optional.empty(), true, false, List.of()),
            new RegistryRule("registry-e.com", Optional.empty(), true, false, List.of()),
            new RegistryRule("registry-a.com", Optional.empty(), true, false, List.of()));
    assertThat(config.blocked(ImageReference.parse("registry-b.com/bar/foo/barfoo:latest")))
        .isTrue();
  }

  @Test
  void anEmptyFileHasNoRules() {
    assertThat(RegistriesConf.parse("", "empty.conf").rules()).isEmpty();
    assertThat(RegistriesConf.parse("# only comments\n", "empty.conf").rules()).isEmpty();
  }

  @Test
  void aFileOverOneMebibyteIsRefusedWithoutParsing(@TempDir Path dir) throws Exception {
    Path big = dir.resolve("registries.conf");
    Files.writeString(big, "#" + "x".repeat(ConfigFile.MAX_SIZE) + "\n");
    assertThatThrownBy(() -> RegistriesConf.read(big))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining(big.toString())
        .hasMessageContaining("larger than 1 MiB");
  }

  @Test
  void aFileThatIsNotUtf8IsRefused(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("registries.conf");
    Files.write(file, new byte[] {'#', ' ', (byte) 0xff, '\n'});
    assertThatThrownBy(() -> RegistriesConf.read(file))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("not UTF-8");
  }

  @Test
  void aMissingFileIsAnErrorWhenNamedExplicitly(@TempDir Path dir) {
    assertThatThrownBy(() -> RegistriesConf.read(dir.resolve("nope.conf")))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("nope.conf")
        .hasMessageContaining("no such file");
  }
}
