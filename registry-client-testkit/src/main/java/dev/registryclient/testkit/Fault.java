package dev.registryclient.testkit;

import dev.registryclient.api.Digest;
import dev.registryclient.testkit.RecordedRequest.Origin;
import java.time.Duration;
import java.util.Objects;

/**
 * A misbehaviour a {@link TestRegistry} injects into matching requests, a limited number of times.
 * Faults are immutable; {@link #on}, {@link #onBlobs}, {@link #onBlob}, {@link #method}, {@link
 * #at}, {@link #times}, {@link #always} and {@link #optional} return changed copies. The first
 * configured fault that matches a request and has uses left is applied and uses one up.
 *
 * <pre>{@code
 * TestRegistry.builder()
 *     .cdnRedirects(Duration.ofMinutes(5))
 *     .faults(
 *         Fault.status(503).on("/v2/.+/manifests/.*").times(2),
 *         Fault.wrongBytes().onBlob(layer.digest()),       // served by the registry or the CDN
 *         Fault.resetAfter(4096).on("/blobs/sha256:"),      // the same: CDN downloads included
 *         Fault.tooManyRequests(Duration.ofSeconds(1)).always().optional())
 *     .start();
 * }</pre>
 *
 * <p><b>Which requests.</b> A fault's {@link #matcher() rule} is a {@link RequestMatcher}, the same
 * rule {@link Journal#matching} uses, so {@code journal.matching(fault.matcher())} lists every
 * request the fault could have hit. By default a fault matches every request (the CDN faults: the
 * registry's blob GETs). A path pattern is searched in the path as sent and, for a download from
 * the CDN, in the registry path of the same blob: with {@link TestRegistry.Builder#cdnRedirects CDN
 * redirects} on, {@code on("/blobs/sha256:")} and {@link #onBlobs()} reach the blob bytes the CDN
 * serves at {@code /sha256/<hex>}, as they reach the registry's own. "Body" faults ({@link
 * Kind#isBodyFault()}) only take effect, and are only used up, when a blob or manifest body is
 * actually served, so a 401 challenge, a HEAD or the registry's redirect to the CDN does not
 * consume them: the CDN's download does. Other faults replace the response of the first matching
 * request, whichever server answers it (for a blob GET redirected to the CDN, that is the
 * registry's). A {@link CdnFront} has no faults of its own: declare them on a {@code TestRegistry}
 * behind it, whose blob GETs the front's CDN origin relays, so a body fault there reaches the
 * client through the CDN too.
 *
 * <p><b>Uploads.</b> Faults that replace a response ({@link #status}, {@link #tooManyRequests},
 * redirects) work on every step of a push, selected with {@link #method} and {@link #on}: the
 * upload {@code POST}, each {@code PATCH}, the closing {@code PUT}, a status {@code GET} and the
 * manifest {@code PUT}. The registry reads the request body before answering, so a client sending a
 * large chunk sees the status, not a reset connection; the upload session is not touched. Three
 * faults act on the upload itself ({@link Kind#isUploadFault()}): {@link #cutUploadAfter}, {@link
 * #stallUploadAfter} and {@link #loseUploadSession}.
 *
 * <pre>{@code
 * Fault.status(503).method("PATCH").on("/blobs/uploads/").times(2)
 * Fault.tooManyRequests(Duration.ofSeconds(1)).method("PUT").on("/manifests/")
 * }</pre>
 *
 * <p><b>Faults must fire.</b> The registry counts how often each fault fired ({@link
 * TestRegistry#timesFired}). {@link TestRegistryExtension} fails a test whose registry has a
 * declared fault that never fired, since a fault test that passes without its fault proves nothing;
 * mark a fault {@link #optional()} when a test may legitimately not reach it. Tests that manage the
 * registry themselves can call {@link TestRegistry#assertFaultsFired()}.
 */
public final class Fault {
  private static final String UPLOADS = "/blobs/uploads/";

  /** What a fault does. */
  public enum Kind {
    /** Answer with a status code and a spec error body instead of handling the request. */
    STATUS(Drawn.BEFORE_HANDLING),
    /** Answer 429 {@code TOOMANYREQUESTS} with a {@code Retry-After} header in seconds. */
    TOO_MANY_REQUESTS(Drawn.BEFORE_HANDLING),
    /**
     * Send {@code amount} body bytes, then close the connection (Content-Length is the full size).
     */
    DISCONNECT_AFTER(Drawn.ON_SERVED_BODY),
    /**
     * Send {@code amount} body bytes, then reset the connection with a TCP RST (Content-Length is
     * the full size).
     */
    RESET_AFTER(Drawn.ON_SERVED_BODY),
    /** Send half of the body, then close the connection (Content-Length is the full size). */
    TRUNCATED_BODY(Drawn.ON_SERVED_BODY),
    /** Send the body at {@code amount} bytes per second. */
    SLOW_BODY(Drawn.ON_SERVED_BODY),
    /** Send a body of the right length whose bytes do not match its digest. */
    WRONG_BYTES(Drawn.ON_SERVED_BODY),
    /** Send a chunked body that never ends (until the client hangs up or the registry closes). */
    ENDLESS_BODY(Drawn.ON_SERVED_BODY),
    /** Answer a {@code Range} request with 200 and the whole body. */
    IGNORE_RANGE(Drawn.ON_SERVED_BODY),
    /** Answer 302 with {@code Location: location}, e.g. an {@code http://} URL. */
    REDIRECT(Drawn.BEFORE_HANDLING),
    /** Answer 302 to a URL that redirects back, forever. */
    REDIRECT_LOOP(Drawn.BEFORE_HANDLING),
    /** Redirect the blob GET to a host:port that refuses connections ("connection refused"). */
    CDN_REFUSED(Drawn.BEFORE_HANDLING),
    /**
     * Redirect the blob GET to a listening socket whose accept backlog is full, so new connections
     * are never established: the client sees a <em>connect</em> timeout.
     */
    CDN_CONNECT_TIMEOUT(Drawn.BEFORE_HANDLING),
    /**
     * Redirect the blob GET to a socket that accepts connections (the kernel completes the
     * handshake) but never answers: the client sees a <em>read</em> (response) timeout.
     */
    CDN_READ_TIMEOUT(Drawn.BEFORE_HANDLING),
    /**
     * Read {@code amount} bytes of an upload's request body into its session, then reset the
     * connection with a TCP RST without answering.
     */
    CUT_UPLOAD_AFTER(Drawn.ON_UPLOAD),
    /**
     * Read {@code amount} bytes of an upload's request body into its session, then stop reading it,
     * without answering, until the registry closes.
     */
    STALL_UPLOAD_AFTER(Drawn.ON_UPLOAD),
    /** Forget the upload session the request names and answer 404 {@code BLOB_UPLOAD_UNKNOWN}. */
    LOSE_UPLOAD_SESSION(Drawn.ON_UPLOAD);

    /** When the registry decides whether a fault of the kind applies. */
    private enum Drawn {
      BEFORE_HANDLING,
      ON_SERVED_BODY,
      ON_UPLOAD
    }

    private final Drawn drawn;

    Kind(Drawn drawn) {
      this.drawn = drawn;
    }

    /**
     * Whether this fault changes a served body rather than replacing the response.
     *
     * @return {@code true} for the kinds that alter a served blob or manifest body
     */
    public boolean isBodyFault() {
      return drawn == Drawn.ON_SERVED_BODY;
    }

    /**
     * Whether this fault acts on a blob upload the registry itself handles (so not on a request a
     * 401 challenge or an earlier fault answered).
     *
     * @return {@code true} for {@link #CUT_UPLOAD_AFTER}, {@link #STALL_UPLOAD_AFTER} and {@link
     *     #LOSE_UPLOAD_SESSION}
     */
    public boolean isUploadFault() {
      return drawn == Drawn.ON_UPLOAD;
    }
  }

  private final Kind kind;
  private final long amount;
  private final String location;
  private final RequestMatcher matcher;
  private final int times;
  private final boolean optional;

  private Fault(
      Kind kind,
      long amount,
      String location,
      RequestMatcher matcher,
      int times,
      boolean optional) {
    this.kind = kind;
    this.amount = amount;
    this.location = location;
    this.matcher = matcher;
    this.times = times;
    this.optional = optional;
  }

  private static Fault of(Kind kind, long amount) {
    return new Fault(kind, amount, null, RequestMatcher.any(), 1, false);
  }

  private static Fault blobGet(Kind kind) {
    RequestMatcher blobGets = RequestMatcher.any().method("GET").onBlobs().at(Origin.REGISTRY);
    return new Fault(kind, 0, null, blobGets, 1, false);
  }

  private static Fault upload(Kind kind, long amount) {
    RequestMatcher uploads = RequestMatcher.any().at(Origin.REGISTRY).on(UPLOADS);
    return new Fault(kind, amount, null, uploads, 1, false);
  }

  private Fault withMatcher(RequestMatcher narrowed) {
    return new Fault(kind, amount, location, narrowed, times, optional);
  }

  /**
   * Answers {@code code} (e.g. 500, 502, 503) with an {@code UNKNOWN} spec error body.
   *
   * @param code the HTTP status code to answer, 100 to 599
   * @return a fault of kind {@link Kind#STATUS}, used once, on any request
   * @throws IllegalArgumentException if {@code code} is not in 100..599
   */
  public static Fault status(int code) {
    if (code < 100 || code > 599) {
      throw new IllegalArgumentException("not an HTTP status code: " + code);
    }
    return of(Kind.STATUS, code);
  }

  /**
   * Answers 429 with {@code Retry-After} in whole seconds (rounded up).
   *
   * @param retryAfter how long the client is told to wait
   * @return a fault of kind {@link Kind#TOO_MANY_REQUESTS}, used once, on any request
   */
  public static Fault tooManyRequests(Duration retryAfter) {
    long seconds = (retryAfter.toMillis() + 999) / 1000;
    return of(Kind.TOO_MANY_REQUESTS, seconds);
  }

  /**
   * Sends {@code bodyBytes} bytes of the body, then closes the connection although {@code
   * Content-Length} announced the full size. The JDK server gives no access to the socket, so this
   * is an abrupt close (FIN) rather than a TCP RST; clients see "premature EOF" or similar. See
   * {@link #resetAfter} for a real reset.
   *
   * @param bodyBytes how many body bytes to send before closing; not negative
   * @return a fault of kind {@link Kind#DISCONNECT_AFTER}, used once, on the first body served
   * @throws IllegalArgumentException if {@code bodyBytes} is negative
   */
  public static Fault disconnectAfter(long bodyBytes) {
    return of(Kind.DISCONNECT_AFTER, requireNonNegative(bodyBytes));
  }

  /**
   * Sends {@code bodyBytes} bytes of the body, then resets the connection with a TCP RST although
   * {@code Content-Length} announced the full size, as when a load balancer or NAT drops a
   * connection: the client fails with {@code java.net.SocketException: Connection reset}. A body no
   * longer than {@code bodyBytes} is sent whole (the fault is still used up).
   *
   * <p><b>The client may see fewer than {@code bodyBytes} bytes.</b> A reset discards what has not
   * reached the client yet: bytes the server wrote that were still in flight, or not yet delivered
   * to the client, when the RST arrived. On loopback with a client that keeps reading this is rare,
   * but under load a client has been seen to get 65,170 of 100,000 bytes (in the extreme, even the
   * response head is lost and the request simply fails). So assert what a client does with what it
   * received: a client that resumes should ask for {@code Range: bytes=k-} with {@code k} in {@code
   * (0, bodyBytes]} and end up with the right bytes; never assert {@code k == bodyBytes}. For an
   * exact cut use {@link #disconnectAfter}, whose orderly close (FIN) loses nothing.
   *
   * <pre>{@code
   * TestRegistry.builder().faults(Fault.resetAfter(64 * 1024).onBlobs().times(2))
   * // then: assertThat(rangeStart).isPositive().isLessThanOrEqualTo(64 * 1024);
   * }</pre>
   *
   * <p>The JDK HTTP server cannot send RST itself, so when a reset fault is configured the
   * registry's servers (registry, token, CDN) get a small TCP front on their public ports that
   * relays each connection and turns the server's close of a faulted response into RST. Without
   * such a fault clients talk to the servers directly.
   *
   * @param bodyBytes how many body bytes to send before the reset; not negative
   * @return a fault of kind {@link Kind#RESET_AFTER}, used once, on the first body served
   * @throws IllegalArgumentException if {@code bodyBytes} is negative
   */
  public static Fault resetAfter(long bodyBytes) {
    return of(Kind.RESET_AFTER, requireNonNegative(bodyBytes));
  }

  /**
   * Sends only the first half of the body with the full {@code Content-Length}, then closes.
   *
   * @return a fault of kind {@link Kind#TRUNCATED_BODY}, used once, on the first body served
   */
  public static Fault truncatedBody() {
    return of(Kind.TRUNCATED_BODY, 0);
  }

  /**
   * Streams the body at {@code bytesPerSecond}.
   *
   * @param bytesPerSecond the rate to send the body at; positive
   * @return a fault of kind {@link Kind#SLOW_BODY}, used once, on the first body served
   * @throws IllegalArgumentException if {@code bytesPerSecond} is not positive
   */
  public static Fault slowBody(long bytesPerSecond) {
    if (bytesPerSecond <= 0) {
      throw new IllegalArgumentException("bytesPerSecond must be positive: " + bytesPerSecond);
    }
    return of(Kind.SLOW_BODY, bytesPerSecond);
  }

  /**
   * Sends a body of the right size whose bytes are altered, so its digest does not match.
   *
   * @return a fault of kind {@link Kind#WRONG_BYTES}, used once, on the first body served
   */
  public static Fault wrongBytes() {
    return of(Kind.WRONG_BYTES, 0);
  }

  /**
   * Sends a chunked body that never ends.
   *
   * @return a fault of kind {@link Kind#ENDLESS_BODY}, used once, on the first body served
   */
  public static Fault endlessBody() {
    return of(Kind.ENDLESS_BODY, 0);
  }

  /**
   * Answers {@code Range} requests with 200 and the whole body, on any server.
   *
   * @return a fault of kind {@link Kind#IGNORE_RANGE}, used once, on the first body served
   */
  public static Fault ignoreRange() {
    return of(Kind.IGNORE_RANGE, 0);
  }

  /**
   * The CDN answers {@code Range} requests with 200 and the whole body.
   *
   * @return a fault of kind {@link Kind#IGNORE_RANGE}, used once, on the first body the CDN serves
   */
  public static Fault cdnIgnoresRange() {
    return ignoreRange().at(Origin.CDN);
  }

  /**
   * Answers 302 with {@code Location: url}, for example an {@code http://} URL to test that a
   * client refuses a downgrade from {@code https://}.
   *
   * @param url the {@code Location} to answer with; not null
   * @return a fault of kind {@link Kind#REDIRECT}, used once, on any request
   */
  public static Fault redirectTo(String url) {
    return new Fault(
        Kind.REDIRECT, 0, Objects.requireNonNull(url, "url"), RequestMatcher.any(), 1, false);
  }

  /**
   * Answers 302 to a URL that redirects back to the first, forever (A to B to A ...).
   *
   * @return a fault of kind {@link Kind#REDIRECT_LOOP}, used once, on any request
   */
  public static Fault redirectLoop() {
    return of(Kind.REDIRECT_LOOP, 0);
  }

  /**
   * Blob GETs redirect to a loopback port that refuses connections.
   *
   * @return a fault of kind {@link Kind#CDN_REFUSED}, used once, on a blob GET at the registry
   */
  public static Fault cdnRefused() {
    return blobGet(Kind.CDN_REFUSED);
  }

  /**
   * Blob GETs redirect to a socket that never completes new connections: a connect timeout.
   *
   * @return a fault of kind {@link Kind#CDN_CONNECT_TIMEOUT}, used once, on a blob GET at the
   *     registry
   */
  public static Fault cdnConnectTimeout() {
    return blobGet(Kind.CDN_CONNECT_TIMEOUT);
  }

  /**
   * Blob GETs redirect to a socket that accepts but never answers: a read timeout.
   *
   * @return a fault of kind {@link Kind#CDN_READ_TIMEOUT}, used once, on a blob GET at the registry
   */
  public static Fault cdnReadTimeout() {
    return blobGet(Kind.CDN_READ_TIMEOUT);
  }

  /**
   * On an upload request that carries a body ({@code PATCH}, {@code PUT}, or a monolithic {@code
   * POST ?digest=}), the registry reads {@code bytes} bytes of the body into the upload session,
   * keeps them (as distribution keeps what it received), and then resets the connection with a TCP
   * RST without answering: a load balancer dropping a long upload, or a lost response. The session
   * stays open, so a {@code GET} of its location answers {@code Range: 0-<received - 1>} and the
   * client can resume from there. A body no longer than {@code bytes} is read whole and the
   * connection is still cut without an answer, so a closing {@code PUT} cut this way is never
   * committed. A {@code POST ?digest=} cut this way leaves a session the client never learned the
   * location of.
   *
   * <p>The fault fires only when the registry reads an upload body: not on a 401 challenge, not on
   * a chunk refused with 416, and not on an upload start without a body. By default it matches any
   * {@code /blobs/uploads/} request; narrow it with {@link #method} or {@link #on}. The client sees
   * "connection reset" or a broken pipe while sending, or no response at all; {@link
   * TestRegistry#uploads()} shows what the registry kept.
   *
   * <pre>{@code
   * TestRegistry.builder().faults(Fault.cutUploadAfter(64 * 1024).method("PATCH"))
   * // after the push under test:
   * Upload upload = registry.uploads().get(0);
   * assertThat(upload.steps()).extracting(Upload.Step::offset).contains(64L * 1024); // resumed
   * assertThat(upload.state()).isEqualTo(Upload.State.COMMITTED);
   * }</pre>
   *
   * <p>Like {@link #resetAfter}, the registry's servers get a small TCP front that turns the close
   * into a reset when such a fault is configured.
   *
   * @param bytes how many body bytes to read into the session before the reset; not negative
   * @return a fault of kind {@link Kind#CUT_UPLOAD_AFTER}, used once, on an upload request with a
   *     body
   * @throws IllegalArgumentException if {@code bytes} is negative
   */
  public static Fault cutUploadAfter(long bytes) {
    return upload(Kind.CUT_UPLOAD_AFTER, requireNonNegative(bytes));
  }

  /**
   * On an upload request that carries a body ({@code PATCH}, {@code PUT}, or a monolithic {@code
   * POST ?digest=}), the registry reads {@code bytes} bytes of the body into the upload session and
   * then stops reading it, without answering, until the registry closes: a registry or proxy that
   * stalled, or a TCP window that stays full. Once the socket buffers between them are full (on
   * loopback they can hold several MiB: send a body well larger than that), the client is blocked
   * in a socket write that only its own timeouts, or aborting the request, end. The step is
   * recorded in {@link TestRegistry#uploads()} without a status; the session stays open and a
   * closing {@code PUT} stalled this way is never committed.
   *
   * <p>The fault fires when the registry starts reading an upload body, like {@link
   * #cutUploadAfter}. The step appears in {@link TestRegistry#uploads()} once the registry has read
   * its bytes and stopped reading: a test that waits for it knows the client is sending into a
   * stalled connection.
   *
   * <pre>{@code
   * Fault stall = Fault.stallUploadAfter(1 << 20).method("PUT");
   * // start the push; wait until registry.uploads() shows a step with status -1; cancel; then:
   * assertThat(registry.uploads().get(0).state()).isNotEqualTo(Upload.State.COMMITTED);
   * }</pre>
   *
   * @param bytes how many body bytes to read into the session before stalling; not negative
   * @return a fault of kind {@link Kind#STALL_UPLOAD_AFTER}, used once, on an upload request with a
   *     body
   * @throws IllegalArgumentException if {@code bytes} is negative
   */
  public static Fault stallUploadAfter(long bytes) {
    return upload(Kind.STALL_UPLOAD_AFTER, requireNonNegative(bytes));
  }

  /**
   * The next request on an existing upload session ({@code PATCH}, {@code PUT}, {@code GET} or
   * {@code DELETE} of its location) finds the session gone, as after a registry restart or an
   * upload purge: it answers 404 {@code BLOB_UPLOAD_UNKNOWN} and every later request on that
   * session does too, so the client must start the upload again. Bytes the session held are lost.
   * Requests that start an upload are not affected; narrow the fault with {@link #method} or {@link
   * #on}.
   *
   * <pre>{@code
   * TestRegistry.builder().faults(Fault.loseUploadSession().method("PUT"))
   * // then: registry.uploads() shows one LOST upload and one COMMITTED one
   * }</pre>
   *
   * @return a fault of kind {@link Kind#LOSE_UPLOAD_SESSION}, used once, on a request to an upload
   *     session
   */
  public static Fault loseUploadSession() {
    return upload(Kind.LOSE_UPLOAD_SESSION, 0);
  }

  /**
   * Only requests whose path contains a match of {@code pathRegex} (a {@link
   * java.util.regex.Matcher#find() find}; anchor with {@code ^...$} for whole paths). For a CDN
   * download the registry path of the same blob, {@code /v2/<repository>/blobs/<digest>}, is
   * searched too, so {@code on("/blobs/sha256:")} or {@code on("/v2/team/app/blobs/")} also hit the
   * blob bytes the CDN serves. See {@link RequestMatcher#on}.
   *
   * @param pathRegex a {@link java.util.regex.Pattern} searched in the request path
   * @return a copy of this fault that also requires the path to match (replacing an earlier
   *     pattern)
   * @throws java.util.regex.PatternSyntaxException if {@code pathRegex} is not a valid pattern
   */
  public Fault on(String pathRegex) {
    return withMatcher(matcher.on(pathRegex));
  }

  /**
   * Only requests for a blob, wherever its bytes are served: {@code
   * /v2/<repository>/blobs/<digest>} at the registry (any method) and the CDN download of the same
   * blob.
   *
   * <pre>{@code
   * Fault.wrongBytes().onBlobs().method("GET").times(3)
   * }</pre>
   *
   * @return a copy of this fault that also requires a blob request
   */
  public Fault onBlobs() {
    return withMatcher(matcher.onBlobs());
  }

  /**
   * Only requests for the blob {@code digest}, whether the registry or the CDN serves it.
   *
   * <pre>{@code
   * Fault.disconnectAfter(1024).onBlob(image.layers().get(0).digest())
   * }</pre>
   *
   * @param digest the blob's digest
   * @return a copy of this fault that also requires a request for this blob
   */
  public Fault onBlob(Digest digest) {
    return withMatcher(matcher.onBlob(digest));
  }

  /**
   * Only requests with this HTTP method (ignoring case).
   *
   * @param httpMethod the method, e.g. {@code GET} or {@code PATCH}
   * @return a copy of this fault that also requires this method
   */
  public Fault method(String httpMethod) {
    return withMatcher(matcher.method(httpMethod));
  }

  /**
   * Only requests answered by this server (registry, token endpoint or CDN).
   *
   * @param server the server that must answer the request
   * @return a copy of this fault that also requires this server
   */
  public Fault at(Origin server) {
    return withMatcher(matcher.at(server));
  }

  /**
   * Applies to the first {@code n} matching requests.
   *
   * @param n how many matching requests the fault applies to; at least 1
   * @return a copy of this fault with {@code n} uses
   * @throws IllegalArgumentException if {@code n} is less than 1
   */
  public Fault times(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("times must be at least 1: " + n);
    }
    return new Fault(kind, amount, location, matcher, n, optional);
  }

  /**
   * Applies to every matching request; it counts as fired once it fired at least once.
   *
   * @return a copy of this fault with unlimited uses
   */
  public Fault always() {
    return new Fault(kind, amount, location, matcher, Integer.MAX_VALUE, optional);
  }

  /**
   * Lets the fault go unfired without failing the test: for faults a test may legitimately not
   * reach, such as a 429 that only a retrying client under load would see. Without it, {@link
   * TestRegistryExtension} fails a test whose fault never fired.
   *
   * @return a copy of this fault that need not fire
   */
  public Fault optional() {
    return new Fault(kind, amount, location, matcher, times, true);
  }

  /**
   * What the fault does.
   *
   * @return the fault's kind
   */
  public Kind kind() {
    return kind;
  }

  /**
   * The status code, seconds, byte count or rate, depending on {@link #kind()}.
   *
   * @return the kind's number: the status code ({@link Kind#STATUS}), the {@code Retry-After}
   *     seconds ({@link Kind#TOO_MANY_REQUESTS}), a byte count ({@link Kind#DISCONNECT_AFTER},
   *     {@link Kind#RESET_AFTER}, {@link Kind#CUT_UPLOAD_AFTER}, {@link Kind#STALL_UPLOAD_AFTER}),
   *     the bytes per second ({@link Kind#SLOW_BODY}); 0 for the other kinds
   */
  public long amount() {
    return amount;
  }

  /**
   * The redirect target of {@link Kind#REDIRECT}, else {@code null}.
   *
   * @return the {@code Location} to redirect to, or {@code null} for other kinds
   */
  public String location() {
    return location;
  }

  /**
   * How many requests it applies to ({@link Integer#MAX_VALUE} for always).
   *
   * @return the number of matching requests it applies to, at least 1
   */
  public int times() {
    return times;
  }

  /**
   * Whether the test may pass without this fault having fired (see {@link #optional()}).
   *
   * @return {@code true} if {@link #optional()} made it optional
   */
  public boolean isOptional() {
    return optional;
  }

  /**
   * The rule that selects the requests this fault applies to.
   *
   * @return the request rule; {@link RequestMatcher#any()} narrowed by {@link #on}, {@link #method}
   *     and the other narrowing methods
   */
  public RequestMatcher matcher() {
    return matcher;
  }

  /**
   * Whether {@code request} is one this fault applies to.
   *
   * @param request the request's server, method and path
   * @return {@code true} if the fault's rule selects the request (whether or not it has uses left)
   */
  public boolean matches(RequestTarget request) {
    return matcher.matches(request);
  }

  /**
   * Whether a request to {@code server} with this method and path (or path and query) is one this
   * fault applies to; see {@link RequestTarget#of}.
   *
   * @param server the server the request is sent to
   * @param httpMethod the request's method
   * @param requestPath the request's path, optionally with its query
   * @return {@code true} if the fault's rule selects the request (whether or not it has uses left)
   */
  public boolean matches(Origin server, String httpMethod, String requestPath) {
    return matches(RequestTarget.of(server, httpMethod, requestPath));
  }

  private static long requireNonNegative(long n) {
    if (n < 0) {
      throw new IllegalArgumentException("byte count must not be negative: " + n);
    }
    return n;
  }

  /** The kind, amount, rule and uses, e.g. {@code Fault[WRONG_BYTES, on any blob, times=1]}. */
  @Override
  public String toString() {
    return "Fault["
        + kind
        + (amount != 0 ? " " + amount : "")
        + (location != null ? " " + location : "")
        + ", on "
        + matcher
        + ", times="
        + (times == Integer.MAX_VALUE ? "always" : times)
        + (optional ? ", optional" : "")
        + "]";
  }
}
