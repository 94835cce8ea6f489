package dev.registryclient.oci.client;

import dev.registryclient.api.client.RegistrySettings;
import dev.registryclient.api.exception.Phase;
import dev.registryclient.api.exception.RegistryException;
import dev.registryclient.api.exception.TransportException;
import dev.registryclient.core.transport.Request;
import dev.registryclient.core.transport.Response;
import dev.registryclient.core.transport.Transport;
import java.io.IOException;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How a source that {@code registries.conf} marks {@code insecure = true} is spoken to, as
 * containers/image does: https without certificate verification, and plain http when the host does
 * not answer https at all (an internal mirror without TLS). Decided once per host and client by a
 * {@code GET /v2/} on each scheme, sent once; any HTTP answer, a 401 included, counts. When neither
 * answers, https stays, so the request that follows fails with the TLS or connection error.
 *
 * <p>Only for hosts the caller did not configure and that are not on loopback (which speak http
 * anyway): settings the caller gave are never second-guessed.
 */
final class InsecureSchemes {
  private final ClientTransports transports;
  private final Map<String, RegistrySettings> chosen = new ConcurrentHashMap<>();

  InsecureSchemes(ClientTransports transports) {
    this.transports = transports;
  }

  /**
   * The settings to reach the insecure source {@code registry} ({@code host[:port]}) at {@code
   * apiHost} with, derived from {@code configured}.
   */
  RegistrySettings settings(String registry, String apiHost, RegistrySettings configured) {
    RegistrySettings known = chosen.get(registry);
    if (known != null) {
      return known;
    }
    RegistrySettings https = configured.withInsecureTls(true);
    if (answers(registry, apiHost, https)) {
      return remember(registry, https);
    }
    RegistrySettings http = configured.withPlainHttp(true);
    if (answers(registry, apiHost, http)) {
      return remember(registry, http);
    }
    return https; // not remembered: a host that is down now is probed again next time
  }

  private RegistrySettings remember(String registry, RegistrySettings s) {
    RegistrySettings earlier = chosen.putIfAbsent(registry, s);
    return earlier != null ? earlier : s;
  }

  private boolean answers(String registry, String apiHost, RegistrySettings s) {
    try (Transport once = transports.once(apiHost, s)) {
      URI ping = Registry.of(registry, apiHost, s, once).endpoints().ping();
      try (Response response = once.execute(Request.builder(ping).phase(Phase.PING).build())) {
        return true;
      }
    } catch (IOException | TransportException e) {
      return false; // no HTTP answer on this scheme: TLS or connection failure
    } catch (RegistryException e) {
      return true; // an HTTP answer, mapped to an error
    }
  }
}
