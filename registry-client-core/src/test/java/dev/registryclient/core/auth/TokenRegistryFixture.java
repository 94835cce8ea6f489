package dev.registryclient.core.auth;

import dev.registryclient.core.testing.StubServer;
import dev.registryclient.core.testing.StubServer.Recorded;
import dev.registryclient.core.testing.StubServer.Reply;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A registry with token auth on two loopback servers (registry and token server, different
 * origins). Tokens are {@code tok-N}; each grants the scopes asked for, cut down to what the user
 * may do ({@link #allowedActions}).
 */
final class TokenRegistryFixture implements AutoCloseable {
  final StubServer registry;
  final StubServer auth;
  final AtomicInteger issued = new AtomicInteger();
  final Map<String, Set<String>> grants = new ConcurrentHashMap<>();
  final Set<String> revoked = ConcurrentHashMap.newKeySet();
  volatile String requiredBasic; // "Basic ..." the token server insists on, or null
  volatile boolean postSupported = true;
  volatile List<String> allowedActions = List.of("pull", "push");
  volatile String extraChallengeScope = ""; // scope the registry also demands, e.g. for mounts
  volatile long tokenDelayMillis;

  TokenRegistryFixture() throws IOException {
    registry = StubServer.start();
    auth = StubServer.start();
    registry.route("/v2/", r -> challenge("", ""));
    registry.route("/v2/app/", this::registryAnswer);
    auth.route("/token", this::tokenAnswer);
  }

  String challengeHeader(String scope, String error) {
    return "Bearer realm=\""
        + auth.uri("/token")
        + "\",service=\"test-registry\""
        + (scope.isEmpty() ? "" : ",scope=\"" + scope + "\"")
        + (error.isEmpty() ? "" : ",error=\"" + error + "\"");
  }

  private Reply challenge(String scope, String error) {
    return Reply.of(
        401,
        "{\"errors\":[{\"code\":\"UNAUTHORIZED\",\"message\":\"authentication required\"}]}",
        "WWW-Authenticate",
        challengeHeader(scope, error),
        "Docker-Distribution-API-Version",
        "registry/2.0");
  }

  private Reply registryAnswer(Recorded r) {
    String needed =
        "repository:app:"
            + (r.method().equals("GET") || r.method().equals("HEAD") ? "pull" : "push");
    List<String> demanded = new ArrayList<>(List.of(needed));
    if (!extraChallengeScope.isEmpty()) {
      demanded.add(extraChallengeScope);
    }
    String token =
        r.header("Authorization")
            .filter(h -> h.startsWith("Bearer "))
            .map(h -> h.substring(7))
            .orElse(null);
    String scopeText = String.join(" ", demanded);
    if (token == null) {
      return challenge(scopeText, "");
    }
    if (!grants.containsKey(token) || revoked.contains(token)) {
      return challenge(scopeText, "invalid_token");
    }
    if (!grants.get(token).containsAll(demanded)) {
      return challenge(scopeText, "insufficient_scope");
    }
    return Reply.of(
        200, "manifest-bytes", "Content-Type", "application/vnd.oci.image.manifest.v1+json");
  }

  private Reply tokenAnswer(Recorded r) {
    if (r.method().equals("POST") && !postSupported) {
      return Reply.of(404, "not found");
    }
    Map<String, List<String>> params = params(r.method().equals("POST") ? r.body() : r.query());
    if (requiredBasic != null
        && r.method().equals("GET")
        && !requiredBasic.equals(r.header("Authorization").orElse(""))) {
      return Reply.of(401, "{\"details\":\"incorrect username or password\"}");
    }
    try {
      Thread.sleep(tokenDelayMillis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    String token = "tok-" + issued.incrementAndGet();
    Set<String> granted = ConcurrentHashMap.newKeySet();
    for (String scopeParam : params.getOrDefault("scope", List.of())) {
      for (String s : scopeParam.split(" ")) {
        Scope scope = Scope.parse(s);
        for (String action : scope.actions()) {
          if (allowedActions.contains(action)) {
            granted.add(scope.type() + ":" + scope.name() + ":" + action);
          }
        }
      }
    }
    grants.put(token, granted);
    return Reply.of(
        200,
        "{\"token\":\"" + token + "\",\"expires_in\":60,\"issued_at\":\"2020-01-01T00:00:00Z\"}");
  }

  static Map<String, List<String>> params(String query) {
    Map<String, List<String>> out = new ConcurrentHashMap<>();
    if (query == null || query.isEmpty()) {
      return out;
    }
    for (String pair : query.split("&")) {
      String[] kv = pair.split("=", 2);
      String v = kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "";
      out.computeIfAbsent(kv[0], k -> new ArrayList<>()).add(v);
    }
    return out;
  }

  List<Recorded> tokenRequests() {
    return auth.requests("/token");
  }

  static List<String> list(String... s) {
    return Arrays.asList(s);
  }

  @Override
  public void close() {
    registry.close();
    auth.close();
  }
}
