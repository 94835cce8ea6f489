package dev.registryclient.core.transport;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;

/**
 * Resolves a {@code Location} header against the URL it answered, by the algorithm of RFC 3986
 * section 5.2 (including {@code remove_dot_segments}), which {@link URI#resolve} does not follow
 * exactly ({@code ?query} and {@code ../} above the root differ). Characters a URI may not contain
 * (spaces, non-ASCII, which some servers send raw) are percent-encoded first.
 *
 * <pre>{@code
 * LocationResolver.resolve(URI.create("https://r.example/v2/a/blobs/x"), "../b?sig=1")
 * // https://r.example/v2/b?sig=1
 * }</pre>
 */
public final class LocationResolver {
  private static final int MAX_LENGTH = 16 * 1024;

  private LocationResolver() {}

  /**
   * The absolute http(s) URI a redirect points to; the fragment is dropped.
   *
   * @param base the URI of the request that was redirected
   * @param location the {@code Location} header's value, absolute or relative
   * @return the absolute target
   * @throws IllegalArgumentException if the location is empty, too long, unparseable, or not
   *     http(s)
   */
  public static URI resolve(URI base, String location) {
    if (location == null || location.isBlank() || location.length() > MAX_LENGTH) {
      throw new IllegalArgumentException("unusable Location header: " + abbreviate(location));
    }
    URI ref;
    try {
      ref = new URI(encodeIllegal(location.strip()));
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("unparseable Location header: " + abbreviate(location), e);
    }
    String scheme;
    String authority;
    String path;
    String query;
    if (ref.getScheme() != null) {
      scheme = ref.getScheme();
      authority = ref.getRawAuthority();
      path = removeDotSegments(nullToEmpty(ref.getRawPath()));
      query = ref.getRawQuery();
    } else {
      scheme = base.getScheme();
      if (ref.getRawAuthority() != null) {
        authority = ref.getRawAuthority();
        path = removeDotSegments(nullToEmpty(ref.getRawPath()));
        query = ref.getRawQuery();
      } else {
        authority = base.getRawAuthority();
        String refPath = nullToEmpty(ref.getRawPath());
        if (refPath.isEmpty()) {
          path = nullToEmpty(base.getRawPath());
          query = ref.getRawQuery() != null ? ref.getRawQuery() : base.getRawQuery();
        } else {
          path = removeDotSegments(refPath.startsWith("/") ? refPath : merge(base, refPath));
          query = ref.getRawQuery();
        }
      }
    }
    if (ref.isOpaque() || authority == null || authority.isEmpty()) {
      throw new IllegalArgumentException(
          "Location is not a hierarchical URL: " + abbreviate(location));
    }
    String s = scheme.toLowerCase(Locale.ROOT);
    if (!s.equals("http") && !s.equals("https")) {
      throw new IllegalArgumentException("redirect to a non-http(s) URL: " + abbreviate(location));
    }
    String text =
        s + "://" + authority + (path.isEmpty() ? "/" : path) + (query == null ? "" : "?" + query);
    try {
      URI result = new URI(text);
      Origin.of(result); // validates host and port
      return result;
    } catch (URISyntaxException | IllegalArgumentException e) {
      throw new IllegalArgumentException("unusable Location header: " + abbreviate(location), e);
    }
  }

  private static String merge(URI base, String refPath) {
    String basePath = nullToEmpty(base.getRawPath());
    if (base.getRawAuthority() != null && basePath.isEmpty()) {
      return "/" + refPath;
    }
    return basePath.substring(0, basePath.lastIndexOf('/') + 1) + refPath;
  }

  /** RFC 3986 section 5.2.4, segment by segment. */
  static String removeDotSegments(String path) {
    Deque<String> out = new ArrayDeque<>();
    String[] segments = path.split("/", -1);
    boolean absolute = path.startsWith("/");
    for (int i = absolute ? 1 : 0; i < segments.length; i++) {
      String seg = segments[i];
      boolean last = i == segments.length - 1;
      if (seg.equals(".")) {
        if (last) {
          out.addLast("");
        }
      } else if (seg.equals("..")) {
        out.pollLast();
        if (last) {
          out.addLast("");
        }
      } else {
        out.addLast(seg);
      }
    }
    return (absolute ? "/" : "") + String.join("/", out);
  }

  private static String encodeIllegal(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if (c <= 0x20 || c >= 0x7f || "\"<>\\^`{|}".indexOf(c) >= 0) {
        sb.append('%').append(String.format(Locale.ROOT, "%02X", c));
      } else {
        sb.append((char) c);
      }
    }
    return sb.toString();
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }

  private static String abbreviate(String s) {
    if (s == null) {
      return "(none)";
    }
    return s.length() <= 200 ? s : s.substring(0, 200) + "…";
  }
}
