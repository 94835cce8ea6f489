package dev.registryclient.core.transport;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;

/**
 * The origin of a URL as RFC 6454 defines it: scheme, host and port. Credentials are attached only
 * to requests whose origin equals the registry's (or the token realm's).
 *
 * <pre>{@code
 * Origin.of(URI.create("https://Registry.Example/v2/")).equals(Origin.of("https", "registry.example", 443))
 * }</pre>
 *
 * @param scheme {@code http} or {@code https}, lower case
 * @param host the host name or IP literal, lower case, without brackets
 * @param port the port, with the scheme's default filled in
 */
public record Origin(String scheme, String host, int port) {

  /**
   * Validates and normalises the components.
   *
   * @param scheme {@code http} or {@code https}, any case
   * @param host the host name or IP literal, any case, brackets allowed
   * @param port the port, 1 to 65535
   * @throws IllegalArgumentException if a component is out of range
   */
  public Origin {
    Objects.requireNonNull(scheme, "scheme");
    Objects.requireNonNull(host, "host");
    scheme = scheme.toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new IllegalArgumentException("scheme must be http or https: " + scheme);
    }
    host = host.toLowerCase(Locale.ROOT);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    if (host.isEmpty()) {
      throw new IllegalArgumentException("host must not be empty");
    }
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("port out of range: " + port);
    }
  }

  /**
   * An origin from its parts.
   *
   * @param scheme {@code http} or {@code https}, any case
   * @param host the host name or IP literal, any case, brackets allowed
   * @param port the port, 1 to 65535
   * @return the origin
   * @throws IllegalArgumentException if a component is out of range
   */
  public static Origin of(String scheme, String host, int port) {
    return new Origin(scheme, host, port);
  }

  /**
   * The origin of an absolute http(s) URI.
   *
   * @param uri an absolute http(s) URI
   * @return its origin, with the scheme's default port if it has none
   * @throws IllegalArgumentException if the URI is not absolute http(s) with a host
   */
  public static Origin of(URI uri) {
    if (uri.getScheme() == null || uri.getHost() == null) {
      throw new IllegalArgumentException("not an absolute http(s) URI: " + uri);
    }
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    int port = uri.getPort() != -1 ? uri.getPort() : defaultPort(scheme);
    return new Origin(scheme, uri.getHost(), port);
  }

  private static int defaultPort(String scheme) {
    return scheme.equals("https") ? 443 : 80;
  }

  /**
   * Whether this is plain http.
   *
   * @return whether the scheme is {@code http}
   */
  public boolean isPlainHttp() {
    return scheme.equals("http");
  }

  /**
   * Whether the host is this machine ({@code localhost}, 127.0.0.0/8, {@code ::1}).
   *
   * @return whether the host is a loopback name or address
   */
  public boolean isLoopback() {
    return host.equals("localhost")
        || host.endsWith(".localhost")
        || host.matches("127(\\.\\d{1,3}){3}")
        || host.equals("::1")
        || host.equals("0:0:0:0:0:0:0:1");
  }

  /**
   * {@code host} or {@code host:port} when the port is not the scheme's default.
   *
   * @return the host, with the port unless it is the default
   */
  public String hostAndPort() {
    String h = host.contains(":") ? "[" + host + "]" : host;
    return port == defaultPort(scheme) ? h : h + ":" + port;
  }

  /**
   * {@code host:port} always, as used in "connect to host:port" messages.
   *
   * @return the host and port
   */
  public String hostWithPort() {
    return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
  }

  /**
   * A URI for a path on this origin, e.g. {@code origin.resolve("/v2/")}.
   *
   * @param path an absolute path, such as {@code /v2/}, raw (already percent-encoded)
   * @return the URI of that path on this origin
   */
  public URI resolve(String path) {
    return URI.create(scheme + "://" + hostAndPort() + path);
  }

  @Override
  public String toString() {
    return scheme + "://" + hostAndPort();
  }
}
