package dev.registryclient.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.registryclient.api.ImageReference;
import dev.registryclient.api.config.RegistryConfig;
import dev.registryclient.core.auth.credentials.Environment;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The files Fedora and RHEL 8 install in /etc/containers (see SOURCES.md): they load without error,
 * and their short-name alias tables (about 400 KB on RHEL) add no rule.
 */
class RealWorldRegistriesConfTest {
  @TempDir Path home;

  @ParameterizedTest
  @ValueSource(strings = {"fedora", "rhel8"})
  void theDistributionDefaultsLoadAndChangeNoSource(String distribution) {
    Path etc = TestFiles.registriesConf(distribution);
    Environment env = Environment.of(Map.of(), home);

    RegistryConfig config = RegistriesConf.load(env, etc);

    assertThat(RegistriesConf.files(env, etc)).first().isEqualTo(etc.resolve("registries.conf"));
    assertThat(RegistriesConf.files(env, etc)).hasSizeGreaterThan(1);
    assertThat(config.rules()).isEmpty();
    ImageReference ubi = ImageReference.parse("registry.access.redhat.com/ubi9/ubi:latest");
    assertThat(config.sources(ubi))
        .singleElement()
        .satisfies(s -> assertThat(s.reference()).isEqualTo(ubi));
  }
}
