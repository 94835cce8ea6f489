package dev.registryclient.testkit;

import dev.registryclient.testkit.RecordedRequest.Origin;
import dev.registryclient.testkit.internal.UploadHistory;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * Every request the servers of a {@link TestRegistry} answered, in arrival order, with secrets
 * redacted (see {@link RecordedRequest}). Thread-safe; the lists returned are snapshots.
 *
 * <pre>{@code
 * assertThat(registry.journal().cdn()).noneMatch(RecordedRequest::hasAuthorization);
 * assertThat(registry.journal().token()).hasSize(1);
 * assertThat(registry.journal().matching("GET", "/v2/app/manifests/")).hasSize(1);
 * assertThat(registry.journal().matching(RequestMatcher.any().onBlobs().at(Origin.CDN))).hasSize(3);
 * }</pre>
 */
public final class Journal {
  private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
  private final UploadHistory uploads;

  Journal() {
    this(new UploadHistory());
  }

  Journal(UploadHistory uploads) {
    this.uploads = uploads;
  }

  void add(RecordedRequest request) {
    requests.add(request);
  }

  /**
   * All recorded requests.
   *
   * @return an immutable snapshot of every recorded request, in arrival order
   */
  public List<RecordedRequest> all() {
    return List.copyOf(requests);
  }

  /**
   * The requests answered by the registry's {@code /v2/} API.
   *
   * @return an immutable snapshot of the registry's requests, in arrival order
   */
  public List<RecordedRequest> registry() {
    return filter(r -> r.origin() == Origin.REGISTRY);
  }

  /**
   * The requests answered by the token endpoint.
   *
   * @return an immutable snapshot of the token endpoint's requests, in arrival order
   */
  public List<RecordedRequest> token() {
    return filter(r -> r.origin() == Origin.TOKEN);
  }

  /**
   * The requests answered by the CDN origin.
   *
   * @return an immutable snapshot of the CDN origin's requests, in arrival order
   */
  public List<RecordedRequest> cdn() {
    return filter(r -> r.origin() == Origin.CDN);
  }

  /**
   * The requests answered by the lookaside signature server.
   *
   * @return an immutable snapshot of the lookaside server's requests, in arrival order
   */
  public List<RecordedRequest> lookaside() {
    return filter(r -> r.origin() == Origin.LOOKASIDE);
  }

  /**
   * The requests with this method (ignoring case) whose path contains a match of {@code pathRegex}:
   * exactly those {@code Fault.on(pathRegex).method(method)} could hit, by the rules of {@link
   * RequestMatcher}. The pattern is searched, not matched whole ({@code "/blobs/"} finds every blob
   * request, {@code "^/v2/$"} only the ping), and a CDN download is also found by the registry path
   * of its blob: with CDN redirects on, {@code matching("GET", "/v2/team/app/blobs/")} lists the
   * registry's redirects <em>and</em> the CDN downloads they led to. Narrow it with {@link
   * #matching(RequestMatcher)} and {@link RequestMatcher#at}.
   *
   * @param method the HTTP method, e.g. {@code GET}
   * @param pathRegex a {@link java.util.regex.Pattern} searched in the path
   * @return an immutable snapshot of the matching requests, in arrival order
   * @throws java.util.regex.PatternSyntaxException if {@code pathRegex} is not a valid pattern
   */
  public List<RecordedRequest> matching(String method, String pathRegex) {
    return matching(RequestMatcher.any().method(method).on(pathRegex));
  }

  /**
   * The requests {@code matcher} selects; {@code matching(fault.matcher())} lists every request the
   * fault could have hit (a body fault fires only on those that were served a body).
   *
   * <pre>{@code
   * journal.matching(RequestMatcher.any().onBlob(layer.digest()).at(Origin.CDN))
   * }</pre>
   *
   * @param matcher the rule a request must pass
   * @return an immutable snapshot of the matching requests, in arrival order
   */
  public List<RecordedRequest> matching(RequestMatcher matcher) {
    return filter(matcher::matches);
  }

  /**
   * The requests that satisfy {@code predicate}.
   *
   * @param predicate the test each recorded request must pass
   * @return an immutable snapshot of the requests that pass, in arrival order
   */
  public List<RecordedRequest> filter(Predicate<RecordedRequest> predicate) {
    return requests.stream().filter(predicate).toList();
  }

  /**
   * Forgets everything recorded so far, e.g. after a test's setup pushed content: the requests and
   * the {@link TestRegistry#uploads() uploads} that ended (open ones stay, as they may continue).
   */
  public void clear() {
    requests.clear();
    uploads.forgetEnded();
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("Journal[");
    requests.forEach(r -> sb.append("\n  ").append(r));
    return sb.append(requests.isEmpty() ? "]" : "\n]").toString();
  }
}
