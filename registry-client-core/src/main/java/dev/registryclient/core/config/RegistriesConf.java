package dev.registryclient.core.config;

import dev.registryclient.api.config.RegistryConfig;
import dev.registryclient.core.auth.credentials.Environment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads {@code containers-registries.conf(5)}, the mirrors, relocations and blocks that podman,
 * skopeo, buildah and CRI-O use, into a {@link RegistryConfig}.
 *
 * <pre>{@code
 * RegistryConfig config = RegistriesConf.load();   // the files podman would read
 * RegistryClient client = RegistryClient.builder().registryConfig(config).build();
 *
 * RegistryConfig one = RegistriesConf.read(Path.of("mirrors.conf"));   // just this file
 * }</pre>
 *
 * <p>{@link #load()} reads the files containers/image reads, in its order: {@code
 * $CONTAINERS_REGISTRIES_CONF} if set, else {@code ~/.config/containers/registries.conf} if it
 * exists, else {@code /etc/containers/registries.conf}; then the {@code *.conf} drop-ins of {@code
 * /etc/containers/registries.conf.d} and {@code ~/.config/containers/registries.conf.d} in lexical
 * order (only the second when the file in the home directory is used). A drop-in's {@code
 * [[registry]]} replaces an earlier one with the same prefix. A missing default file is no error; a
 * file that cannot be read or breaks the format is, naming the file and line ({@link
 * dev.registryclient.api.exception.ConfigurationException}). The version 1 format ({@code
 * [registries.block]}, {@code [registries.insecure]}) is converted as containers/image converts it,
 * in the main file only. Short-name aliases, search registries and credential helpers do not
 * concern registry-client and are ignored; unknown keys are logged at debug level. Files are capped
 * at 1 MiB.
 */
public final class RegistriesConf {
  /** Where system-wide configuration lives: {@code /etc/containers}. */
  public static final Path SYSTEM_DIRECTORY = Path.of("/etc/containers");

  private static final Logger LOG = LoggerFactory.getLogger(RegistriesConf.class);

  private RegistriesConf() {}

  /**
   * The configuration podman would use on this machine, for this user.
   *
   * @return the merged configuration of the main file and its drop-ins
   */
  public static RegistryConfig load() {
    return load(Environment.system(), SYSTEM_DIRECTORY);
  }

  /**
   * The configuration for this environment (variables and home directory) with system-wide files
   * under {@code systemDirectory} instead of {@code /etc/containers}: for tests, containers and
   * chroots.
   *
   * @param environment supplies the variables ({@code CONTAINERS_REGISTRIES_CONF}) and the home
   *     directory
   * @param systemDirectory the directory to use instead of {@code /etc/containers}
   * @return the merged configuration of the main file and its drop-ins
   */
  public static RegistryConfig load(Environment environment, Path systemDirectory) {
    RegistriesConfFiles files = RegistriesConfFiles.locate(environment, systemDirectory);
    RegistryConfig config =
        files.mainRequired()
            ? read(files.main())
            : readMainIfExists(files.main()).orElse(RegistryConfig.none());
    for (Path dropIn : files.dropIns()) {
      Optional<String> text = ConfigFile.readIfExists(dropIn); // gone since the listing: skipped
      if (text.isPresent()) {
        LOG.debug("reading registries configuration drop-in {}", dropIn);
        config = config.with(RegistriesConfParser.parse(text.get(), dropIn.toString(), true));
      }
    }
    return config;
  }

  /**
   * The files {@link #load(Environment, Path)} reads, in order: the main file (if it exists or was
   * named by {@code CONTAINERS_REGISTRIES_CONF}), then the drop-ins.
   *
   * @param environment supplies the variables ({@code CONTAINERS_REGISTRIES_CONF}) and the home
   *     directory
   * @param systemDirectory the directory to use instead of {@code /etc/containers}
   * @return the files, in the order they are applied
   */
  public static List<Path> files(Environment environment, Path systemDirectory) {
    RegistriesConfFiles files = RegistriesConfFiles.locate(environment, systemDirectory);
    List<Path> all = new ArrayList<>();
    if (files.mainRequired() || Files.exists(files.main())) {
      all.add(files.main());
    }
    all.addAll(files.dropIns());
    return all;
  }

  /**
   * One file as a main {@code registries.conf}, without drop-ins.
   *
   * @param file the file to read
   * @return its configuration
   * @throws dev.registryclient.api.exception.ConfigurationException if it is missing, unreadable,
   *     over 1 MiB or invalid
   */
  public static RegistryConfig read(Path file) {
    return parse(ConfigFile.read(file), file.toString());
  }

  /**
   * A {@code registries.conf} text (from a Kubernetes ConfigMap, say) as a main file.
   *
   * @param origin what to call it in error messages
   * @param text the file's text
   * @return its configuration
   * @throws dev.registryclient.api.exception.ConfigurationException if the text is over 1 MiB or
   *     invalid
   */
  public static RegistryConfig parse(String text, String origin) {
    if (text.length() > ConfigFile.MAX_SIZE) {
      throw ConfigFile.error(origin, "larger than 1 MiB, not a configuration file");
    }
    return RegistriesConfParser.parse(text, origin, false);
  }

  private static Optional<RegistryConfig> readMainIfExists(Path file) {
    return ConfigFile.readIfExists(file)
        .map(
            text -> {
              LOG.debug("reading registries configuration {}", file);
              return RegistriesConfParser.parse(text, file.toString(), false);
            });
  }
}
