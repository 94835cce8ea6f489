package dev.registryclient.core.transport;

import dev.registryclient.api.exception.Phase;

/**
 * What a request fetches, for log lines and messages: {@code blob sha256:ab…}, {@code manifest
 * 1.0}, {@code tags app}, {@code ping}. Taken from the registry request, so a CDN hop keeps the
 * digest.
 */
public final class RequestLabel {
  private RequestLabel() {}

  /**
   * The label, e.g. {@code blob sha256:ab12...}.
   *
   * @param request the request
   * @return a short label for messages
   */
  public static String of(Request request) {
    Phase phase = request.phase();
    String path = request.uri().getRawPath();
    boolean named = phase == Phase.BLOB || phase == Phase.MANIFEST || phase == Phase.CONFIG;
    if (named && path != null && request.isForRegistry() && path.startsWith("/v2/")) {
      return phase.label() + " " + path.substring(path.lastIndexOf('/') + 1);
    }
    return request.repository().map(r -> phase.label() + " " + r).orElse(phase.label());
  }
}
