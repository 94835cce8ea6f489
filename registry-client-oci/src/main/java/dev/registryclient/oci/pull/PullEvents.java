package dev.registryclient.oci.pull;

import dev.registryclient.api.client.PullEvent;
import dev.registryclient.api.client.PullListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands events to the user's listener. {@link #enabled()} lets the hot path skip creating events
 * when nobody listens; a listener that throws does not break the pull.
 */
final class PullEvents {
  private static final Logger LOG = LoggerFactory.getLogger(PullEvents.class);

  private final PullListener listener;

  PullEvents(PullListener listener) {
    this.listener = listener;
  }

  /** Whether anyone listens; when not, callers create no event objects. */
  boolean enabled() {
    return listener != PullListener.NONE;
  }

  void emit(PullEvent event) {
    if (!enabled()) {
      return;
    }
    try {
      listener.onEvent(event);
    } catch (RuntimeException e) {
      // documented: a listener's failure is not the pull's failure
      LOG.warn("pull listener failed on {}: {}", event.getClass().getSimpleName(), e.toString());
    }
  }
}
