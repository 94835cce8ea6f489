package dev.registryclient.api.exception;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * A configuration file cannot be used: a {@code registries.conf} or drop-in that is not valid TOML
 * or breaks a rule of {@code containers-registries.conf(5)}, a {@code daemon.json} with a bad
 * mirror URL, an OpenShift mirror set that is not valid YAML. The message names the file and, when
 * known, the line; a broken file is never skipped silently.
 *
 * <pre>{@code
 * try {
 *   RegistryConfig config = RegistriesConf.load();
 * } catch (ConfigurationException e) {
 *   // configuration: /etc/containers/registries.conf, line 7: pull-from-mirror "sometimes" ...
 *   System.err.println(e.getMessage());
 * }
 * }</pre>
 */
public class ConfigurationException extends InvalidContentException {
  private static final long serialVersionUID = 1L;

  /** The file (or other origin) that is wrong. */
  private final String file;

  /** The 1-based line where it is wrong, or 0 when not known. */
  private final int line;

  /**
   * @param file the file (or other origin) that is wrong, e.g. {@code
   *     /etc/containers/registries.conf}
   * @param line the 1-based line where it is wrong, if known
   * @param detail what is wrong
   * @param cause the parser's exception, or {@code null}
   */
  public ConfigurationException(String file, OptionalInt line, String detail, Throwable cause) {
    super(
        ErrorContext.of(Phase.CONFIGURATION),
        Objects.requireNonNull(file, "file")
            + (line.isPresent() ? ", line " + line.getAsInt() : "")
            + ": "
            + detail,
        cause);
    this.file = file;
    this.line = line.orElse(0);
  }

  /**
   * The file (or other origin) that is wrong.
   *
   * @return the file or origin, as given to the constructor
   */
  public String file() {
    return file;
  }

  /**
   * The 1-based line where it is wrong, if known.
   *
   * @return the 1-based line, or empty when not known
   */
  public OptionalInt line() {
    return line > 0 ? OptionalInt.of(line) : OptionalInt.empty();
  }
}
