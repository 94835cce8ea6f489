package dev.registryclient.core.auth;

import dev.registryclient.core.transport.Origin;
import java.util.List;
import java.util.Objects;

/**
 * What a cached token is good for: one registry, realm and service, and a set of scopes.
 *
 * @param registry the registry the token is sent to
 * @param realm the token server URL
 * @param service the {@code service} param, empty when the challenge had none
 * @param scopes the merged scopes asked for
 */
public record TokenKey(Origin registry, String realm, String service, List<Scope> scopes) {

  /** Validates and merges the components. */
  public TokenKey {
    Objects.requireNonNull(registry, "registry");
    Objects.requireNonNull(realm, "realm");
    Objects.requireNonNull(service, "service");
    scopes = Scope.merge(scopes);
  }
}
