package dev.registryclient.benchmarks.auth;

import dev.registryclient.api.auth.Secret;
import dev.registryclient.core.auth.Token;
import dev.registryclient.core.auth.TokenCache;
import dev.registryclient.core.auth.TokenKey;
import dev.registryclient.core.transport.Origin;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The token cache hit path every authenticated request takes, in nanoseconds per lookup: building
 * the {@link TokenKey} (which merges scopes) and finding a fresh token. A miss would call the
 * supplier, which here fails the benchmark, so only hits are measured.
 *
 * <ul>
 *   <li>{@code hitWithNewKey}: a key built per request, as the auth layer does;
 *   <li>{@code hitWithSameKey}: one prebuilt key, the lookup alone;
 *   <li>{@code hitWithNewKeyTwoThreads}: the first with two threads, as parallel blob downloads do.
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(2)
public class TokenCacheBenchmark {
  private static final Origin REGISTRY = Origin.of(URI.create("https://registry.example"));
  private static final String REALM = "https://auth.example/token";
  private static final String SERVICE = "registry.example";
  private static final Supplier<Token> NO_FETCH =
      () -> {
        throw new IllegalStateException("cache miss: the benchmark measures hits only");
      };

  private TokenCache cache;
  private TokenKey key;

  @Setup
  public void setUp() {
    cache = new TokenCache(Clock.systemUTC(), Duration.ofSeconds(10));
    key = newKey();
    Token token =
        new Token(
            Secret.of("header.payload.signature"),
            Optional.empty(),
            Instant.now().plus(Duration.ofHours(1)),
            Optional.empty());
    cache.get(key, () -> token);
  }

  private static TokenKey newKey() {
    return new TokenKey(
        REGISTRY,
        REALM,
        SERVICE,
        List.of(
            dev.registryclient.core.auth.Scope.pull("library/alpine"),
            dev.registryclient.core.auth.Scope.pull("library/busybox")));
  }

  @Benchmark
  public Token hitWithNewKey() {
    return cache.get(newKey(), NO_FETCH);
  }

  @Benchmark
  public Token hitWithSameKey() {
    return cache.get(key, NO_FETCH);
  }

  @Benchmark
  @Threads(2)
  public Token hitWithNewKeyTwoThreads() {
    return cache.get(newKey(), NO_FETCH);
  }
}
