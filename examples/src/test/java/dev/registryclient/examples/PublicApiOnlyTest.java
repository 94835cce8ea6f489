package dev.registryclient.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The CLI and the examples use the SDK as an application would: {@code RegistryClient} and the
 * exported oci packages, never core (a second path to the registry that SDK fixes would not reach)
 * nor the oci implementation packages.
 */
class PublicApiOnlyTest {
  private static final Path MAIN_SOURCES = Path.of("src", "main", "java");
  private static final Pattern FORBIDDEN =
      Pattern.compile("\\bdev\\.registryclient\\.(core|oci\\.client|oci\\.internal)\\b");

  @Test
  void noMainSourceNamesCoreOrTheOciImplementation() throws IOException {
    List<Path> sources = javaFiles();

    assertThat(sources).as("sources under %s", MAIN_SOURCES.toAbsolutePath()).isNotEmpty();
    assertThat(sources)
        .as("main sources naming dev.registryclient.core, oci.client or oci.internal")
        .filteredOn(PublicApiOnlyTest::namesForbiddenPackage)
        .isEmpty();
  }

  @Test
  void theCheckRecognisesAnImportOfCore() {
    assertThat(FORBIDDEN.matcher("import dev.registryclient.core.transport.Transport;").find())
        .isTrue();
    assertThat(FORBIDDEN.matcher("import dev.registryclient.oci.layout.OciLayout;").find())
        .isFalse();
  }

  private static List<Path> javaFiles() throws IOException {
    try (Stream<Path> files = Files.walk(MAIN_SOURCES)) {
      return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
    }
  }

  private static boolean namesForbiddenPackage(Path source) {
    try {
      return FORBIDDEN.matcher(Files.readString(source)).find();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
