package dev.registryclient.examples.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/**
 * {@code --version}: the version and commit the build wrote into {@code version.properties}. A
 * value the build could not fill in (a build from a source tree without git, or classes an IDE
 * compiled without filtering) shows as {@code unknown}.
 */
final class VersionProvider implements IVersionProvider {
  static final String RESOURCE = "version.properties";

  @Override
  public String[] getVersion() {
    Properties build = buildProperties();
    return new String[] {
      "registry-client "
          + known(build.getProperty("version"))
          + " (commit "
          + known(build.getProperty("commit"))
          + ")"
    };
  }

  private static Properties buildProperties() {
    Properties properties = new Properties();
    try (InputStream in = VersionProvider.class.getResourceAsStream(RESOURCE)) {
      if (in != null) {
        properties.load(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
    return properties;
  }

  /** A value the build filled in, or {@code unknown} for a missing or unfiltered one. */
  private static String known(String value) {
    return value == null || value.isBlank() || value.startsWith("${") ? "unknown" : value;
  }
}
