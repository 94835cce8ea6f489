package dev.registryclient.testkit.internal;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Issues bearer tokens and refresh tokens and remembers what each grants. By default tokens are
 * random strings, since clients must treat tokens as opaque anyway; with a {@link JwtSigner} they
 * are ES256 JWTs that a real distribution registry accepts, so one token endpoint can serve both
 * the in-process registry and a {@code docker-registry}.
 */
public final class TokenIssuer {

  /** What an access token grants, until when. {@code subject} is null for anonymous tokens. */
  public record IssuedToken(String subject, Map<String, Set<String>> access, Instant expiry) {

    /** Whether the token allows {@code action} on {@code resource} ({@code type:name}). */
    public boolean allows(String resource, String action) {
      Set<String> actions = access.getOrDefault(resource, Set.of());
      return actions.contains(action) || actions.contains("*");
    }
  }

  private final SecureRandom random = new SecureRandom();
  private final Map<String, IssuedToken> accessTokens = new ConcurrentHashMap<>();
  private final Map<String, String> refreshTokens = new ConcurrentHashMap<>();
  private final RegistryClock clock;
  private final Duration lifetime;
  private final JwtSigner jwt;

  /** Issues opaque tokens valid for {@code lifetime} on {@code clock}. */
  public TokenIssuer(RegistryClock clock, Duration lifetime) {
    this(clock, lifetime, null);
  }

  /** Issues tokens valid for {@code lifetime}; JWTs signed by {@code jwt} unless it is null. */
  public TokenIssuer(RegistryClock clock, Duration lifetime, JwtSigner jwt) {
    this.clock = clock;
    this.lifetime = lifetime;
    this.jwt = jwt;
  }

  /** A new access token for {@code subject} granting {@code access} (resource to actions). */
  public String issue(String subject, Map<String, Set<String>> access) {
    Instant now = clock.now();
    Instant expiry = now.plus(lifetime);
    String token =
        jwt == null ? randomToken() : jwt.sign(subject == null ? "" : subject, access, now, expiry);
    accessTokens.put(token, new IssuedToken(subject, Map.copyOf(access), expiry));
    return token;
  }

  /** A new refresh token for {@code user}; it never expires. */
  public String issueRefreshToken(String user) {
    String token = randomToken();
    refreshTokens.put(token, user);
    return token;
  }

  /** The user a refresh token belongs to. */
  public Optional<String> refreshTokenOwner(String refreshToken) {
    return Optional.ofNullable(refreshTokens.get(refreshToken));
  }

  /** The token's grant if it is known and not expired. */
  public Optional<IssuedToken> validate(String token) {
    IssuedToken issued = accessTokens.get(token);
    if (issued == null || !clock.now().isBefore(issued.expiry())) {
      return Optional.empty();
    }
    return Optional.of(issued);
  }

  /** {@code expires_in}: the lifetime in whole seconds, at least 1. */
  public long expiresInSeconds() {
    return Math.max(1, (lifetime.toMillis() + 999) / 1000);
  }

  /** Now on the registry clock, for {@code issued_at}. */
  public Instant now() {
    return clock.now();
  }

  private String randomToken() {
    byte[] bytes = new byte[24];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
