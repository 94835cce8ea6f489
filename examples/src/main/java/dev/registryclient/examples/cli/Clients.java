package dev.registryclient.examples.cli;

import dev.registryclient.api.ImageReference;
import dev.registryclient.api.auth.CredentialProvider;
import dev.registryclient.api.client.RegistryClient;
import dev.registryclient.api.client.RegistrySettings;

/** Builds the fluent client the commands use, from the command-line flags. */
final class Clients {
  static final String USER_AGENT = "registry-client-cli/0.1";

  private Clients() {}

  /** A client for {@code reference}'s registry with the connection flags and parallelism. */
  static RegistryClient forReference(
      ImageReference reference, ConnectionOptions connection, int parallelism) {
    RegistrySettings settings = RegistrySettings.defaults().withInsecureTls(connection.insecure);
    if (connection.plainHttp) {
      settings = settings.withPlainHttp(true);
    }
    return create(connection.credentials(reference), parallelism)
        .registry(reference.registry(), settings)
        .build();
  }

  /** A builder with these credentials and parallelism and the CLI's user agent. */
  static dev.registryclient.api.client.RegistryClientBuilder create(
      CredentialProvider credentials, int parallelism) {
    return RegistryClient.builder()
        .credentials(credentials)
        .parallelism(parallelism)
        .userAgent(USER_AGENT);
  }
}
