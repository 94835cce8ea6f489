package dev.registryclient.core.transport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.registryclient.core.testing.FakeSleeper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class RetryBudgetTest {
  private final FakeSleeper clock = new FakeSleeper();
  private final List<RetryEvent> events = new ArrayList<>();

  private RetryBudget budget(RetryPolicy.Builder policy) {
    return policy.jitter(0).build().newBudget(clock, events::add);
  }

  private static RetryBudget.Failure plain() {
    return RetryBudget.Failure.of(false);
  }

  private static RetryBudget.Failure cutAfterProgress() {
    return new RetryBudget.Failure(false, true, Optional.empty());
  }

  /** Asks for retries until the budget says no; the number of retries it granted. */
  private static int retriesGranted(RetryBudget budget, RetryBudget.Failure failure) {
    int granted = 0;
    while (granted < 1_000 && budget.nextWait(failure).isPresent()) {
      granted++;
    }
    return granted;
  }

  @Test
  void failuresInARowStopAtTheMostAttempts() {
    RetryBudget budget = budget(RetryPolicy.builder().maxAttempts(4));

    assertThat(retriesGranted(budget, plain())).isEqualTo(3);
  }

  @Test
  void anUnreachableHostGetsFewerAttempts() {
    RetryBudget budget = budget(RetryPolicy.builder().maxAttempts(5).unreachableHostAttempts(3));

    assertThat(retriesGranted(budget, RetryBudget.Failure.of(true))).isEqualTo(2);
  }

  @Test
  void noneMeansOneAttempt() {
    RetryBudget budget = RetryPolicy.none().newBudget(clock, events::add);

    assertThat(budget.nextWait(plain())).isEmpty();
    assertThat(budget.nextWait(RetryBudget.Failure.of(true))).isEmpty();
    assertThat(budget.summary()).startsWith("1 attempt in ");
  }

  @Test
  void aCutAfterNewBytesContinuesAtOnceAndStartsTheCountAfresh() {
    RetryBudget budget = budget(RetryPolicy.builder().maxAttempts(3));
    assertThat(budget.nextWait(plain())).hasValue(Duration.ofMillis(500));
    assertThat(budget.nextWait(cutAfterProgress())).hasValue(Duration.ZERO);
    assertThat(budget.nextWait(plain())).isPresent(); // second in a row since the progress
    assertThat(budget.nextWait(plain())).isEmpty(); // third in a row
  }

  @Test
  void progressNeverBuysMoreThanFourTimesTheAttemptsInAll() {
    RetryBudget budget = budget(RetryPolicy.builder().maxAttempts(5));

    assertThat(retriesGranted(budget, cutAfterProgress()))
        .isEqualTo(RetryBudget.TOTAL_FACTOR * 5 - 1);
  }

  @Test
  void aWaitThatWouldPassTheDeadlineIsNotStarted() {
    RetryBudget budget =
        budget(
            RetryPolicy.builder()
                .maxAttempts(10)
                .initialBackoff(Duration.ofSeconds(1))
                .deadline(Duration.ofSeconds(4)));
    // waits 1 s and 2 s fit in 4 s; the next (4 s) would end after it
    List<Duration> waits = new ArrayList<>();
    for (Optional<Duration> w = budget.nextWait(plain()); w.isPresent(); ) {
      waits.add(w.get());
      clock.sleep(w.get());
      w = budget.nextWait(plain());
    }
    assertThat(waits).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
  }

  @Test
  void aRetryAfterLongerThanWeHonourGivesUpAtOnceAndAShorterOneIsUsed() {
    RetryBudget budget = budget(RetryPolicy.builder().maxRetryAfter(Duration.ofSeconds(10)));

    assertThat(
            budget.nextWait(
                new RetryBudget.Failure(false, false, Optional.of(Duration.ofSeconds(3)))))
        .hasValue(Duration.ofSeconds(3));
    assertThat(
            budget.nextWait(
                new RetryBudget.Failure(false, false, Optional.of(Duration.ofSeconds(11)))))
        .isEmpty();
  }

  @Test
  void eachRetryIsNumberedReportedAndWaitedFor() throws Exception {
    RetryBudget budget = budget(RetryPolicy.builder().maxAttempts(5));
    Duration wait = budget.nextWait(plain()).orElseThrow();

    budget.retry(
        RetryEvent.Kind.RESUME, "blob x", "cdn.example:443", wait, "reset", Optional.empty());

    assertThat(budget.attempts()).isEqualTo(2);
    assertThat(clock.waits()).containsExactly(wait);
    assertThat(events)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.attempt()).isEqualTo(2);
              assertThat(e.maxAttempts()).isEqualTo(5);
              assertThat(e.kind()).isEqualTo(RetryEvent.Kind.RESUME);
            });
    assertThat(budget.summary()).isEqualTo("2 attempts in 0.5 s");
  }

  @Property(tries = 300)
  void noSequenceOfFailuresGetsPastTheLimits(
      @ForAll @IntRange(min = 1, max = 8) int maxAttempts,
      @ForAll @IntRange(min = 1, max = 8) int unreachableAttempts,
      @ForAll @Size(max = 200) List<@IntRange(min = 0, max = 2) Integer> kinds) {
    RetryBudget budget =
        RetryPolicy.builder()
            .maxAttempts(maxAttempts)
            .unreachableHostAttempts(unreachableAttempts)
            .deadline(Duration.ofDays(1))
            .build()
            .newBudget(new FakeSleeper(), RetryListener.NONE);
    int granted = 0;
    int inARow = 0;
    int unreachableInARow = 0;
    for (int kind : kinds) {
      RetryBudget.Failure failure = new RetryBudget.Failure(kind == 1, kind == 2, Optional.empty());
      inARow = kind == 2 ? 1 : inARow + 1;
      unreachableInARow = kind == 1 ? unreachableInARow + 1 : 0;
      if (budget.nextWait(failure).isEmpty()) {
        assertThat(
                inARow >= maxAttempts
                    || unreachableInARow >= Math.min(unreachableAttempts, maxAttempts)
                    || granted + 1 >= RetryBudget.TOTAL_FACTOR * maxAttempts)
            .as("gave up only at a limit")
            .isTrue();
        return;
      }
      granted++;
      assertThat(inARow).isLessThan(maxAttempts);
      assertThat(unreachableInARow).isLessThan(Math.min(unreachableAttempts, maxAttempts));
      assertThat(granted).isLessThan(RetryBudget.TOTAL_FACTOR * maxAttempts);
    }
  }
}
