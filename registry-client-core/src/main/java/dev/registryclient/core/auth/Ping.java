package dev.registryclient.core.auth;

import dev.registryclient.api.exception.ErrorContext;
import dev.registryclient.api.exception.InvalidContentException;
import dev.registryclient.api.exception.Phase;
import dev.registryclient.core.transport.ErrorMapper;
import dev.registryclient.core.transport.Origin;
import dev.registryclient.core.transport.Request;
import dev.registryclient.core.transport.Response;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /v2/}: learns whether a registry wants authentication and how. 200 and 401 are both
 * fine answers; anything else is an error of the ping phase.
 */
public final class Ping {
  private static final Logger LOG = LoggerFactory.getLogger(Ping.class);
  private static final String API_VERSION = "Docker-Distribution-API-Version";

  private Ping() {}

  /**
   * Pings a registry.
   *
   * @param exchange sends the ping request (the rest of the chain)
   */
  public static PingResult ping(Origin registry, Exchange exchange) throws IOException {
    Request request =
        Request.builder(registry.resolve("/v2/")).phase(Phase.PING).sideRequest().build();
    Response response = exchange.send(request);
    ErrorContext context = response.request().errorContext();
    if (response.status() != 200 && response.status() != 401) {
      throw ErrorMapper.fromResponse(response);
    }
    try (response) {
      response.body().readNBytes(64 * 1024); // small bodies: read so the connection is reused
    }
    Optional<String> version = response.header(API_VERSION);
    if (version.isPresent() && !version.get().strip().equals("registry/2.0")) {
      LOG.debug("{} answers {}: {}, not registry/2.0", registry, API_VERSION, version.get());
    }
    List<String> values = response.headers().all("WWW-Authenticate");
    try {
      return new PingResult(registry, response.status(), version, ChallengeParser.parse(values));
    } catch (IllegalArgumentException e) {
      throw new InvalidContentException(context, "unreadable WWW-Authenticate header", e);
    }
  }
}
