package dev.registryclient.oci.testing;

import dev.registryclient.api.auth.Credentials;
import dev.registryclient.api.auth.Secret;
import dev.registryclient.core.TransportBuilder;
import dev.registryclient.core.transport.Transport;
import dev.registryclient.oci.RegistryEndpoints;
import dev.registryclient.testkit.TestRegistry;
import java.time.Duration;
import java.util.Optional;

/** Transports and endpoints for tests against a {@link TestRegistry} (plain http on loopback). */
public final class KitClients {
  private KitClients() {}

  /** An anonymous transport with short timeouts. */
  public static Transport anonymous() {
    return builder().build();
  }

  /** A transport that logs in as {@code user} (loopback allows credentials over plain http). */
  public static Transport as(String user, String password) {
    Credentials credentials = Credentials.usernamePassword(user, Secret.of(password));
    return builder().credentials((host, repository) -> Optional.of(credentials)).build();
  }

  /** The endpoints of {@code registry}. */
  public static RegistryEndpoints endpoints(TestRegistry registry) {
    return RegistryEndpoints.of(registry.url());
  }

  /** The builder behind {@link #anonymous()}: short timeouts, default retries. */
  public static TransportBuilder builder() {
    return TransportBuilder.create()
        .connectTimeout(Duration.ofSeconds(5))
        .responseTimeout(Duration.ofSeconds(10))
        .socketTimeout(Duration.ofSeconds(10));
  }
}
