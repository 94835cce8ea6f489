package dev.registryclient.core.transport.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.registryclient.core.testing.FakeSleeper;
import dev.registryclient.core.testing.StubServer;
import dev.registryclient.core.testing.StubServer.Reply;
import dev.registryclient.core.testing.TestTransports;
import dev.registryclient.core.transport.Request;
import dev.registryclient.core.transport.Response;
import dev.registryclient.core.transport.Transport;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.URI;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class ProxySettingsTest {
  private static final Properties NO_PROPERTIES = new Properties();

  private static String proxyOf(ProxySettings settings, String url) {
    Proxy proxy = settings.select(URI.create(url)).get(0);
    if (proxy.type() == Proxy.Type.DIRECT) {
      return "DIRECT";
    }
    InetSocketAddress a = (InetSocketAddress) proxy.address();
    return a.getHostString() + ":" + a.getPort();
  }

  @Test
  void environmentVariablesChooseTheProxyPerScheme() {
    ProxySettings s =
        ProxySettings.fromEnvironment(
            Map.of("https_proxy", "http://secure-proxy:3128", "HTTP_PROXY", "plain-proxy:8080"),
            NO_PROPERTIES);
    assertThat(proxyOf(s, "https://ghcr.io/v2/")).isEqualTo("secure-proxy:3128");
    assertThat(proxyOf(s, "http://mirror.lab/v2/")).isEqualTo("plain-proxy:8080");
  }

  @Test
  void noProxyMatchesHostsSubdomainsSuffixesPortsAndEverything() {
    ProxySettings s =
        ProxySettings.fromEnvironment(
            Map.of(
                "https_proxy", "proxy:3128",
                "no_proxy", "example.com, .internal,registry.lab:5000"),
            NO_PROPERTIES);
    assertThat(proxyOf(s, "https://example.com/")).isEqualTo("DIRECT");
    assertThat(proxyOf(s, "https://cdn.example.com/")).isEqualTo("DIRECT");
    assertThat(proxyOf(s, "https://notexample.com/")).isEqualTo("proxy:3128");
    assertThat(proxyOf(s, "https://a.internal/")).isEqualTo("DIRECT");
    assertThat(proxyOf(s, "https://registry.lab:5000/")).isEqualTo("DIRECT");
    assertThat(proxyOf(s, "https://registry.lab/")).isEqualTo("proxy:3128");
    ProxySettings all =
        ProxySettings.fromEnvironment(Map.of("https_proxy", "p:1", "NO_PROXY", "*"), NO_PROPERTIES);
    assertThat(proxyOf(all, "https://ghcr.io/")).isEqualTo("DIRECT");
  }

  @Test
  void loopbackHostsNeverGoThroughAProxy() {
    ProxySettings s =
        ProxySettings.fromEnvironment(Map.of("http_proxy", "proxy:3128"), NO_PROPERTIES);
    assertThat(proxyOf(s, "http://127.0.0.1:5000/v2/")).isEqualTo("DIRECT");
    assertThat(proxyOf(s, "http://localhost:5000/v2/")).isEqualTo("DIRECT");
  }

  @Test
  void javaSystemPropertiesWinOverTheEnvironment() {
    Properties p = new Properties();
    p.setProperty("https.proxyHost", "jvm-proxy");
    p.setProperty("https.proxyPort", "3129");
    p.setProperty("http.nonProxyHosts", "*.corp|registry.lab");
    ProxySettings s = ProxySettings.fromEnvironment(Map.of("https_proxy", "env-proxy:1"), p);
    assertThat(proxyOf(s, "https://ghcr.io/")).isEqualTo("jvm-proxy:3129");
    assertThat(proxyOf(s, "https://git.corp/")).isEqualTo("DIRECT");
    assertThat(proxyOf(s, "https://registry.lab/")).isEqualTo("DIRECT");
  }

  @Test
  void anUnusableProxySettingIsNamed() {
    assertThatThrownBy(
            () -> ProxySettings.fromEnvironment(Map.of("https_proxy", "http://"), NO_PROPERTIES))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("https_proxy");
  }

  @Test
  void requestsToAProxiedHostGoThroughTheProxy() throws Exception {
    try (StubServer proxy = StubServer.start()) {
      proxy.route("/", r -> Reply.of(200, "{}"));
      ProxySettings settings =
          ProxySettings.fromEnvironment(
              Map.of("http_proxy", "127.0.0.1:" + proxy.base().getPort()), NO_PROPERTIES);
      try (Transport transport = TestTransports.quick(new FakeSleeper()).proxies(settings).build();
          Response r =
              transport.execute(Request.get(URI.create("http://registry.invalid:5000/v2/")))) {
        assertThat(r.status()).isEqualTo(200);
      }
      assertThat(proxy.journal())
          .isNotEmpty()
          .allMatch(r -> r.header("Host").orElse("").equals("registry.invalid:5000"));
    }
  }
}
