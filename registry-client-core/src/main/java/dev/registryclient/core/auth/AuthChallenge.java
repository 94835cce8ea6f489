package dev.registryclient.core.auth;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One challenge of a {@code WWW-Authenticate} header (RFC 7235), e.g. {@code Bearer
 * realm="https://auth.example/token",service="registry.example"}.
 *
 * <pre>{@code
 * AuthChallenge c = ChallengeParser.parse(header).get(0);
 * if (c.isBearer()) tokenUrl = c.realm().orElseThrow();
 * }</pre>
 *
 * @param scheme the auth scheme, lower-cased ({@code bearer}, {@code basic})
 * @param params the auth-params with lower-cased names, in header order
 * @param token68 the token68 form some schemes use instead of params
 */
public record AuthChallenge(String scheme, Map<String, String> params, Optional<String> token68) {

  /** Normalises and copies the components. */
  public AuthChallenge {
    Objects.requireNonNull(scheme, "scheme");
    Objects.requireNonNull(token68, "token68");
    if (scheme.isEmpty()) {
      throw new IllegalArgumentException("auth scheme must not be empty");
    }
    scheme = scheme.toLowerCase(Locale.ROOT);
    Map<String, String> copy = new LinkedHashMap<>();
    params.forEach(
        (k, v) -> copy.putIfAbsent(k.toLowerCase(Locale.ROOT), Objects.requireNonNull(v)));
    params = Collections.unmodifiableMap(copy);
  }

  /** A challenge with params only. */
  public static AuthChallenge of(String scheme, Map<String, String> params) {
    return new AuthChallenge(scheme, params, Optional.empty());
  }

  /** Whether this is a {@code Bearer} challenge (any case). */
  public boolean isBearer() {
    return scheme.equals("bearer");
  }

  /** Whether this is a {@code Basic} challenge (any case). */
  public boolean isBasic() {
    return scheme.equals("basic");
  }

  /** A param by name (any case). */
  public Optional<String> param(String name) {
    return Optional.ofNullable(params.get(name.toLowerCase(Locale.ROOT)));
  }

  /** The {@code realm}: the token URL for Bearer. */
  public Optional<String> realm() {
    return param("realm");
  }

  /** The {@code service} to name in token requests. */
  public Optional<String> service() {
    return param("service").filter(s -> !s.isEmpty());
  }

  /** The space-separated {@code scope} values, possibly none. */
  public List<String> scopes() {
    return param("scope")
        .map(s -> Arrays.stream(s.trim().split("\\s+")).filter(x -> !x.isEmpty()).toList())
        .orElse(List.of());
  }

  /** The {@code error} code, e.g. {@code invalid_token} or {@code insufficient_scope}. */
  public Optional<String> error() {
    return param("error");
  }

  /** Whether the challenge says {@code error="insufficient_scope"}. */
  public boolean isInsufficientScope() {
    return error().filter("insufficient_scope"::equalsIgnoreCase).isPresent();
  }

  /** The header form, with every param quoted; {@link ChallengeParser} parses it back. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(scheme);
    token68.ifPresent(t -> sb.append(' ').append(t));
    String sep = " ";
    for (Map.Entry<String, String> p : params.entrySet()) {
      sb.append(sep).append(p.getKey()).append("=\"");
      sb.append(p.getValue().replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
      sep = ", ";
    }
    return sb.toString();
  }
}
