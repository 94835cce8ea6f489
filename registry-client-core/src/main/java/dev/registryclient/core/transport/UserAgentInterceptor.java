package dev.registryclient.core.transport;

import java.io.IOException;
import java.util.Objects;

/**
 * Sets {@code User-Agent} on every request that has none, so registries can tell this client apart
 * in their logs and rate-limit reports.
 *
 * <pre>{@code
 * new UserAgentInterceptor("my-tool/2.1 registry-client/0.1.0")
 * }</pre>
 */
public final class UserAgentInterceptor implements Interceptor {
  /** The default product token. */
  public static final String DEFAULT =
      "registry-client/0.1.0 (Java " + Runtime.version().feature() + ")";

  private final String userAgent;

  /**
   * An interceptor sending this user agent.
   *
   * @param userAgent the header's value: printable ASCII, not blank
   * @throws IllegalArgumentException if {@code userAgent} is blank or not printable ASCII
   */
  public UserAgentInterceptor(String userAgent) {
    Objects.requireNonNull(userAgent, "userAgent");
    if (userAgent.isBlank() || userAgent.chars().anyMatch(c -> c < ' ' || c > '~')) {
      throw new IllegalArgumentException("invalid user agent: " + userAgent);
    }
    this.userAgent = userAgent;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    if (request.header("User-Agent").isPresent()) {
      return chain.proceed(request);
    }
    return chain.proceed(request.newBuilder().setHeader("User-Agent", userAgent).build());
  }
}
