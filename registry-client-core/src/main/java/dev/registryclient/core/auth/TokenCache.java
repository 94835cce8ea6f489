package dev.registryclient.core.auth;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Tokens of one client, keyed by {@link TokenKey}. Concurrent callers needing the same missing
 * token share one token request; a token is replaced {@code refreshMargin} before it expires and
 * when the registry calls it invalid. One instance per client: never shared, never static.
 *
 * <pre>{@code
 * Token t = cache.get(key, () -> tokenService.fetch(request, exchange));
 * }</pre>
 */
public final class TokenCache {
  private final SingleFlight<TokenKey, Token> tokens = new SingleFlight<>();
  private final Clock clock;
  private final Duration refreshMargin;

  /**
   * @param clock the clock expiry is judged by
   * @param refreshMargin how long before expiry a token is replaced
   */
  public TokenCache(Clock clock, Duration refreshMargin) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.refreshMargin = Objects.requireNonNull(refreshMargin, "refreshMargin");
  }

  /** The cached token if it is fresh, else the result of one shared {@code fetch}. */
  public Token get(TokenKey key, Supplier<Token> fetch) {
    return tokens.get(key, t -> t.isFreshAt(clock.instant(), refreshMargin), fetch);
  }

  /** Forgets {@code stale} (the registry refused it), unless another caller already replaced it. */
  public void invalidate(TokenKey key, Token stale) {
    tokens.invalidate(key, stale);
  }
}
