package dev.registryclient.core.auth;

import dev.registryclient.api.auth.Secret;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A bearer token from a token server. Its {@code toString()} hides the secrets.
 *
 * @param value the token to send as {@code Authorization: Bearer}
 * @param issuedAt when the server says it issued the token ({@code issued_at}), when sent
 * @param expiresAt when to stop using it, by the local clock
 * @param refreshToken an OAuth2 refresh token the server handed out, when sent
 */
public record Token(
    Secret value, Optional<Instant> issuedAt, Instant expiresAt, Optional<Secret> refreshToken) {

  /** Validates the components. */
  public Token {
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(issuedAt, "issuedAt");
    Objects.requireNonNull(expiresAt, "expiresAt");
    Objects.requireNonNull(refreshToken, "refreshToken");
  }

  /** Whether the token is still good for at least {@code margin} at {@code now}. */
  public boolean isFreshAt(Instant now, Duration margin) {
    return now.plus(margin).isBefore(expiresAt);
  }
}
