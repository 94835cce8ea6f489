package dev.registryclient.core.transport;

import dev.registryclient.api.exception.ErrorContext;
import dev.registryclient.api.exception.Phase;
import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * An immutable HTTP request to a registry, with what the layers below need to know about it: the
 * {@linkplain #registry() registry origin} it belongs to (it stays the same when a redirect moves
 * the {@link #uri()} to a CDN, so credentials never follow), the repository and the phase used in
 * error messages.
 *
 * <pre>{@code
 * Request get = Request.get(URI.create("https://registry.example/v2/app/manifests/1"))
 *     .newBuilder()
 *     .header("Accept", "application/vnd.oci.image.index.v1+json")
 *     .build();
 * }</pre>
 *
 * <p>Repository and phase default to what the {@code /v2/} path says. {@link #toString()} hides the
 * {@code Authorization} header.
 */
public final class Request {
  private final String method;
  private final URI uri;
  private final Headers headers;
  private final Optional<RequestBody> body;
  private final Origin registry;
  private final Optional<String> repository;
  private final Phase phase;
  private final Optional<RetryBudget> retryBudget;
  private final Optional<String> registryName;
  private final boolean sideRequest;
  private final boolean retriedByCaller;
  private final Optional<Cancellation> cancellation;

  private Request(Builder b) {
    this.method = b.method;
    this.uri = b.uri;
    this.headers = b.headers.build();
    this.body = Optional.ofNullable(b.body);
    this.registry = b.registry != null ? b.registry : Origin.of(b.uri);
    RegistryPath path = RegistryPath.parse(b.uri.getRawPath());
    this.repository = b.repository != null ? Optional.of(b.repository) : path.repository();
    this.phase = b.phase != null ? b.phase : path.phase();
    this.retryBudget = Optional.ofNullable(b.retryBudget);
    this.registryName = Optional.ofNullable(b.registryName);
    this.sideRequest = b.sideRequest;
    this.retriedByCaller = b.retriedByCaller;
    this.cancellation = Optional.ofNullable(b.cancellation);
  }

  /**
   * A GET request for this URI.
   *
   * @param uri an absolute http(s) URI
   * @return the request
   * @throws IllegalArgumentException if {@code uri} is not an absolute http(s) URI with a host
   */
  public static Request get(URI uri) {
    return builder(uri).build();
  }

  /**
   * A builder for a GET of this URI; change the method with {@link Builder#method}.
   *
   * @param uri an absolute http(s) URI
   * @return a new builder
   * @throws IllegalArgumentException if {@code uri} is not an absolute http(s) URI with a host
   */
  public static Builder builder(URI uri) {
    return new Builder(uri);
  }

  /**
   * A builder starting from this request.
   *
   * @return a builder with this request's fields
   */
  public Builder newBuilder() {
    return new Builder(this);
  }

  /**
   * The HTTP method, upper case.
   *
   * @return the method, such as {@code GET}
   */
  public String method() {
    return method;
  }

  /**
   * The absolute http(s) URI.
   *
   * @return the URI
   */
  public URI uri() {
    return uri;
  }

  /**
   * The header fields.
   *
   * @return the headers
   */
  public Headers headers() {
    return headers;
  }

  /**
   * The first value of a header.
   *
   * @param name the header's name, case-insensitive
   * @return its first value, or empty if the request has no such header
   */
  public Optional<String> header(String name) {
    return headers.first(name);
  }

  /**
   * The body of a PUT, POST or PATCH.
   *
   * @return the body, or empty for a request without one
   */
  public Optional<RequestBody> body() {
    return body;
  }

  /**
   * The registry this request belongs to; equals the URI's origin unless redirected.
   *
   * @return the registry's origin
   */
  public Origin registry() {
    return registry;
  }

  /**
   * The origin this request goes to now.
   *
   * @return the origin of {@link #uri()}
   */
  public Origin origin() {
    return Origin.of(uri);
  }

  /**
   * Whether this request goes to its registry's own origin (and may carry its credentials).
   *
   * @return whether {@link #origin()} is {@link #registry()}
   */
  public boolean isForRegistry() {
    return origin().equals(registry);
  }

  /**
   * The repository, e.g. {@code library/nginx}, when the request concerns one.
   *
   * @return the repository, or empty if the request concerns none
   */
  public Optional<String> repository() {
    return repository;
  }

  /**
   * The phase named in error messages.
   *
   * @return the phase
   */
  public Phase phase() {
    return phase;
  }

  /**
   * The retry allowance of the operation this request belongs to, shared with its other requests;
   * empty when the request stands alone (the retry layer then gives it a budget of its own).
   *
   * @return the shared budget, or empty
   */
  public Optional<RetryBudget> retryBudget() {
    return retryBudget;
  }

  /**
   * The registry as the caller named it (e.g. {@code docker.io} for a request to {@code
   * registry-1.docker.io}, or the registry a token request is for), when it differs from {@link
   * #registry()}.
   *
   * @return the registry's name as the caller gave it, or empty
   */
  public Optional<String> registryName() {
    return registryName;
  }

  /**
   * Whether the auth layer sent this request for itself (a ping, a token request): it goes through
   * the whole chain like any other, but is not authenticated as a registry request.
   *
   * @return whether this is a side request
   */
  public boolean isSideRequest() {
    return sideRequest;
  }

  /**
   * Whether the caller retries this request itself, so the retry layer must not send it again: an
   * upload step that appends to a session (even a {@code PUT}) is safe to repeat only from the
   * offset the registry reports.
   *
   * @return whether the caller retries this request
   */
  public boolean isRetriedByCaller() {
    return retriedByCaller;
  }

  /**
   * The cancellation of the operation this request belongs to, which the engine gives a handle to
   * abort the exchange while it is in flight.
   *
   * @return the operation's cancellation, or empty when only timeouts end the exchange
   */
  public Optional<Cancellation> cancellation() {
    return cancellation;
  }

  /**
   * Where this request stands, for exceptions: phase, the registry as the caller named it, the
   * host:port really contacted and the repository. Every exception about an HTTP exchange takes its
   * context from here.
   *
   * @return the error context of this request
   */
  public ErrorContext errorContext() {
    ErrorContext context =
        ErrorContext.of(phase)
            .withRegistry(registryName.orElse(registry.hostAndPort()))
            .withContactedHost(origin().hostWithPort());
    return repository.map(context::withRepository).orElse(context);
  }

  /**
   * Whether the method is idempotent (RFC 9110 section 9.2.2): GET, HEAD, PUT, DELETE, OPTIONS.
   *
   * @return whether the method is idempotent
   */
  public boolean isIdempotent() {
    return switch (method) {
      case "GET", "HEAD", "PUT", "DELETE", "OPTIONS", "TRACE" -> true;
      default -> false;
    };
  }

  /**
   * Whether sending this request twice is safe (the method is idempotent, the body repeatable).
   *
   * @return whether the request may be sent twice
   */
  public boolean isReplayable() {
    return body.map(RequestBody::repeatable).orElse(true);
  }

  @Override
  public String toString() {
    return "Request[" + method + " " + uri + " " + headers + "]";
  }

  /** Builds a {@link Request}. */
  public static final class Builder {
    private String method = "GET";
    private URI uri;
    private Headers.Builder headers = Headers.builder();
    private RequestBody body;
    private Origin registry;
    private String repository;
    private Phase phase;
    private RetryBudget retryBudget;
    private String registryName;
    private boolean sideRequest;
    private boolean retriedByCaller;
    private Cancellation cancellation;

    private Builder(URI uri) {
      uri(uri);
    }

    private Builder(Request r) {
      this.method = r.method;
      this.uri = r.uri;
      this.headers = r.headers.toBuilder();
      this.body = r.body.orElse(null);
      this.registry = r.registry;
      this.repository = r.repository.orElse(null);
      this.phase = r.phase;
      this.retryBudget = r.retryBudget.orElse(null);
      this.registryName = r.registryName.orElse(null);
      this.sideRequest = r.sideRequest;
      this.retriedByCaller = r.retriedByCaller;
      this.cancellation = r.cancellation.orElse(null);
    }

    /**
     * The method, e.g. {@code HEAD} or {@code PUT}.
     *
     * @param method the method's name, letters only; upper-cased
     * @return this builder
     * @throws IllegalArgumentException if {@code method} is not letters only
     */
    public Builder method(String method) {
      Objects.requireNonNull(method, "method");
      if (!method.matches("[A-Za-z]+")) {
        throw new IllegalArgumentException("invalid HTTP method: " + method);
      }
      this.method = method.toUpperCase(Locale.ROOT);
      return this;
    }

    /**
     * The target; the registry origin is kept when it was already set (a redirect).
     *
     * @param uri an absolute http(s) URI
     * @return this builder
     * @throws IllegalArgumentException if {@code uri} is not an absolute http(s) URI with a host
     */
    public Builder uri(URI uri) {
      Objects.requireNonNull(uri, "uri");
      Origin.of(uri); // validates: absolute http(s) with a host
      this.uri = uri;
      return this;
    }

    /**
     * Adds a header field.
     *
     * @param name the field's name
     * @param value the field's value
     * @return this builder
     */
    public Builder header(String name, String value) {
      headers.add(name, value);
      return this;
    }

    /**
     * Replaces every field of this name.
     *
     * @param name the field's name
     * @param value the field's new value
     * @return this builder
     */
    public Builder setHeader(String name, String value) {
      headers.set(name, value);
      return this;
    }

    /**
     * Removes every field of this name.
     *
     * @param name the field's name, case-insensitive
     * @return this builder
     */
    public Builder removeHeader(String name) {
      headers.remove(name);
      return this;
    }

    /**
     * The content to send.
     *
     * @param body the body
     * @return this builder
     */
    public Builder body(RequestBody body) {
      this.body = body;
      return this;
    }

    /**
     * The registry origin, when it differs from the URI's (set by redirects).
     *
     * @param registry the registry's origin
     * @return this builder
     */
    public Builder registry(Origin registry) {
      this.registry = Objects.requireNonNull(registry, "registry");
      return this;
    }

    /**
     * The repository named in error messages and token scopes.
     *
     * @param repository the repository, such as {@code library/nginx}
     * @return this builder
     */
    public Builder repository(String repository) {
      this.repository = Objects.requireNonNull(repository, "repository");
      return this;
    }

    /**
     * The phase named in error messages.
     *
     * @param phase the phase
     * @return this builder
     */
    public Builder phase(Phase phase) {
      this.phase = Objects.requireNonNull(phase, "phase");
      return this;
    }

    /**
     * Makes this request part of an operation whose retries, resumes and their count are shared;
     * see {@link RetryBudget}.
     *
     * @param budget the operation's shared budget
     * @return this builder
     */
    public Builder retryBudget(RetryBudget budget) {
      this.retryBudget = Objects.requireNonNull(budget, "budget");
      return this;
    }

    /**
     * The registry as the caller named it, for messages (see {@link Request#registryName()}).
     *
     * @param name the registry's name, such as {@code docker.io}
     * @return this builder
     */
    public Builder registryName(String name) {
      this.registryName = Objects.requireNonNull(name, "name");
      return this;
    }

    /**
     * Marks a request the auth layer makes for itself (a ping, a token request): it takes the whole
     * chain but is not authenticated as a registry request.
     *
     * @return this builder
     */
    public Builder sideRequest() {
      this.sideRequest = true;
      return this;
    }

    /**
     * Tells the retry layer not to send this request again: the caller retries it (see {@link
     * Request#isRetriedByCaller()}). Authentication may still send it again after a 401.
     *
     * @return this builder
     */
    public Builder retriedByCaller() {
      this.retriedByCaller = true;
      return this;
    }

    /**
     * Lets the operation this request belongs to abort it while it is in flight (see {@link
     * Cancellation}).
     *
     * @param cancellation the operation's cancellation
     * @return this builder
     */
    public Builder cancellation(Cancellation cancellation) {
      this.cancellation = Objects.requireNonNull(cancellation, "cancellation");
      return this;
    }

    /**
     * The immutable request.
     *
     * @return the request
     */
    public Request build() {
      return new Request(this);
    }
  }
}
