package dev.registryclient.testkit;

import dev.registryclient.testkit.RecordedRequest.Origin;
import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A misbehaviour a {@link TestRegistry} injects into matching requests, a limited number of times.
 * Faults are immutable; {@link #on}, {@link #method}, {@link #at}, {@link #times} and {@link
 * #always} return changed copies. The first configured fault that matches a request and has uses
 * left is applied and uses one up.
 *
 * <pre>{@code
 * TestRegistry.builder()
 *     .faults(
 *         Fault.status(503).on("/v2/.+/manifests/.*").times(2),
 *         Fault.disconnectAfter(1024).on("/blobs/sha256:"),
 *         Fault.resetAfter(4096).on("/blobs/sha256:"),
 *         Fault.tooManyRequests(Duration.ofSeconds(1)).always())
 *     .start();
 * }</pre>
 *
 * <p>By default a fault matches every request (or, for the CDN faults, the blob GETs that would be
 * redirected) exactly once. "Body" faults ({@link Kind#isBodyFault()}) only take effect, and are
 * only used up, when a blob or manifest body is actually served, so a 401 challenge or a HEAD does
 * not consume them.
 */
public final class Fault {

  /** What a fault does. */
  public enum Kind {
    /** Answer with a status code and a spec error body instead of handling the request. */
    STATUS(false),
    /** Answer 429 {@code TOOMANYREQUESTS} with a {@code Retry-After} header in seconds. */
    TOO_MANY_REQUESTS(false),
    /**
     * Send {@code amount} body bytes, then close the connection (Content-Length is the full size).
     */
    DISCONNECT_AFTER(true),
    /**
     * Send {@code amount} body bytes, then reset the connection with a TCP RST (Content-Length is
     * the full size).
     */
    RESET_AFTER(true),
    /** Send half of the body, then close the connection (Content-Length is the full size). */
    TRUNCATED_BODY(true),
    /** Send the body at {@code amount} bytes per second. */
    SLOW_BODY(true),
    /** Send a body of the right length whose bytes do not match its digest. */
    WRONG_BYTES(true),
    /** Send a chunked body that never ends (until the client hangs up or the registry closes). */
    ENDLESS_BODY(true),
    /** Answer a {@code Range} request with 200 and the whole body. */
    IGNORE_RANGE(true),
    /** Answer 302 with {@code Location: location}, e.g. an {@code http://} URL. */
    REDIRECT(false),
    /** Answer 302 to a URL that redirects back, forever. */
    REDIRECT_LOOP(false),
    /** Redirect the blob GET to a host:port that refuses connections ("connection refused"). */
    CDN_REFUSED(false),
    /**
     * Redirect the blob GET to a listening socket whose accept backlog is full, so new connections
     * are never established: the client sees a <em>connect</em> timeout.
     */
    CDN_CONNECT_TIMEOUT(false),
    /**
     * Redirect the blob GET to a socket that accepts connections (the kernel completes the
     * handshake) but never answers: the client sees a <em>read</em> (response) timeout.
     */
    CDN_READ_TIMEOUT(false);

    private final boolean bodyFault;

    Kind(boolean bodyFault) {
      this.bodyFault = bodyFault;
    }

    /** Whether this fault changes a served body rather than replacing the response. */
    public boolean isBodyFault() {
      return bodyFault;
    }
  }

  private static final Pattern ANY = Pattern.compile("");
  private static final Pattern BLOB_PATH = Pattern.compile("^/v2/.+/blobs/[a-z0-9]+:");

  private final Kind kind;
  private final long amount;
  private final String location;
  private final Pattern path;
  private final String method;
  private final Origin origin;
  private final int times;

  private Fault(
      Kind kind, long amount, String location, Pattern path, String method, Origin origin, int n) {
    this.kind = kind;
    this.amount = amount;
    this.location = location;
    this.path = path;
    this.method = method;
    this.origin = origin;
    this.times = n;
  }

  private static Fault of(Kind kind, long amount) {
    return new Fault(kind, amount, null, ANY, null, null, 1);
  }

  private static Fault blobGet(Kind kind) {
    return new Fault(kind, 0, null, BLOB_PATH, "GET", Origin.REGISTRY, 1);
  }

  /** Answers {@code code} (e.g. 500, 502, 503) with an {@code UNKNOWN} spec error body. */
  public static Fault status(int code) {
    if (code < 100 || code > 599) {
      throw new IllegalArgumentException("not an HTTP status code: " + code);
    }
    return of(Kind.STATUS, code);
  }

  /** Answers 429 with {@code Retry-After} in whole seconds (rounded up). */
  public static Fault tooManyRequests(Duration retryAfter) {
    long seconds = (retryAfter.toMillis() + 999) / 1000;
    return of(Kind.TOO_MANY_REQUESTS, seconds);
  }

  /**
   * Sends {@code bodyBytes} bytes of the body, then closes the connection although {@code
   * Content-Length} announced the full size. The JDK server gives no access to the socket, so this
   * is an abrupt close (FIN) rather than a TCP RST; clients see "premature EOF" or similar. See
   * {@link #resetAfter} for a real reset.
   */
  public static Fault disconnectAfter(long bodyBytes) {
    return of(Kind.DISCONNECT_AFTER, requireNonNegative(bodyBytes));
  }

  /**
   * Sends {@code bodyBytes} bytes of the body, then resets the connection with a TCP RST although
   * {@code Content-Length} announced the full size: the client reads exactly those bytes and then
   * fails with {@code java.net.SocketException: Connection reset}, as when a load balancer or NAT
   * drops a connection. A body no longer than {@code bodyBytes} is sent whole (the fault is still
   * used up).
   *
   * <pre>{@code
   * TestRegistry.builder().faults(Fault.resetAfter(64 * 1024).on("/blobs/sha256:").times(2))
   * }</pre>
   *
   * <p>The JDK HTTP server cannot send RST itself, so when a reset fault is configured the
   * registry's servers (registry, token, CDN) get a small TCP front on their public ports that
   * relays each connection and turns the server's close of a faulted response into RST. Without
   * such a fault clients talk to the servers directly. Bytes the client has not yet taken into its
   * socket receive buffer when the RST goes out are lost, as on a real network; on loopback that
   * only happens to a client that stops reading with more than its receive buffer (typically 128
   * KiB or more) outstanding.
   */
  public static Fault resetAfter(long bodyBytes) {
    return of(Kind.RESET_AFTER, requireNonNegative(bodyBytes));
  }

  /** Sends only the first half of the body with the full {@code Content-Length}, then closes. */
  public static Fault truncatedBody() {
    return of(Kind.TRUNCATED_BODY, 0);
  }

  /** Streams the body at {@code bytesPerSecond}. */
  public static Fault slowBody(long bytesPerSecond) {
    if (bytesPerSecond <= 0) {
      throw new IllegalArgumentException("bytesPerSecond must be positive: " + bytesPerSecond);
    }
    return of(Kind.SLOW_BODY, bytesPerSecond);
  }

  /** Sends a body of the right size whose bytes are altered, so its digest does not match. */
  public static Fault wrongBytes() {
    return of(Kind.WRONG_BYTES, 0);
  }

  /** Sends a chunked body that never ends. */
  public static Fault endlessBody() {
    return of(Kind.ENDLESS_BODY, 0);
  }

  /** Answers {@code Range} requests with 200 and the whole body, on any server. */
  public static Fault ignoreRange() {
    return of(Kind.IGNORE_RANGE, 0);
  }

  /** The CDN answers {@code Range} requests with 200 and the whole body. */
  public static Fault cdnIgnoresRange() {
    return ignoreRange().at(Origin.CDN);
  }

  /**
   * Answers 302 with {@code Location: url}, for example an {@code http://} URL to test that a
   * client refuses a downgrade from {@code https://}.
   */
  public static Fault redirectTo(String url) {
    return new Fault(Kind.REDIRECT, 0, Objects.requireNonNull(url, "url"), ANY, null, null, 1);
  }

  /** Answers 302 to a URL that redirects back to the first, forever (A to B to A ...). */
  public static Fault redirectLoop() {
    return of(Kind.REDIRECT_LOOP, 0);
  }

  /** Blob GETs redirect to a loopback port that refuses connections. */
  public static Fault cdnRefused() {
    return blobGet(Kind.CDN_REFUSED);
  }

  /** Blob GETs redirect to a socket that never completes new connections: a connect timeout. */
  public static Fault cdnConnectTimeout() {
    return blobGet(Kind.CDN_CONNECT_TIMEOUT);
  }

  /** Blob GETs redirect to a socket that accepts but never answers: a read timeout. */
  public static Fault cdnReadTimeout() {
    return blobGet(Kind.CDN_READ_TIMEOUT);
  }

  /** Only requests whose path contains a match of {@code pathRegex} (a {@code find}). */
  public Fault on(String pathRegex) {
    return new Fault(kind, amount, location, Pattern.compile(pathRegex), method, origin, times);
  }

  /** Only requests with this HTTP method. */
  public Fault method(String httpMethod) {
    return new Fault(kind, amount, location, path, httpMethod, origin, times);
  }

  /** Only requests answered by this server (registry, token endpoint or CDN). */
  public Fault at(Origin server) {
    return new Fault(kind, amount, location, path, method, server, times);
  }

  /** Applies to the first {@code n} matching requests. */
  public Fault times(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("times must be at least 1: " + n);
    }
    return new Fault(kind, amount, location, path, method, origin, n);
  }

  /** Applies to every matching request. */
  public Fault always() {
    return new Fault(kind, amount, location, path, method, origin, Integer.MAX_VALUE);
  }

  /** What the fault does. */
  public Kind kind() {
    return kind;
  }

  /** The status code, seconds, byte count or rate, depending on {@link #kind()}. */
  public long amount() {
    return amount;
  }

  /** The redirect target of {@link Kind#REDIRECT}, else {@code null}. */
  public String location() {
    return location;
  }

  /** How many requests it applies to ({@link Integer#MAX_VALUE} for always). */
  public int times() {
    return times;
  }

  /** Whether a request to {@code server} with this method and path is affected. */
  public boolean matches(Origin server, String httpMethod, String requestPath) {
    return (origin == null || origin == server)
        && (method == null || method.equalsIgnoreCase(httpMethod))
        && path.matcher(requestPath).find();
  }

  private static long requireNonNegative(long n) {
    if (n < 0) {
      throw new IllegalArgumentException("byte count must not be negative: " + n);
    }
    return n;
  }

  @Override
  public String toString() {
    return "Fault["
        + kind
        + (amount != 0 ? " " + amount : "")
        + (location != null ? " " + location : "")
        + ", path~"
        + path
        + (method != null ? ", " + method : "")
        + (origin != null ? ", at " + origin : "")
        + ", times="
        + (times == Integer.MAX_VALUE ? "always" : times)
        + "]";
  }
}
