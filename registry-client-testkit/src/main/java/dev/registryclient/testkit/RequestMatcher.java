package dev.registryclient.testkit;

import dev.registryclient.api.Digest;
import dev.registryclient.testkit.RecordedRequest.Origin;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which requests a {@link Fault} applies to, and which a {@link Journal#matching(RequestMatcher)
 * journal query} selects: the one rule both use, so a query with the same arguments as a fault
 * finds exactly the requests the fault may hit. Immutable; each method returns a narrowed copy, and
 * a request must pass every condition set.
 *
 * <ul>
 *   <li>{@link #on(String) on(pathRegex)}: the pattern is <em>searched</em> ({@link
 *       java.util.regex.Matcher#find()}) in the request's path without its query and, for a CDN
 *       download, also in the registry path of the blob it serves ({@code
 *       /v2/<repository>/blobs/<digest>}, see {@link RequestTarget}). Anchor it with {@code ^} and
 *       {@code $} to match whole paths only.
 *   <li>{@link #method(String)}: the HTTP method, ignoring case.
 *   <li>{@link #at(Origin)}: the server that answered (registry, token endpoint or CDN).
 *   <li>{@link #onBlobs()} and {@link #onBlob(Digest)}: requests for a blob (by digest), whether
 *       the registry answers them ({@code /v2/<repository>/blobs/<digest>}, any method) or the CDN
 *       does.
 * </ul>
 *
 * <pre>{@code
 * // every blob GET the registry itself answered (with CDN redirects on: the 302s)
 * journal.matching(RequestMatcher.any().method("GET").onBlobs().at(Origin.REGISTRY));
 * // what this fault's rule selects, from any server
 * journal.matching(fault.matcher());
 * }</pre>
 */
public final class RequestMatcher {
  private static final RequestMatcher ANY = new RequestMatcher(null, null, null, false, null);

  private final Pattern path;
  private final String method;
  private final Origin origin;
  private final boolean blobsOnly;
  private final Digest blob;

  private RequestMatcher(
      Pattern path, String method, Origin origin, boolean blobsOnly, Digest blob) {
    this.path = path;
    this.method = method;
    this.origin = origin;
    this.blobsOnly = blobsOnly;
    this.blob = blob;
  }

  /**
   * Every request.
   *
   * @return the matcher without conditions
   */
  public static RequestMatcher any() {
    return ANY;
  }

  /**
   * Only requests whose path, or (for a CDN download) the registry path of the same blob, contains
   * a match of {@code pathRegex}. Replaces an earlier path pattern.
   *
   * @param pathRegex a {@link Pattern} searched in the path; not null
   * @return a copy of this matcher with the path condition
   * @throws java.util.regex.PatternSyntaxException if {@code pathRegex} is not a regex
   */
  public RequestMatcher on(String pathRegex) {
    Pattern compiled = Pattern.compile(Objects.requireNonNull(pathRegex, "pathRegex"));
    return new RequestMatcher(compiled, method, origin, blobsOnly, blob);
  }

  /**
   * Only requests with this HTTP method (ignoring case).
   *
   * @param httpMethod the method, e.g. {@code GET}; not null
   * @return a copy of this matcher with the method condition
   */
  public RequestMatcher method(String httpMethod) {
    return new RequestMatcher(
        path, Objects.requireNonNull(httpMethod, "httpMethod"), origin, blobsOnly, blob);
  }

  /**
   * Only requests answered by this server.
   *
   * @param server the server that must have answered; not null
   * @return a copy of this matcher with the server condition
   */
  public RequestMatcher at(Origin server) {
    return new RequestMatcher(
        path, method, Objects.requireNonNull(server, "server"), blobsOnly, blob);
  }

  /**
   * Only requests for a blob, answered by the registry or by the CDN.
   *
   * @return a copy of this matcher that also requires a blob request
   */
  public RequestMatcher onBlobs() {
    return new RequestMatcher(path, method, origin, true, blob);
  }

  /**
   * Only requests for the blob {@code digest}, answered by the registry or by the CDN.
   *
   * @param digest the blob's digest; not null
   * @return a copy of this matcher that also requires a request for this blob
   */
  public RequestMatcher onBlob(Digest digest) {
    return new RequestMatcher(path, method, origin, true, Objects.requireNonNull(digest, "digest"));
  }

  /**
   * Whether {@code request} passes every condition.
   *
   * @param request the request's server, method, path and what it names
   * @return {@code true} if every condition holds
   */
  public boolean matches(RequestTarget request) {
    return (origin == null || origin == request.origin())
        && (method == null || method.equalsIgnoreCase(request.method()))
        && (!blobsOnly || request.blob().isPresent())
        && (blob == null || request.blob().filter(blob::equals).isPresent())
        && (path == null || pathMatches(request));
  }

  /**
   * Whether the request {@code recorded} passes every condition.
   *
   * @param recorded a request from the journal
   * @return {@code true} if every condition holds for its {@link RecordedRequest#requestTarget()}
   */
  public boolean matches(RecordedRequest recorded) {
    return matches(recorded.requestTarget());
  }

  private boolean pathMatches(RequestTarget request) {
    if (path.matcher(request.path()).find()) {
      return true;
    }
    Optional<String> registryPath = request.registryPath().filter(p -> !p.equals(request.path()));
    return registryPath.isPresent() && path.matcher(registryPath.get()).find();
  }

  /** The conditions in words, e.g. {@code GET, blob sha256:ab.., path ~ /blobs/}. */
  @Override
  public String toString() {
    List<String> parts = new ArrayList<>();
    if (method != null) {
      parts.add(method);
    }
    if (origin != null) {
      parts.add("at " + origin);
    }
    if (blob != null) {
      parts.add("blob " + blob);
    } else if (blobsOnly) {
      parts.add("any blob");
    }
    if (path != null) {
      parts.add("path ~ " + path);
    }
    return parts.isEmpty() ? "any request" : String.join(", ", parts);
  }
}
