package dev.registryclient.core.transport;

import dev.registryclient.api.exception.RateLimitedException;
import dev.registryclient.api.exception.RegistryServiceException;
import dev.registryclient.core.error.ErrorMapper;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends an idempotent request again after a transient failure, as {@link RetryPolicy} says: connect
 * errors, resets and timeouts, a retryable status (408, 429, 5xx by default), or a retryable status
 * from the ping or token request the auth layer makes on the way. Because it sits above the
 * redirect layer, every attempt starts at the registry, so a signed CDN URL is never reused.
 *
 * <p>When the budget is spent the last failure is thrown as a typed exception ({@code
 * RateLimitedException} for 429, with the last {@code Retry-After}), the earlier ones attached as
 * suppressed. A request that is not idempotent or whose body cannot be sent twice passes through
 * untouched. Each retry is logged at INFO and reported to the {@link RetryListener}.
 */
public final class RetryInterceptor implements Interceptor {
  private static final Logger LOG = LoggerFactory.getLogger(RetryInterceptor.class);

  private final RetryPolicy policy;
  private final Sleeper sleeper;
  private final RetryListener listener;

  /** Retries as {@code policy} says, waiting with {@code sleeper}, telling {@code listener}. */
  public RetryInterceptor(RetryPolicy policy, Sleeper sleeper, RetryListener listener) {
    this.policy = Objects.requireNonNull(policy, "policy");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    this.listener = Objects.requireNonNull(listener, "listener");
  }

  @Override
  public boolean followsUp() {
    return true;
  }

  /** One failed attempt: what to throw if it is the last, and what the server asked for. */
  private record Failure(
      RuntimeException error, String host, String reason, Optional<Duration> retryAfter) {}

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    if (!request.isIdempotent() || !request.isReplayable()) {
      return chain.proceed(request);
    }
    long start = sleeper.nanoTime();
    List<RuntimeException> earlier = new ArrayList<>();
    for (int attempt = 1; ; attempt++) {
      Failure failure;
      try {
        Response response = chain.proceed(request);
        if (!policy.isRetryable(response.status())) {
          return response;
        }
        failure = failedWith(response);
      } catch (IOException e) {
        if (!isTransient(e)) {
          throw withSuppressed(TransportFailure.of(request, e, attempt), earlier);
        }
        failure = failedWith(request, e, attempt);
      } catch (RegistryServiceException e) {
        if (!policy.isRetryable(e.statusCode())) {
          throw withSuppressed(e, earlier);
        }
        failure = failedWith(e);
      }
      Optional<Duration> wait = nextWait(attempt, failure, start);
      if (wait.isEmpty()) {
        throw withSuppressed(failure.error(), earlier);
      }
      earlier.add(failure.error());
      RetryEvent event =
          new RetryEvent(
              RetryEvent.Kind.RETRY,
              attempt + 1,
              policy.maxAttempts(),
              RequestLabel.of(request),
              failure.host(),
              wait.get(),
              failure.reason(),
              Optional.of(failure.error()));
      LOG.info("{}", event);
      listener.onRetry(event);
      pause(wait.get());
    }
  }

  private Optional<Duration> nextWait(int attempt, Failure failure, long startNanos) {
    if (attempt >= policy.maxAttempts()) {
      return Optional.empty();
    }
    if (failure.retryAfter().filter(d -> d.compareTo(policy.maxRetryAfter()) > 0).isPresent()) {
      return Optional.empty(); // the server asks for longer than we are willing to wait
    }
    double random = ThreadLocalRandom.current().nextDouble();
    Duration wait = policy.delayAfter(attempt, failure.retryAfter(), random);
    Duration elapsed = Duration.ofNanos(sleeper.nanoTime() - startNanos);
    return elapsed.plus(wait).compareTo(policy.deadline()) > 0
        ? Optional.empty()
        : Optional.of(wait);
  }

  private static Failure failedWith(Response response) {
    Optional<Duration> retryAfter =
        response.header("Retry-After").flatMap(v -> RetryAfter.parse(v, Instant.now()));
    String host = response.request().origin().hostWithPort();
    RegistryServiceException error =
        ErrorMapper.fromResponse(response, response.request().errorContext());
    return new Failure(error, host, "HTTP " + response.status(), retryAfter);
  }

  private static Failure failedWith(Request request, IOException e, int attempt) {
    Request failed = e instanceof TransportIOException t ? t.request() : request;
    return new Failure(
        TransportFailure.of(request, e, attempt),
        failed.origin().hostWithPort(),
        FailureText.of(e),
        Optional.empty());
  }

  private static Failure failedWith(RegistryServiceException e) {
    Optional<Duration> retryAfter =
        e instanceof RateLimitedException r ? r.retryAfter() : Optional.empty();
    String host = e.contactedHost().or(e::registry).orElse("?");
    return new Failure(e, host, e.phase().label() + " HTTP " + e.statusCode(), retryAfter);
  }

  /** Connect failures, resets and timeouts are transient; DNS and certificate problems are not. */
  private static boolean isTransient(IOException e) {
    Throwable cause = e instanceof TransportIOException && e.getCause() != null ? e.getCause() : e;
    if (cause instanceof InterruptedIOException && Thread.currentThread().isInterrupted()) {
      return false;
    }
    return !(cause instanceof UnknownHostException
        || cause instanceof SSLHandshakeException
        || cause instanceof SSLPeerUnverifiedException);
  }

  private void pause(Duration wait) throws InterruptedIOException {
    try {
      sleeper.sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      InterruptedIOException interrupted = new InterruptedIOException("interrupted while waiting");
      interrupted.initCause(e);
      throw interrupted;
    }
  }

  private static RuntimeException withSuppressed(
      RuntimeException e, List<RuntimeException> earlier) {
    for (RuntimeException previous : earlier) {
      if (previous != e) {
        e.addSuppressed(previous);
      }
    }
    return e;
  }
}
