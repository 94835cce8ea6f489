package dev.registryclient.api.client;

/**
 * Receives {@link CopyEvent}s while a copy, push or sync runs. Called from worker threads, possibly
 * concurrently: implementations must be thread-safe and quick. An exception thrown here is ignored.
 *
 * <pre>{@code
 * CopyListener log = event -> {
 *   if (event instanceof CopyEvent.BlobDone d) {
 *     System.err.println(d.digest() + " " + d.outcome());
 *   }
 * };
 * }</pre>
 */
@FunctionalInterface
public interface CopyListener {
  /** A listener that ignores everything. */
  CopyListener NONE = event -> {};

  /**
   * One event; see {@link CopyEvent} for the kinds.
   *
   * @param event the event, never {@code null}
   */
  void onEvent(CopyEvent event);
}
