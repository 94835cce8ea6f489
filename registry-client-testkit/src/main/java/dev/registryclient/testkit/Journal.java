package dev.registryclient.testkit;

import dev.registryclient.testkit.RecordedRequest.Origin;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Every request the servers of a {@link TestRegistry} answered, in arrival order, with secrets
 * redacted (see {@link RecordedRequest}). Thread-safe; the lists returned are snapshots.
 *
 * <pre>{@code
 * assertThat(registry.journal().cdn()).noneMatch(RecordedRequest::hasAuthorization);
 * assertThat(registry.journal().token()).hasSize(1);
 * assertThat(registry.journal().matching("GET", "/v2/app/blobs/.*")).hasSize(3);
 * }</pre>
 */
public final class Journal {
  private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();

  Journal() {}

  void add(RecordedRequest request) {
    requests.add(request);
  }

  /** All recorded requests. */
  public List<RecordedRequest> all() {
    return List.copyOf(requests);
  }

  /** The requests answered by the registry's {@code /v2/} API. */
  public List<RecordedRequest> registry() {
    return filter(r -> r.origin() == Origin.REGISTRY);
  }

  /** The requests answered by the token endpoint. */
  public List<RecordedRequest> token() {
    return filter(r -> r.origin() == Origin.TOKEN);
  }

  /** The requests answered by the CDN origin. */
  public List<RecordedRequest> cdn() {
    return filter(r -> r.origin() == Origin.CDN);
  }

  /** The requests with this method whose path matches {@code pathRegex} entirely. */
  public List<RecordedRequest> matching(String method, String pathRegex) {
    Pattern pattern = Pattern.compile(pathRegex);
    return filter(r -> r.method().equals(method) && pattern.matcher(r.path()).matches());
  }

  /** The requests that satisfy {@code predicate}. */
  public List<RecordedRequest> filter(Predicate<RecordedRequest> predicate) {
    return requests.stream().filter(predicate).toList();
  }

  /** Forgets everything recorded so far, e.g. after a test's setup pushed content. */
  public void clear() {
    requests.clear();
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("Journal[");
    requests.forEach(r -> sb.append("\n  ").append(r));
    return sb.append(requests.isEmpty() ? "]" : "\n]").toString();
  }
}
