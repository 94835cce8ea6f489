package dev.registryclient.core.transport;

import dev.registryclient.api.exception.ErrorContext;
import java.util.Optional;

/**
 * What a registry request asked for, as the user would write it: {@code manifest
 * 127.0.0.1:5000/demo/small:nosuch}, {@code manifest ghcr.io/org/app@sha256:ab...}, {@code blob
 * ghcr.io/org/app@sha256:ab...}. Read from a distribution-spec path; other paths name nothing.
 */
final class RequestedItem {
  private RequestedItem() {}

  /**
   * The item {@code request} asked for, naming the registry as {@code context} does (the name the
   * caller used) or else as the request does.
   */
  static Optional<String> of(Request request, ErrorContext context) {
    String path = request.uri().getPath(); // decoded: a digest algorithm may hold '+'
    if (!request.isForRegistry() || path == null || !path.startsWith("/v2/")) {
      return Optional.empty();
    }
    int manifests = path.lastIndexOf("/manifests/");
    int blobs = path.lastIndexOf("/blobs/");
    int at = Math.max(manifests, blobs);
    if (at <= "/v2/".length() || path.startsWith("/blobs/uploads", at)) {
      return Optional.empty();
    }
    String kind = at == manifests ? "manifest" : "blob";
    String reference = path.substring(at + (at == manifests ? 11 : 7));
    if (reference.isEmpty() || reference.contains("/")) {
      return Optional.empty();
    }
    String registry = context.registry().orElse(request.registry().hostAndPort());
    String repository = path.substring(4, at);
    return Optional.of(
        kind
            + " "
            + registry
            + "/"
            + repository
            + (reference.contains(":") ? "@" : ":")
            + reference);
  }
}
