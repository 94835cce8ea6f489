package dev.registryclient.examples.cli;

import dev.registryclient.api.client.RegistryClientBuilder;
import dev.registryclient.api.config.RegistryConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Where an image is read from: {@code --registries-conf FILE} or {@code --no-mirrors}; without
 * either, the mirrors podman uses (its {@code registries.conf} files). Reads only: a copy's or
 * sync's target is always written as named.
 */
final class MirrorOptions {
  @Spec(Spec.Target.MIXEE)
  CommandSpec spec;

  @Option(
      names = "--registries-conf",
      paramLabel = "FILE",
      description =
          "Mirrors and relocations from this registries.conf only (default: the files podman"
              + " reads: $CONTAINERS_REGISTRIES_CONF, ~/.config/containers/registries.conf or"
              + " /etc/containers/registries.conf, and their registries.conf.d).")
  Path file;

  @Option(
      names = "--no-mirrors",
      description = "Read every image from the registry its reference names; no registries.conf.")
  boolean none;

  private final StandardRegistriesConf standard;

  /** Options whose default is {@code standard}. */
  MirrorOptions(StandardRegistriesConf standard) {
    this.standard = Objects.requireNonNull(standard, "standard");
  }

  /**
   * {@code builder} with the registry configuration these flags choose.
   *
   * @throws ParameterException if both flags are given or the file does not exist
   * @throws dev.registryclient.api.exception.ConfigurationException if the file is not a valid
   *     registries.conf (naming file and line)
   */
  RegistryClientBuilder applyTo(RegistryClientBuilder builder) {
    if (none && file != null) {
      throw usage("give --registries-conf or --no-mirrors, not both");
    }
    if (none) {
      return builder.registryConfig(RegistryConfig.none());
    }
    if (file != null) {
      if (!Files.isRegularFile(file)) {
        throw usage("--registries-conf " + file + ": no such file");
      }
      return builder.registriesConf(file);
    }
    standard.applyTo(builder);
    return builder;
  }

  private ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }
}
