package dev.registryclient.oci.internal;

import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * Percent-encoding of query parameter values (RFC 3986), used wherever this module adds {@code n},
 * {@code last} or {@code artifactType} to a URI.
 *
 * <p>{@link java.net.URLEncoder} is not used: it encodes a space as {@code +}, which registries
 * that decode per RFC 3986 (not HTML forms) read as a literal plus.
 */
public final class QueryStrings {

  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private QueryStrings() {}

  /** {@code value} with everything but RFC 3986 unreserved characters percent-encoded as UTF-8. */
  public static String encode(String value) {
    StringBuilder sb = new StringBuilder(value.length());
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if ((c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || c == '-'
          || c == '.'
          || c == '_'
          || c == '~') {
        sb.append((char) c);
      } else {
        sb.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
      }
    }
    return sb.toString();
  }

  /** {@code uri} with {@code name=value} appended to its query, the value percent-encoded. */
  public static URI withParam(URI uri, String name, String value) {
    String raw = uri.toString();
    int hash = raw.indexOf('#');
    String fragment = hash < 0 ? "" : raw.substring(hash);
    String base = hash < 0 ? raw : raw.substring(0, hash);
    String separator =
        uri.getRawQuery() == null ? "?" : (base.endsWith("?") || base.endsWith("&") ? "" : "&");
    return URI.create(base + separator + encode(name) + "=" + encode(value) + fragment);
  }
}
