package dev.registryclient.core.auth.credentials;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where credential providers look things up: environment variables and the home directory.
 * Injectable so tests (and embedding applications) never read the real {@code ~/.docker}.
 *
 * <pre>{@code
 * Environment env = Environment.of(Map.of("DOCKER_CONFIG", dir.toString()), tempHome);
 * }</pre>
 */
public interface Environment {

  /**
   * An environment variable, empty when unset or blank.
   *
   * @param name the variable's name
   * @return its value, or empty
   */
  Optional<String> variable(String name);

  /**
   * The user's home directory.
   *
   * @return the home directory
   */
  Path home();

  /**
   * The real process environment and {@code user.home}.
   *
   * @return the process's environment
   */
  static Environment system() {
    return new Environment() {
      @Override
      public Optional<String> variable(String name) {
        return Optional.ofNullable(System.getenv(name)).filter(v -> !v.isBlank());
      }

      @Override
      public Path home() {
        return Path.of(System.getProperty("user.home"));
      }
    };
  }

  /**
   * A fixed environment: these variables (copied) and this home.
   *
   * @param variables the variables by name
   * @param home the home directory
   * @return the environment
   */
  static Environment of(Map<String, String> variables, Path home) {
    Map<String, String> vars = Map.copyOf(variables);
    Objects.requireNonNull(home, "home");
    return new Environment() {
      @Override
      public Optional<String> variable(String name) {
        return Optional.ofNullable(vars.get(name)).filter(v -> !v.isBlank());
      }

      @Override
      public Path home() {
        return home;
      }
    };
  }
}
