package dev.registryclient.core.transport;

import dev.registryclient.api.exception.RegistryServiceException;
import dev.registryclient.api.exception.TransportException;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Sends an idempotent request again after a transient failure, as {@link RetryPolicy} says: connect
 * errors, resets and timeouts, or a retryable status (408, 429, 5xx by default). Exceptions from
 * below are final (the auth layer's ping and token requests take the whole chain themselves,
 * retries included, and draw on the same budget). Because it sits above the redirect layer, every
 * attempt starts at the registry, so a signed CDN URL is never reused.
 *
 * <p>Attempts are drawn from the request's {@link RetryBudget}, shared with every other request of
 * the same operation (a blob's {@code Range} resumes), or from a fresh one; the final error says
 * how many attempts were made and how long they took.
 *
 * <p>When the budget is spent the last failure is thrown as a typed exception ({@code
 * RateLimitedException} for 429, with the last {@code Retry-After}), the earlier ones attached as
 * suppressed. A request that is not idempotent or whose body cannot be sent twice passes through
 * untouched. Each retry is logged at INFO and reported to the {@link RetryListener}.
 */
public final class RetryInterceptor implements Interceptor {
  private final RetryPolicy policy;
  private final Sleeper sleeper;
  private final RetryListener listener;

  /**
   * Retries as {@code policy} says, waiting with {@code sleeper}, telling {@code listener}.
   *
   * @param policy when and how often to retry
   * @param sleeper waits between attempts and tells the time
   * @param listener told about every retry
   */
  public RetryInterceptor(RetryPolicy policy, Sleeper sleeper, RetryListener listener) {
    this.policy = Objects.requireNonNull(policy, "policy");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    this.listener = Objects.requireNonNull(listener, "listener");
  }

  @Override
  public boolean followsUp() {
    return true;
  }

  /** One failed attempt: what to throw if it is the last, the host and a few words why. */
  private record Failure(RuntimeException error, String host, String reason) {}

  /** A budget for an operation of one or more requests, reporting also to {@code operation}. */
  RetryBudget newBudget(RetryListener operation) {
    return new RetryBudget(
        policy,
        sleeper,
        operation == RetryListener.NONE
            ? listener
            : event -> {
              listener.onRetry(event);
              operation.onRetry(event);
            });
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    if (!request.isIdempotent() || !request.isReplayable() || request.isRetriedByCaller()) {
      return chain.proceed(request);
    }
    if (request.retryBudget().isEmpty()) {
      request = request.newBuilder().retryBudget(newBudget(RetryListener.NONE)).build();
    }
    RetryBudget budget = request.retryBudget().orElseThrow();
    List<RuntimeException> earlier = new ArrayList<>();
    while (true) {
      Failure failure;
      Optional<Duration> wait;
      try {
        Response response = chain.proceed(request);
        if (!policy.isRetryable(response.status())) {
          return response;
        }
        Optional<Duration> retryAfter = RetryAfter.of(response);
        wait = budget.nextWait(new RetryBudget.Failure(false, false, retryAfter));
        failure = failedWith(response, wait.isEmpty() ? givenUp(budget) : "");
      } catch (IOException e) {
        if (!FailureText.isTransient(e)) {
          throw withSuppressed(TransportFailure.of(request, e, budget), earlier);
        }
        wait = budget.nextWait(RetryBudget.Failure.of(FailureText.isConnectFailure(e)));
        failure = failedWith(request, e, wait.isEmpty() ? Optional.of(budget) : Optional.empty());
      } catch (RuntimeException e) {
        // final already: an auth refusal, or a side request (ping, token) that spent its own
        // retries through the whole chain
        throw withSuppressed(e, earlier);
      }
      if (wait.isEmpty()) {
        throw withSuppressed(failure.error(), earlier);
      }
      earlier.add(failure.error());
      budget.retry(
          RetryEvent.Kind.RETRY,
          RequestLabel.of(request),
          failure.host(),
          wait.get(),
          failure.reason(),
          Optional.of(failure.error()));
    }
  }

  private static String givenUp(RetryBudget budget) {
    return budget.attempts() > 1 ? "gave up after " + budget.summary() : "";
  }

  private static Failure failedWith(Response response, String note) {
    String host = response.request().origin().hostWithPort();
    RegistryServiceException error = ErrorMapper.fromResponse(response, note);
    return new Failure(error, host, "HTTP " + response.status());
  }

  private static Failure failedWith(Request request, IOException e, Optional<RetryBudget> spent) {
    Request failed = e instanceof TransportIOException t ? t.request() : request;
    TransportException error =
        spent
            .map(b -> TransportFailure.of(request, e, b))
            .orElseGet(() -> TransportFailure.of(request, e));
    return new Failure(error, failed.origin().hostWithPort(), FailureText.of(e));
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
