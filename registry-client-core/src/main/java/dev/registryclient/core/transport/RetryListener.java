package dev.registryclient.core.transport;

/**
 * Observes retries, resumes and signed-URL refreshes, e.g. to show them in a progress display or
 * count them in metrics. Called on the thread doing the request, before it waits; keep it quick.
 *
 * <pre>{@code
 * TransportBuilder.create().retryListener(event -> progress.note(event.toString()));
 * }</pre>
 */
@FunctionalInterface
public interface RetryListener {
  /** A listener that ignores every event. */
  RetryListener NONE = event -> {};

  /**
   * Called once per decision to try again.
   *
   * @param event the retry, resume or URL refresh
   */
  void onRetry(RetryEvent event);
}
