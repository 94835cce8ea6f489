package dev.registryclient.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.registryclient.api.config.RegistryConfig;
import dev.registryclient.core.auth.credentials.Environment;
import dev.registryclient.core.config.RegistriesConf;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --registries-conf FILE} and {@code --no-mirrors}: what is a usage error, what a failure.
 */
class MirrorOptionsTest {
  @TempDir Path dir;

  @Test
  void aMissingFileIsAUsageError() {
    Path missing = dir.resolve("nope.conf");

    CliRun run = CliRun.of("inspect", "127.0.0.1:1/app:1", "--registries-conf", missing.toString());

    assertThat(run.exit()).as(run.toString()).isEqualTo(2);
    assertThat(run.err()).contains("--registries-conf " + missing + ": no such file");
  }

  @Test
  void bothFlagsAreAUsageError() throws IOException {
    Path conf = Files.writeString(dir.resolve("r.conf"), "");

    CliRun run =
        CliRun.of("tags", "127.0.0.1:1/app", "--registries-conf", conf.toString(), "--no-mirrors");

    assertThat(run.exit()).as(run.toString()).isEqualTo(2);
    assertThat(run.err()).contains("not both");
  }

  @Test
  void anInvalidFileFailsNamingFileAndLineBeforeAnyRequest() throws IOException {
    Path conf =
        Files.writeString(
            dir.resolve("bad.conf"),
            "[[registry]]\nlocation = \"quay.io\"\n\n[[registry.mirror]]\n"
                + "location = \"m.local\"\npull-from-mirror = \"sometimes\"\n");

    CliRun run =
        CliRun.of(
            "pull",
            "quay.io/app:1",
            "--layout",
            dir.toString(),
            "--registries-conf",
            conf.toString());

    assertThat(run.exit()).as(run.toString()).isEqualTo(1);
    assertThat(run.err().lines())
        .singleElement()
        .asString()
        .startsWith("error: configuration failed: " + conf + ", line ")
        .contains("sometimes")
        .contains("--no-mirrors");
  }

  @Test
  void aBrokenStandardFileFailsTheCommandsThatReadImagesOnly() throws IOException {
    Path conf = Files.writeString(dir.resolve("registries.conf"), "[[registry]\n");
    // what $CONTAINERS_REGISTRIES_CONF=conf gives, with no drop-in directories
    StandardRegistriesConf standard =
        builder ->
            builder.registryConfig(
                RegistriesConf.load(
                    Environment.of(Map.of("CONTAINERS_REGISTRIES_CONF", conf.toString()), dir),
                    dir.resolve("etc")));

    CliRun tags = CliRun.with(standard, "tags", "127.0.0.1:1/app");
    CliRun ignored = CliRun.with(standard, "tags", "127.0.0.1:1/app", "--no-mirrors");

    assertThat(tags.exit()).as(tags.toString()).isEqualTo(1);
    assertThat(tags.err()).startsWith("error: configuration failed: " + conf);
    assertThat(ignored.err()).doesNotContain("configuration");
  }

  @Test
  void anEmptyFileMeansNoMirrors() throws IOException {
    Path conf = Files.writeString(dir.resolve("empty.conf"), "");

    assertThat(RegistriesConf.read(conf)).isEqualTo(RegistryConfig.none());
    CliRun run = CliRun.of("inspect", "127.0.0.1:1/app:1", "--registries-conf", conf.toString());
    assertThat(run.exit()).as(run.toString()).isEqualTo(1);
    assertThat(run.err()).contains("127.0.0.1:1").doesNotContain("configuration");
  }
}
