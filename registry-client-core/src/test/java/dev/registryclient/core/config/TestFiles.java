package dev.registryclient.core.config;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/** The test files under src/test/resources/registries-conf (provenance: SOURCES.md there). */
final class TestFiles {
  private TestFiles() {}

  static Path registriesConf(String relative) {
    URL url = TestFiles.class.getResource("/registries-conf/" + relative);
    if (url == null) {
      throw new IllegalStateException("missing test resource registries-conf/" + relative);
    }
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
