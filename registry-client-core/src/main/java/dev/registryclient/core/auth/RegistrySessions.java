package dev.registryclient.core.auth;

import dev.registryclient.api.auth.CredentialProvider;
import dev.registryclient.api.auth.Credentials;
import dev.registryclient.core.transport.Origin;
import dev.registryclient.core.transport.Request;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * What the auth layer remembers per registry for the client's lifetime: the ping result and the
 * credentials found per repository. Both are looked up once, however many threads ask.
 */
final class RegistrySessions {
  private record CredentialsKey(String host, Optional<String> repository) {}

  private final SingleFlight<Origin, PingResult> pings = new SingleFlight<>();
  private final SingleFlight<CredentialsKey, Credentials> credentials = new SingleFlight<>();
  private final CredentialProvider provider;

  RegistrySessions(CredentialProvider provider) {
    this.provider = provider;
  }

  PingResult ping(Origin registry, Exchange exchange) throws IOException {
    try {
      return pings.get(registry, p -> true, () -> pingUnchecked(registry, exchange));
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  private static PingResult pingUnchecked(Origin registry, Exchange exchange) {
    try {
      return Ping.ping(registry, exchange);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Credentials credentials(Request request) {
    CredentialsKey key = new CredentialsKey(request.registry().hostAndPort(), request.repository());
    return credentials.get(
        key,
        c -> true,
        () -> provider.credentials(key.host(), key.repository()).orElse(Credentials.anonymous()));
  }
}
