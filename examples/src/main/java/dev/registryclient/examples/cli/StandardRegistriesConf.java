package dev.registryclient.examples.cli;

import dev.registryclient.api.client.RegistryClientBuilder;

/**
 * Where a command's mirrors come from when neither {@code --registries-conf} nor {@code
 * --no-mirrors} is given: in the tool, the files podman reads ({@link #FILES}); in tests, a file of
 * the test's own, so no test depends on this machine's {@code /etc/containers}.
 */
@FunctionalInterface
interface StandardRegistriesConf {
  /**
   * {@code $CONTAINERS_REGISTRIES_CONF}, else {@code ~/.config/containers/registries.conf} or
   * {@code /etc/containers/registries.conf}, with their drop-ins; none when there is no such file.
   */
  StandardRegistriesConf FILES = RegistryClientBuilder::defaultRegistryConfig;

  /** Gives {@code builder} the registry configuration. */
  void applyTo(RegistryClientBuilder builder);
}
