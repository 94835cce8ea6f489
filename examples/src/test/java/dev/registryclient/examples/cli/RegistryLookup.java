package dev.registryclient.examples.cli;

import dev.registryclient.api.Digest;
import dev.registryclient.api.auth.Credentials;
import dev.registryclient.api.client.RegistryClient;

/** What a registry holds after a command wrote to it, read back through the SDK. */
final class RegistryLookup {
  private RegistryLookup() {}

  /**
   * The digest a registry answers for {@code reference}, asked anonymously.
   *
   * @param reference the image, by tag or digest
   * @return its manifest's digest
   */
  static Digest digestAt(String reference) {
    try (RegistryClient client = RegistryClient.builder().build()) {
      return client.resolve(reference).digest();
    }
  }

  /**
   * The digest a registry answers for {@code reference}, asked with an account.
   *
   * @param reference the image, by tag or digest
   * @param registry the {@code host:port} the credentials are for
   * @param credentials the account
   * @return its manifest's digest
   */
  static Digest digestAt(String reference, String registry, Credentials credentials) {
    try (RegistryClient client =
        RegistryClient.builder().credentials(registry, credentials).build()) {
      return client.resolve(reference).digest();
    }
  }
}
