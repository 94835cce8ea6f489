package dev.registryclient.core.config;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/** The test files under src/test/resources/registries-conf and trust (provenance: SOURCES.md). */
final class TestFiles {
  private TestFiles() {}

  static Path registriesConf(String relative) {
    return resource("registries-conf/" + relative);
  }

  /** policy.json and registries.d files. */
  static Path trust(String relative) {
    return resource("trust/" + relative);
  }

  private static Path resource(String relative) {
    URL url = TestFiles.class.getResource("/" + relative);
    if (url == null) {
      throw new IllegalStateException("missing test resource " + relative);
    }
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
