package dev.registryclient.it;

import dev.registryclient.testkit.distribution.DistributionRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The requests a docker-registry answered, read from its access log (combined log format): proof at
 * the request level of what a client sent a real registry, e.g. that a copy uploaded no blob bytes.
 * distribution writes the line before the response leaves (for a response without a large body), so
 * a client holding the answer finds its request logged.
 */
final class AccessLog {
  // 127.0.0.1 - - [07/Dec/2026:08:30:21 +0000] "POST /v2/a/b/blobs/uploads/ HTTP/1.1" 202 0 "" "ua"
  private static final Pattern LINE =
      Pattern.compile(
          "^\\S+ \\S+ \\S+ \\[[^\\]]+\\] \"(\\S+) (\\S+) HTTP/[0-9.]+\" (\\d{3}) \\S+ \"[^\"]*\""
              + " \"([^\"]*)\"$");

  private AccessLog() {}

  /**
   * One logged request.
   *
   * @param method the HTTP method
   * @param target the request target: path and query
   * @param status the status answered
   * @param userAgent the client's {@code User-Agent}
   */
  record Entry(String method, String target, int status, String userAgent) {

    /** Whether this request belongs to a blob upload of {@code repository} (POST/PATCH/PUT). */
    boolean isUploadTo(String repository) {
      return target.startsWith("/v2/" + repository + "/blobs/uploads/");
    }

    /** Whether this request could carry blob bytes: a PATCH or PUT of an upload session. */
    boolean sendsBlobBytes() {
      return target.contains("/blobs/uploads/") && (method.equals("PATCH") || method.equals("PUT"));
    }

    /** Whether this request changes the registry: any POST, PATCH, PUT or DELETE. */
    boolean writes() {
      return !method.equals("GET") && !method.equals("HEAD");
    }
  }

  /** Every request {@code registry} logged so far, oldest first. */
  static List<Entry> of(DistributionRegistry registry) {
    List<Entry> entries = new ArrayList<>();
    for (String line : registry.log().split("\n")) {
      Matcher m = LINE.matcher(line);
      if (m.matches()) {
        entries.add(new Entry(m.group(1), m.group(2), Integer.parseInt(m.group(3)), m.group(4)));
      }
    }
    return entries;
  }

  /** The requests {@code registry} logged after the first {@code skip}. */
  static List<Entry> since(DistributionRegistry registry, int skip) {
    List<Entry> all = of(registry);
    return all.subList(Math.min(skip, all.size()), all.size());
  }
}
