package dev.registryclient.core.config;

import static dev.registryclient.core.config.RegistriesConfTest.sources;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.registryclient.api.ImageReference;
import dev.registryclient.api.config.RegistryConfig;
import dev.registryclient.api.config.RegistryRule;
import dev.registryclient.api.exception.ConfigurationException;
import dev.registryclient.core.auth.credentials.Environment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which files are read, in which order, and how drop-ins merge. Never touches the real /etc. */
class RegistriesConfLoadTest {
  @TempDir Path home;
  @TempDir Path etc;

  private Environment env(Map<String, String> variables) {
    return Environment.of(variables, home);
  }

  private Path userDir() {
    return home.resolve(".config/containers");
  }

  private static void write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  private static String mirrored(String location, String mirror) {
    return "[[registry]]\nlocation = \"%s\"\n[[registry.mirror]]\nlocation = \"%s\"\n"
        .formatted(location, mirror);
  }

  private RegistryConfig load(Map<String, String> variables) {
    return RegistriesConf.load(env(variables), etc);
  }

  @Test
  void nothingConfiguredIsNoRules() {
    assertThat(load(Map.of()).rules()).isEmpty();
    assertThat(RegistriesConf.files(env(Map.of()), etc)).isEmpty();
  }

  @Test
  void theSystemFileAndBothDropInDirectoriesAreReadInOrder() throws IOException {
    write(etc.resolve("registries.conf"), mirrored("quay.io", "main.local"));
    write(etc.resolve("registries.conf.d/10-b.conf"), mirrored("quay.io", "etc-b.local"));
    write(etc.resolve("registries.conf.d/05-a.conf"), mirrored("ghcr.io", "etc-a.local"));
    write(userDir().resolve("registries.conf.d/00-user.conf"), mirrored("quay.io", "user.local"));

    assertThat(RegistriesConf.files(env(Map.of()), etc))
        .containsExactly(
            etc.resolve("registries.conf"),
            etc.resolve("registries.conf.d/05-a.conf"),
            etc.resolve("registries.conf.d/10-b.conf"),
            userDir().resolve("registries.conf.d/00-user.conf"));
    RegistryConfig config = load(Map.of());
    // the user's drop-in comes last, so its quay.io rule replaces the others
    assertThat(sources(config, "quay.io/app:1")).first().isEqualTo("mirror user.local/app:1");
    assertThat(sources(config, "ghcr.io/app:1")).first().isEqualTo("mirror etc-a.local/app:1");
  }

  @Test
  void aDropInReplacesAnEarlierRuleWithTheSamePrefixAndKeepsTheOthers() throws IOException {
    write(
        etc.resolve("registries.conf"),
        mirrored("quay.io", "main.local") + mirrored("ghcr.io", "g.local"));
    write(
        etc.resolve("registries.conf.d/50-block.conf"),
        "[[registry]]\nlocation = \"quay.io\"\nblocked = true\n");

    RegistryConfig config = load(Map.of());

    assertThat(config.sources(ImageReference.parse("quay.io/app:1"))).isEmpty();
    assertThat(sources(config, "ghcr.io/app:1")).first().isEqualTo("mirror g.local/app:1");
  }

  @Test
  void onlyConfFilesDirectlyInTheDirectoryAreDropIns() throws IOException {
    write(etc.resolve("registries.conf.d/a.conf"), mirrored("quay.io", "a.local"));
    write(etc.resolve("registries.conf.d/b.conf.ignore"), "this is not TOML [");
    write(etc.resolve("registries.conf.d/sub/c.conf"), "this is not TOML [");
    Files.createDirectories(etc.resolve("registries.conf.d/d.conf"));

    assertThat(RegistriesConf.files(env(Map.of()), etc))
        .containsExactly(etc.resolve("registries.conf.d/a.conf"));
    assertThat(load(Map.of()).rules()).hasSize(1);
  }

  @Test
  void theUserFileReplacesTheSystemFileAndItsDropIns() throws IOException {
    write(etc.resolve("registries.conf"), mirrored("quay.io", "system.local"));
    write(etc.resolve("registries.conf.d/a.conf"), mirrored("ghcr.io", "system-a.local"));
    write(userDir().resolve("registries.conf"), mirrored("docker.io", "user.local"));
    write(userDir().resolve("registries.conf.d/a.conf"), mirrored("gcr.io", "user-a.local"));

    RegistryConfig config = load(Map.of());

    assertThat(config.rules())
        .extracting(RegistryRule::prefix)
        .containsExactly("docker.io", "gcr.io");
  }

  @Test
  void containersRegistriesConfNamesTheMainFileAndDropInsAreStillRead() throws IOException {
    // containers/image's newConfigWrapper sets only the file; both drop-in directories stay.
    Path explicit = home.resolve("elsewhere/my.conf");
    write(explicit, mirrored("quay.io", "explicit.local"));
    write(etc.resolve("registries.conf"), mirrored("ghcr.io", "ignored.local"));
    write(userDir().resolve("registries.conf"), mirrored("gcr.io", "ignored.local"));
    write(etc.resolve("registries.conf.d/a.conf"), mirrored("docker.io", "etc-a.local"));
    write(userDir().resolve("registries.conf.d/b.conf"), mirrored("registry.k8s.io", "user.local"));

    Map<String, String> variables = Map.of("CONTAINERS_REGISTRIES_CONF", explicit.toString());
    RegistryConfig config = load(variables);

    assertThat(RegistriesConf.files(env(variables), etc))
        .containsExactly(
            explicit,
            etc.resolve("registries.conf.d/a.conf"),
            userDir().resolve("registries.conf.d/b.conf"));
    assertThat(config.rules())
        .extracting(RegistryRule::prefix)
        .containsExactly("quay.io", "docker.io", "registry.k8s.io");
  }

  @Test
  void theOlderVariableIsUsedWhenTheNewOneIsUnset() throws IOException {
    Path legacy = home.resolve("legacy.conf");
    write(legacy, mirrored("quay.io", "legacy.local"));
    assertThat(load(Map.of("REGISTRIES_CONFIG_PATH", legacy.toString())).rules()).hasSize(1);
  }

  @Test
  void aMissingExplicitFileIsAnErrorButAMissingDefaultIsNot() {
    Path missing = home.resolve("missing.conf");
    assertThatThrownBy(() -> load(Map.of("CONTAINERS_REGISTRIES_CONF", missing.toString())))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining(missing.toString());
    assertThat(load(Map.of()).rules()).isEmpty();
  }

  @Test
  void aBrokenDropInIsAnErrorNamingIt() throws IOException {
    write(etc.resolve("registries.conf"), mirrored("quay.io", "main.local"));
    Path broken = etc.resolve("registries.conf.d/20-broken.conf");
    write(broken, "[[registry]]\nlocation = \"quay.io\"\n\n[[registry.mirror]\n");

    assertThatThrownBy(() -> load(Map.of()))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining(broken.toString())
        .hasMessageContaining("line 4");
  }

  @Test
  void aDropInInTheVersion1FormatIsRefused() throws IOException {
    Path v1 = etc.resolve("registries.conf.d/old.conf");
    write(v1, "[registries.block]\nregistries = [\"docker.io\"]\n");
    assertThatThrownBy(() -> load(Map.of()))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining(v1.toString())
        .hasMessageContaining("version 2 format");
  }

  @Test
  void aMainFileInTheVersion1FormatIsConverted() throws IOException {
    write(etc.resolve("registries.conf"), "[registries.block]\nregistries = [\"docker.io\"]\n");
    assertThat(load(Map.of()).blocked(ImageReference.parse("alpine"))).isTrue();
  }

  /** containers/image's TestFindRegistry, with its find-registry.conf and registries.conf.d. */
  @Test
  void findRegistryCasesOfContainersImage() {
    Path dir = TestFiles.registriesConf("containers-image");
    RegistryConfig config =
        RegistriesConf.load(
            env(Map.of("CONTAINERS_REGISTRIES_CONF", dir.resolve("find-registry.conf").toString())),
            dir);
    assertThat(config.rules()).hasSize(19);

    assertThat(location(config, "simple-prefix.com/foo/bar:latest")).contains("registry.com:5000");
    assertThat(location(config, "not.so.simple-prefix.com/foo")).contains("subdomain-prefix.com");
    assertThat(location(config, "not.quite.simple-prefix.com/foo"))
        .contains("subdomain-prefix-2.com");
    assertThat(location(config, "not.quite.simple-prefix.com:5000/with/path/and/beyond:tag"))
        .contains("subdomain-prefix-2.com");
    assertThat(location(config, "really.not.quite.simple-prefix.com:5000/with/path/and/beyond:tag"))
        .contains("subdomain-prefix-1-overridden-by-dropin-location.com");
    assertThat(location(config, "foo.docker.io:5000/omg/wtf/bbq:foo"))
        .contains("subdomain-prefix-2.com");
    assertThat(
            location(
                config,
                "foo.bar.example.com:6000/omg/wtf/bbq@sha256:"
                    + "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"))
        .contains("subdomain-prefix-3-overridden-by-dropin-location.com");
    assertThat(location(config, "foo.bar.docker.io:5000/omg/wtf/bbq:foo"))
        .contains("subdomain-prefix-4.com");
    assertThat(location(config, "foo.bar.example.com:5000/omg/wtf/bbq:foo"))
        .contains("subdomain-prefix-5.com");
    assertThat(config.ruleFor(ImageReference.parse("simple-prefix.comx/foo"))).isEmpty();
    assertThat(
            config.ruleFor(
                ImageReference.parse("complex-prefix.com:4000/with/path/and/beyond:tag")))
        .get()
        .extracting(RegistryRule::prefix, RegistryRule::location)
        .containsExactly(
            "complex-prefix.com:4000/with/path", Optional.of("another-registry.com:5000"));
    assertThat(config.ruleFor(ImageReference.parse("no-prefix.com/foo:tag")))
        .get()
        .extracting(RegistryRule::prefix)
        .isEqualTo("no-prefix.com");
    assertThat(config.ruleFor(ImageReference.parse("empty-prefix.com/foo:tag")))
        .get()
        .extracting(RegistryRule::prefix)
        .isEqualTo("empty-prefix.com");
  }

  /** containers/image's TestRegistriesConfDirectory. */
  @Test
  void dropInsOfContainersImageOverrideTheBaseFile() {
    Path dir = TestFiles.registriesConf("containers-image");
    RegistryConfig config =
        RegistriesConf.load(
            env(
                Map.of(
                    "CONTAINERS_REGISTRIES_CONF",
                    dir.resolve("base-for-registries.d.conf").toString())),
            dir);
    assertThat(config.rules())
        .extracting(RegistryRule::prefix)
        .containsExactlyInAnyOrder(
            "base.com",
            "1.com",
            "2.com",
            "*.not.quite.simple-prefix.com",
            "*.docker.com",
            "*.bar.example.com");
    RegistryRule base = config.ruleFor(ImageReference.parse("base.com/test:latest")).orElseThrow();
    assertThat(base.blocked()).isTrue();
    assertThat(base.insecure()).isFalse(); // replaced whole, not merged key by key
  }

  private static Optional<String> location(RegistryConfig config, String reference) {
    return config.ruleFor(ImageReference.parse(reference)).flatMap(RegistryRule::location);
  }
}
