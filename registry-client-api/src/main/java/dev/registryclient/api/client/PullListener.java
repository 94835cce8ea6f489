package dev.registryclient.api.client;

/**
 * Receives {@link PullEvent}s while a pull runs. Called from the pull's worker threads, possibly
 * concurrently: implementations must be thread-safe and quick (hand heavy work elsewhere). An
 * exception thrown here is ignored by the pull.
 *
 * <pre>{@code
 * PullListener bar = event -> {
 *   if (event instanceof PullEvent.BlobProgress p) {
 *     progress.add(p.delta());
 *   }
 * };
 * }</pre>
 */
@FunctionalInterface
public interface PullListener {
  /** A listener that ignores everything; a pull with it creates no events at all. */
  PullListener NONE = event -> {};

  /**
   * One event; see {@link PullEvent} for the kinds.
   *
   * @param event the event, never {@code null}
   */
  void onEvent(PullEvent event);
}
