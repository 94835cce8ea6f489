package dev.registryclient.core.transport.proxy;

import dev.registryclient.core.transport.Origin;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;

/**
 * Chooses the HTTP proxy for each URL the way container tools and the JVM do. The Java system
 * properties {@code https.proxyHost}/{@code https.proxyPort}, {@code http.proxyHost}/{@code
 * http.proxyPort} and {@code http.nonProxyHosts} win when set; otherwise the environment variables
 * {@code https_proxy}, {@code http_proxy} and {@code no_proxy} (either case) apply. Loopback hosts
 * never go through a proxy.
 *
 * <pre>{@code
 * ProxySelector proxies = ProxySettings.fromEnvironment(System.getenv(), System.getProperties());
 * TransportBuilder.create().proxies(proxies);
 * }</pre>
 *
 * <p>{@code no_proxy} entries: {@code *} (everything), a host ({@code example.com} also matches its
 * subdomains, as does {@code .example.com}), or {@code host:port}. Proxy credentials in a proxy URL
 * ({@code http://user:pass@proxy:3128}) are not supported and are ignored.
 */
public final class ProxySettings extends ProxySelector {
  private final Optional<Proxy> https;
  private final Optional<Proxy> http;
  private final NoProxy noProxy;

  private ProxySettings(Optional<Proxy> https, Optional<Proxy> http, NoProxy noProxy) {
    this.https = https;
    this.http = http;
    this.noProxy = noProxy;
  }

  /**
   * No proxy for anything.
   *
   * @return a selector that always goes direct
   */
  public static ProxySettings none() {
    return new ProxySettings(Optional.empty(), Optional.empty(), NoProxy.parse("", ","));
  }

  /**
   * The proxies from Java system properties if any is set, else from environment variables.
   *
   * @param env the environment variables, such as {@link System#getenv()}
   * @param properties the system properties, such as {@link System#getProperties()}
   * @return the proxy selector
   * @throws IllegalArgumentException if a proxy setting is not a usable host:port, naming it
   */
  public static ProxySettings fromEnvironment(Map<String, String> env, Properties properties) {
    Objects.requireNonNull(env, "env");
    Objects.requireNonNull(properties, "properties");
    if (properties.getProperty("https.proxyHost") != null
        || properties.getProperty("http.proxyHost") != null) {
      return new ProxySettings(
          property(properties, "https", 443),
          property(properties, "http", 80),
          NoProxy.parse(properties.getProperty("http.nonProxyHosts", ""), "|"));
    }
    return new ProxySettings(
        variable(env, "https_proxy"),
        variable(env, "http_proxy"),
        NoProxy.parse(Optional.ofNullable(value(env, "no_proxy")).orElse(""), ","));
  }

  @Override
  public List<Proxy> select(URI uri) {
    Objects.requireNonNull(uri, "uri");
    if (uri.getHost() == null || uri.getScheme() == null) {
      return List.of(Proxy.NO_PROXY);
    }
    Origin origin;
    try {
      origin = Origin.of(uri);
    } catch (IllegalArgumentException e) {
      return List.of(Proxy.NO_PROXY);
    }
    if (origin.isLoopback() || noProxy.matches(origin)) {
      return List.of(Proxy.NO_PROXY);
    }
    Optional<Proxy> proxy = origin.scheme().equals("https") ? https : http;
    return List.of(proxy.orElse(Proxy.NO_PROXY));
  }

  @Override
  public void connectFailed(URI uri, SocketAddress address, IOException failure) {
    // nothing to remember: the transport reports the failure with the proxy's address
  }

  private static Optional<Proxy> property(Properties p, String scheme, int defaultPort) {
    String host = p.getProperty(scheme + ".proxyHost");
    if (host == null || host.isBlank()) {
      return Optional.empty();
    }
    String port = p.getProperty(scheme + ".proxyPort", Integer.toString(defaultPort));
    try {
      return Optional.of(proxy(host.strip(), Integer.parseInt(port.strip())));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(scheme + ".proxyPort is not a port: " + port, e);
    }
  }

  private static Optional<Proxy> variable(Map<String, String> env, String name) {
    String value = value(env, name);
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    String text = value.strip();
    URI uri;
    try {
      uri = URI.create(text.contains("://") ? text : "http://" + text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(name + " is not a proxy URL: " + value, e);
    }
    if (uri.getHost() == null) {
      throw new IllegalArgumentException(name + " is not a proxy URL: " + value);
    }
    int port = uri.getPort() != -1 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
    return Optional.of(proxy(uri.getHost(), port));
  }

  private static String value(Map<String, String> env, String lowerName) {
    String v = env.get(lowerName);
    return v != null ? v : env.get(lowerName.toUpperCase(Locale.ROOT));
  }

  private static Proxy proxy(String host, int port) {
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("proxy port out of range: " + host + ":" + port);
    }
    return new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved(host, port));
  }

  @Override
  public String toString() {
    return "ProxySettings[https=" + https + ", http=" + http + ", no_proxy=" + noProxy + "]";
  }
}
