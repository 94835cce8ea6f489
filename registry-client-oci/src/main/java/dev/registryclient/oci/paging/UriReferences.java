package dev.registryclient.oci.paging;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves a URI reference against a base URI exactly as RFC 3986 section 5.2 says.
 *
 * <p>{@link URI#resolve(URI)} is not used because it predates RFC 3986 and gets several cases wrong
 * that registries produce: a query-only reference ({@code ?last=x}) drops the last path segment,
 * {@code ../} above the root is kept, and a base without a path glues the reference onto the
 * authority.
 */
final class UriReferences {

  // RFC 3986 appendix B: splits any string into scheme, authority, path, query, fragment
  private static final Pattern PARTS =
      Pattern.compile(
          "^(?:([^:/?#]+):)?(?://([^/?#]*))?([^?#]*)(?:\\?([^#]*))?(?:#(.*))?$", Pattern.DOTALL);

  private UriReferences() {}

  /**
   * The target of {@code reference} seen from {@code base}.
   *
   * @param base an absolute URI (the request URI)
   * @param reference an absolute or relative URI reference, as found in a header
   * @throws IllegalArgumentException if {@code base} is not absolute or the result is not a valid
   *     URI, quoting the offending value
   */
  static URI resolve(URI base, String reference) {
    Objects.requireNonNull(base, "base");
    Objects.requireNonNull(reference, "reference");
    if (!base.isAbsolute()) {
      throw new IllegalArgumentException("base URI is not absolute: " + base);
    }
    Parts b = Parts.of(base.toString());
    Parts r = Parts.of(reference);
    Parts t;
    if (r.scheme != null) {
      t = new Parts(r.scheme, r.authority, removeDotSegments(r.path), r.query, r.fragment);
    } else if (r.authority != null) {
      t = new Parts(b.scheme, r.authority, removeDotSegments(r.path), r.query, r.fragment);
    } else if (r.path.isEmpty()) {
      t = new Parts(b.scheme, b.authority, b.path, r.query != null ? r.query : b.query, r.fragment);
    } else if (r.path.startsWith("/")) {
      t = new Parts(b.scheme, b.authority, removeDotSegments(r.path), r.query, r.fragment);
    } else {
      t =
          new Parts(
              b.scheme, b.authority, removeDotSegments(merge(b, r.path)), r.query, r.fragment);
    }
    try {
      return new URI(t.toString());
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(
          "invalid URI reference \"" + abbreviate(reference) + "\": " + e.getReason(), e);
    }
  }

  private static String merge(Parts base, String relativePath) {
    if (base.authority != null && base.path.isEmpty()) {
      return "/" + relativePath;
    }
    int slash = base.path.lastIndexOf('/');
    return base.path.substring(0, slash + 1) + relativePath;
  }

  /** RFC 3986 section 5.2.4, written over segments rather than the spec's string buffer. */
  static String removeDotSegments(String path) {
    if (path.isEmpty()) {
      return path;
    }
    boolean absolute = path.startsWith("/");
    String[] segments = (absolute ? path.substring(1) : path).split("/", -1);
    Deque<String> out = new ArrayDeque<>();
    boolean trailingSlash = false;
    for (String segment : segments) {
      trailingSlash = false;
      if (segment.equals(".")) {
        trailingSlash = true;
      } else if (segment.equals("..")) {
        out.pollLast();
        trailingSlash = true;
      } else {
        out.addLast(segment);
      }
    }
    StringBuilder sb = new StringBuilder(absolute ? "/" : "");
    sb.append(String.join("/", out));
    if (trailingSlash && !out.isEmpty()) {
      sb.append('/');
    }
    return sb.toString();
  }

  static String abbreviate(String s) {
    return s.length() <= 200 ? s : s.substring(0, 200) + "...";
  }

  private record Parts(
      String scheme, String authority, String path, String query, String fragment) {

    static Parts of(String uri) {
      Matcher m = PARTS.matcher(uri);
      if (!m.matches()) {
        // the appendix B expression matches every string; DOTALL covers line breaks
        throw new IllegalArgumentException("unparseable URI \"" + abbreviate(uri) + "\"");
      }
      return new Parts(m.group(1), m.group(2), m.group(3), m.group(4), m.group(5));
    }

    @Override
    public String toString() {
      StringBuilder sb = new StringBuilder();
      if (scheme != null) {
        sb.append(scheme).append(':');
      }
      if (authority != null) {
        sb.append("//").append(authority);
      }
      sb.append(path);
      if (query != null) {
        sb.append('?').append(query);
      }
      if (fragment != null) {
        sb.append('#').append(fragment);
      }
      return sb.toString();
    }
  }
}
