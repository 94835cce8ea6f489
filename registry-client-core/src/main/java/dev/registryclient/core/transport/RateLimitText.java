package dev.registryclient.core.transport;

import dev.registryclient.api.exception.RateLimitHeaders;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the rate-limit headers of an answer and says them in words: {@code RateLimit-Limit: 100;w=
 * 21600} and {@code RateLimit-Remaining: 0;w=21600} become {@code "0 of 100 requests left per 6
 * h"}. The {@code X-RateLimit-*} spellings some registries use count too.
 */
final class RateLimitText {
  private static final Pattern QUOTA =
      Pattern.compile("\\s*(\\d{1,18})\\s*(?:;.*?\\bw=(\\d{1,9}))?.*");
  private static final int MAX_VALUE = 80;

  private RateLimitText() {}

  /** The rate-limit headers of {@code response}, each trimmed to one short line. */
  static RateLimitHeaders headers(Response response) {
    return new RateLimitHeaders(
        header(response, "RateLimit-Limit").or(() -> header(response, "X-RateLimit-Limit")),
        header(response, "RateLimit-Remaining").or(() -> header(response, "X-RateLimit-Remaining")),
        header(response, "Docker-RateLimit-Source"));
  }

  private static Optional<String> header(Response response, String name) {
    return response
        .header(name)
        .map(v -> v.replaceAll("\\p{Cntrl}+", " ").strip())
        .filter(v -> !v.isEmpty())
        .map(v -> v.length() <= MAX_VALUE ? v : v.substring(0, MAX_VALUE) + "...");
  }

  /**
   * What the headers say, e.g. {@code "0 of 100 requests left per 6 h (source 1.2.3.4)"}; empty
   * when none was sent.
   */
  static Optional<String> describe(RateLimitHeaders h) {
    Optional<Matcher> limit = h.limit().map(QUOTA::matcher).filter(Matcher::matches);
    Optional<Matcher> remaining = h.remaining().map(QUOTA::matcher).filter(Matcher::matches);
    StringBuilder sb = new StringBuilder();
    if (remaining.isPresent() && limit.isPresent()) {
      sb.append(remaining.get().group(1)).append(" of ").append(limit.get().group(1));
      sb.append(" requests left");
    } else if (limit.isPresent()) {
      sb.append("limit ").append(limit.get().group(1)).append(" requests");
    } else if (remaining.isPresent()) {
      sb.append(remaining.get().group(1)).append(" requests left");
    } else {
      h.limit().ifPresent(l -> sb.append("limit ").append(l));
      h.remaining()
          .ifPresent(r -> sb.append(sb.isEmpty() ? "" : ", ").append("remaining ").append(r));
    }
    limit
        .or(() -> remaining)
        .map(m -> m.group(2))
        .ifPresent(w -> sb.append(" per ").append(window(Long.parseLong(w))));
    h.source()
        .ifPresent(
            s -> sb.append(sb.isEmpty() ? "" : " ").append("(source ").append(s).append(')'));
    return sb.isEmpty() ? Optional.empty() : Optional.of(sb.toString());
  }

  /** {@code "retry after 60 s"}, {@code "retry after 5 min"}. */
  static String retryAfter(Duration wait) {
    long seconds = Math.max(0, wait.toSeconds() + (wait.toNanosPart() > 0 ? 1 : 0));
    return "retry after " + (seconds < 120 ? seconds + " s" : (seconds + 59) / 60 + " min");
  }

  private static String window(long seconds) {
    if (seconds > 0 && seconds % 3600 == 0) {
      return seconds / 3600 + " h";
    }
    if (seconds > 0 && seconds % 60 == 0) {
      return seconds / 60 + " min";
    }
    return seconds + " s";
  }
}
