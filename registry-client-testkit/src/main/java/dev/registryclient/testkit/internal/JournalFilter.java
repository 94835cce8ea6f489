package dev.registryclient.testkit.internal;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;
import dev.registryclient.testkit.RecordedRequest;
import dev.registryclient.testkit.RecordedRequest.Origin;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/** Records every exchange, with secrets redacted, after it was answered (or failed). */
public final class JournalFilter extends Filter {
  private static final Set<String> SCHEME_HEADERS = Set.of("authorization", "proxy-authorization");
  private static final Set<String> SECRET_HEADERS = Set.of("cookie", "set-cookie");
  private static final Pattern SECRET_PARAMS =
      Pattern.compile("(?i)(?<=(?:^|&)(?:password|token|access_token|refresh_token)=)[^&]*");

  private final Origin origin;
  private final Consumer<RecordedRequest> sink;

  /** Records exchanges answered by {@code origin} into {@code sink}. */
  public JournalFilter(Origin origin, Consumer<RecordedRequest> sink) {
    this.origin = origin;
    this.sink = sink;
  }

  @Override
  public void doFilter(HttpExchange ex, Chain chain) throws IOException {
    Instant time = Instant.now();
    AtomicBoolean recorded = new AtomicBoolean();
    RecordingExchange.Recorder record =
        (status, bodyBytes) -> {
          if (recorded.compareAndSet(false, true)) {
            sink.accept(recordOf(ex, status, bodyBytes, time));
          }
        };
    RecordingExchange recording = new RecordingExchange(ex, record);
    try {
      chain.doFilter(recording);
    } finally {
      // the handler failed before answering: the client saw a cut connection
      record.answered(-1, recording.requestBodyBytes());
    }
  }

  private RecordedRequest recordOf(HttpExchange ex, int status, long bodyBytes, Instant time) {
    String query = ex.getRequestURI().getRawQuery();
    String target =
        ex.getRequestURI().getRawPath()
            + (query == null ? "" : "?" + SECRET_PARAMS.matcher(query).replaceAll("<redacted>"));
    return new RecordedRequest(
        origin,
        ex.getRequestMethod(),
        Exchanges.hostAndPort(ex),
        target,
        redact(ex.getRequestHeaders()),
        status,
        time,
        bodyBytes);
  }

  static Map<String, List<String>> redact(Map<String, List<String>> headers) {
    Map<String, List<String>> result = new TreeMap<>();
    headers.forEach(
        (name, values) -> {
          String key = name.toLowerCase(Locale.ROOT);
          List<String> safe = values;
          if (SCHEME_HEADERS.contains(key)) {
            safe = values.stream().map(v -> v.trim().split("\\s+", 2)[0] + " <redacted>").toList();
          } else if (SECRET_HEADERS.contains(key)) {
            safe = values.stream().map(v -> "<redacted>").toList();
          }
          result.put(key, List.copyOf(safe));
        });
    return result;
  }

  @Override
  public String description() {
    return "records " + origin + " requests for the test registry journal";
  }
}
