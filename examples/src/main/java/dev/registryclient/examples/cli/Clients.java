package dev.registryclient.examples.cli;

import dev.registryclient.api.ImageReference;
import dev.registryclient.api.client.ClientSettings;
import dev.registryclient.api.client.RegistryClient;
import dev.registryclient.api.client.RegistryClientBuilder;

/** Builds the fluent client every command uses, from the command-line flags. */
final class Clients {
  static final String USER_AGENT = "registry-client-cli/0.1";

  private Clients() {}

  /** A client for {@code reference}'s registry with the connection and mirror flags. */
  static RegistryClient forReference(
      ImageReference reference, ConnectionOptions connection, MirrorOptions mirrors) {
    return builder(reference, connection, mirrors, ClientSettings.DEFAULT_PARALLELISM).build();
  }

  /**
   * A client builder for {@code reference}'s registry with the connection and mirror flags and
   * parallelism.
   */
  static RegistryClientBuilder builder(
      ImageReference reference,
      ConnectionOptions connection,
      MirrorOptions mirrors,
      int parallelism) {
    return mirrors.applyTo(connection.applyTo(create(parallelism), reference));
  }

  /** A builder with this parallelism and the CLI's user agent. */
  static RegistryClientBuilder create(int parallelism) {
    return RegistryClient.builder().parallelism(parallelism).userAgent(USER_AGENT);
  }
}
