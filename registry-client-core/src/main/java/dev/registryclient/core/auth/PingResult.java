package dev.registryclient.core.auth;

import dev.registryclient.core.transport.Origin;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@code GET /v2/} told about a registry.
 *
 * @param registry the registry pinged
 * @param status 200 (open) or 401 (authentication required)
 * @param apiVersion the {@code Docker-Distribution-API-Version} header, when sent
 * @param challenges the {@code WWW-Authenticate} challenges of a 401
 */
public record PingResult(
    Origin registry, int status, Optional<String> apiVersion, List<AuthChallenge> challenges) {

  /** Validates and copies the components. */
  public PingResult {
    Objects.requireNonNull(registry, "registry");
    Objects.requireNonNull(apiVersion, "apiVersion");
    challenges = List.copyOf(challenges);
  }

  /** The challenge to answer: Bearer when offered (it scopes access), else Basic, else none. */
  public Optional<AuthChallenge> preferredChallenge() {
    return preferred(challenges);
  }

  static Optional<AuthChallenge> preferred(List<AuthChallenge> challenges) {
    return challenges.stream()
        .filter(AuthChallenge::isBearer)
        .findFirst()
        .or(() -> challenges.stream().filter(AuthChallenge::isBasic).findFirst());
  }
}
