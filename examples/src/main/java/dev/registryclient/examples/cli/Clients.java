package dev.registryclient.examples.cli;

import dev.registryclient.api.ImageReference;
import dev.registryclient.api.client.ClientSettings;
import dev.registryclient.api.client.RegistryClient;
import dev.registryclient.api.client.RegistryClientBuilder;

/** Builds the fluent client every command uses, from the command-line flags. */
final class Clients {
  static final String USER_AGENT = "registry-client-cli/0.1";

  private Clients() {}

  /** A client for {@code reference}'s registry with the connection flags. */
  static RegistryClient forReference(ImageReference reference, ConnectionOptions connection) {
    return forReference(reference, connection, ClientSettings.DEFAULT_PARALLELISM);
  }

  /** A client for {@code reference}'s registry with the connection flags and parallelism. */
  static RegistryClient forReference(
      ImageReference reference, ConnectionOptions connection, int parallelism) {
    return connection.applyTo(create(parallelism), reference).build();
  }

  /** A builder with this parallelism and the CLI's user agent. */
  static RegistryClientBuilder create(int parallelism) {
    return RegistryClient.builder().parallelism(parallelism).userAgent(USER_AGENT);
  }
}
