package dev.registryclient.oci.client;

import dev.registryclient.core.transport.RetryEvent;
import dev.registryclient.core.transport.RetryListener;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Connects the transport's retries to the pull that caused them. The transport reports retries to
 * one listener per client, on the thread that sends the request; a blob request records them here
 * for its own thread only, so concurrent pulls never see each other's retries.
 */
final class RetryCapture {
  private static final ThreadLocal<List<String>> CURRENT = new ThreadLocal<>();

  /** The listener every transport of the client reports to. */
  static final RetryListener LISTENER =
      event -> {
        List<String> sink = CURRENT.get();
        if (sink != null) {
          sink.add(describe(event));
        }
      };

  private RetryCapture() {}

  /** Runs {@code call}, collecting into {@code reasons} the retries it caused on this thread. */
  static <T> T capturing(List<String> reasons, Supplier<T> call) {
    List<String> outer = CURRENT.get();
    CURRENT.set(reasons);
    try {
      return call.get();
    } finally {
      CURRENT.set(outer);
    }
  }

  /** A fresh list to capture into. */
  static List<String> newSink() {
    return new ArrayList<>();
  }

  private static String describe(RetryEvent event) {
    return event.reason() + " from " + event.host();
  }
}
