package dev.registryclient.core.auth;

import dev.registryclient.api.auth.CredentialProvider;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * How the auth layer behaves; {@link dev.registryclient.core.TransportBuilder} fills it.
 *
 * @param credentials where credentials come from
 * @param clientId the OAuth2 {@code client_id} sent to token servers
 * @param preferOAuth2PasswordGrant whether a username and password go to the token server as an
 *     OAuth2 {@code grant_type=password} POST (falling back to GET on 404) rather than a Basic GET
 * @param clock the clock token expiry is judged by
 * @param refreshMargin how long before expiry a token is replaced
 * @param plainHttp where credentials may go over plain http
 */
public record AuthOptions(
    CredentialProvider credentials,
    String clientId,
    boolean preferOAuth2PasswordGrant,
    Clock clock,
    Duration refreshMargin,
    PlainHttpPolicy plainHttp) {

  /** Validates the components. */
  public AuthOptions {
    Objects.requireNonNull(credentials, "credentials");
    Objects.requireNonNull(clientId, "clientId");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(refreshMargin, "refreshMargin");
    Objects.requireNonNull(plainHttp, "plainHttp");
    if (clientId.isBlank()) {
      throw new IllegalArgumentException("clientId must not be blank");
    }
    if (refreshMargin.isNegative()
        || refreshMargin.compareTo(TokenResponseParser.MIN_LIFETIME) >= 0) {
      throw new IllegalArgumentException(
          "refreshMargin must be between 0 and 60 s: " + refreshMargin);
    }
  }
}
