package dev.registryclient.testkit;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One request a {@link TestRegistry} server answered, as the {@link Journal} recorded it.
 *
 * <p>Secrets are redacted before recording: {@code Authorization} and {@code Proxy-Authorization}
 * keep only their scheme ({@code "Bearer <redacted>"}), {@code Cookie} and {@code Set-Cookie}
 * become {@code "<redacted>"}, and query parameters named like credentials ({@code password},
 * {@code token}, {@code access_token}, {@code refresh_token}) have their values replaced. So a test
 * can assert that a credential was sent to a server without the journal ever holding it.
 *
 * @param origin which server answered: the registry, the token endpoint, the CDN or the lookaside
 * @param method the HTTP method, e.g. {@code GET}
 * @param hostAndPort the address the request reached, e.g. {@code 127.0.0.2:40123}
 * @param target the path and query as sent, e.g. {@code /v2/app/tags/list?n=10}
 * @param headers request headers, names in lower case, values redacted as described above
 * @param status the status code answered, or {@code -1} if the connection was cut before any
 * @param time when the request arrived
 * @param requestBodyBytes how many request body bytes the server read: the whole body for a request
 *     it answered (it reads what a handler left before answering, so a client sending a large body
 *     always sees the answer), what it had read when it cut the connection otherwise (see {@link
 *     Fault#cutUploadAfter})
 */
public record RecordedRequest(
    Origin origin,
    String method,
    String hostAndPort,
    String target,
    Map<String, List<String>> headers,
    int status,
    Instant time,
    long requestBodyBytes) {

  /** The server of a {@link TestRegistry} that answered a request. */
  public enum Origin {
    /** The registry's Distribution API ({@code /v2/...}). */
    REGISTRY,
    /** The token endpoint (bearer auth realm). */
    TOKEN,
    /** The CDN origin that serves redirected blob downloads. */
    CDN,
    /** The lookaside server that serves simple signing signatures. */
    LOOKASIDE
  }

  /**
   * Copies the headers so the record is immutable.
   *
   * @param origin which server answered
   * @param method the HTTP method
   * @param hostAndPort the address the request reached
   * @param target the path and query as sent
   * @param headers the request headers, names in lower case, already redacted; copied
   * @param status the status code answered, or {@code -1}
   * @param time when the request arrived
   * @param requestBodyBytes how many request body bytes the server read
   */
  public RecordedRequest {
    headers = Map.copyOf(headers);
  }

  /**
   * The path without the query.
   *
   * @return the part of {@link #target()} before any {@code ?}
   */
  public String path() {
    int q = target.indexOf('?');
    return q < 0 ? target : target.substring(0, q);
  }

  /**
   * What the request is about: its repository and blob, and for a CDN download the registry path it
   * stands for; the model {@link Fault}s and {@link Journal#matching} match on.
   *
   * @return the request's server, method, path, repository and blob
   */
  public RequestTarget requestTarget() {
    return RequestTarget.of(origin, method, target);
  }

  /**
   * The first value of header {@code name} (case-insensitive), redacted if it is a secret.
   *
   * @param name the header name, in any case
   * @return the header's first value, or empty if the request did not carry it
   */
  public Optional<String> header(String name) {
    List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  /**
   * Whether the request carried an {@code Authorization} header of any scheme.
   *
   * @return {@code true} if an {@code Authorization} header was sent
   */
  public boolean hasAuthorization() {
    return headers.containsKey("authorization");
  }

  @Override
  public String toString() {
    return origin + " " + method + " " + hostAndPort + target + " -> " + status;
  }
}
