package dev.registryclient.core.auth;

import dev.registryclient.api.auth.Credentials;
import dev.registryclient.core.transport.Origin;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A request for a bearer token.
 *
 * @param registry the registry the token is for
 * @param realm the token server URL from the challenge
 * @param service the {@code service} from the challenge
 * @param scopes the scopes to ask for
 * @param credentials what to present to the token server
 * @param repository the repository, for error messages
 */
public record TokenRequest(
    Origin registry,
    URI realm,
    Optional<String> service,
    List<Scope> scopes,
    Credentials credentials,
    Optional<String> repository) {

  /** Validates the components. */
  public TokenRequest {
    Objects.requireNonNull(registry, "registry");
    Objects.requireNonNull(realm, "realm");
    Objects.requireNonNull(service, "service");
    scopes = Scope.merge(scopes);
    Objects.requireNonNull(credentials, "credentials");
    Objects.requireNonNull(repository, "repository");
  }

  @Override
  public String toString() {
    return "TokenRequest["
        + realm
        + " service="
        + service.orElse("")
        + " scopes="
        + scopes
        + " "
        + credentials
        + "]";
  }
}
