package dev.registryclient.oci.push;

import dev.registryclient.api.Digest;
import dev.registryclient.api.exception.DigestMismatchException;
import dev.registryclient.api.exception.ErrorContext;
import dev.registryclient.api.exception.Phase;
import dev.registryclient.api.exception.RegistryException;
import dev.registryclient.api.exception.TransportException;
import dev.registryclient.core.transport.ErrorMapper;
import dev.registryclient.core.transport.FailureText;
import dev.registryclient.core.transport.Request;
import dev.registryclient.core.transport.RequestBody;
import dev.registryclient.core.transport.Response;
import dev.registryclient.core.transport.RetryAfter;
import dev.registryclient.core.transport.RetryBudget;
import dev.registryclient.core.transport.RetryEvent;
import dev.registryclient.core.transport.RetryListener;
import dev.registryclient.core.transport.Transport;
import dev.registryclient.oci.RegistryEndpoints;
import dev.registryclient.oci.pull.TransferScope;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongConsumer;

/**
 * Uploads one blob to a repository with the distribution-spec protocol, unless it is there already:
 *
 * <ol>
 *   <li>{@code HEAD} the blob: present means nothing to send;
 *   <li>{@code POST .../blobs/uploads/}, with {@code ?mount=&from=} when the blob is known in
 *       another repository of the same registry: 201 means mounted, 202 opens a session;
 *   <li>{@code PATCH} chunks with {@code Content-Range}, each sent to the {@code Location} the
 *       previous step answered, then the last chunk in the closing {@code PUT ?digest=}.
 * </ol>
 *
 * <p>Each chunk is read from the source once, into one buffer, and hashed as it is read; the final
 * {@code PUT} is sent only when the digest is right, so a wrong source never commits. Memory is the
 * buffer, whatever the blob's size: {@value #DEFAULT_CHUNK_SIZE} bytes unless the registry asks for
 * larger chunks ({@code OCI-Chunk-Min-Length}, honoured up to {@value #MAX_CHUNK_SIZE}).
 *
 * <p>Upload steps are not idempotent, so the transport does not retry them; this class does, on the
 * blob's one {@link RetryBudget}. After a cut connection, a 5xx, a 429 or a 416 it asks the session
 * where it stands ({@code GET} → {@code Range: 0-N}) and continues from the byte the registry has,
 * out of the buffer; when the registry lost the session (404) or kept less than the buffer holds,
 * it starts a new session and reads the source again from byte 0.
 */
public final class BlobUploader {
  /** The chunk size unless the registry asks for more. */
  public static final int DEFAULT_CHUNK_SIZE = 8 << 20;

  /** The largest chunk this uploader buffers, whatever a registry asks for. */
  public static final int MAX_CHUNK_SIZE = 64 << 20;

  private static final String OCTETS = "application/octet-stream";

  private final Transport transport;
  private final RegistryEndpoints endpoints;
  private final String registryName;
  private final int chunkSize;

  /**
   * An uploader to one registry.
   *
   * @param registryName the registry as the caller names it, for messages
   * @param chunkSize bytes per {@code PATCH}, at most {@link #MAX_CHUNK_SIZE}
   */
  public BlobUploader(
      Transport transport, RegistryEndpoints endpoints, String registryName, int chunkSize) {
    if (chunkSize < 1 || chunkSize > MAX_CHUNK_SIZE) {
      throw new IllegalArgumentException("chunk size must be 1 to " + MAX_CHUNK_SIZE);
    }
    this.transport = Objects.requireNonNull(transport, "transport");
    this.endpoints = Objects.requireNonNull(endpoints, "endpoints");
    this.registryName = Objects.requireNonNull(registryName, "registryName");
    this.chunkSize = chunkSize;
  }

  /** What an upload did. */
  public enum Outcome {
    /** The repository had the blob already; nothing was sent. */
    SKIPPED,
    /** The registry linked the blob from another repository; no bytes were sent. */
    MOUNTED,
    /** The bytes were sent. */
    UPLOADED
  }

  /**
   * One blob to send.
   *
   * @param repository the target repository
   * @param digest the blob's digest
   * @param size its size, or -1 when unknown (schema 1 layers)
   * @param content where its bytes come from
   * @param mountFrom a repository of the same registry that has it, to mount from
   */
  public record Blob(
      String repository,
      Digest digest,
      long size,
      BlobContent content,
      Optional<String> mountFrom) {
    /** Checks for nulls. */
    public Blob {
      Objects.requireNonNull(repository, "repository");
      Objects.requireNonNull(digest, "digest");
      Objects.requireNonNull(content, "content");
      Objects.requireNonNull(mountFrom, "mountFrom");
    }
  }

  /** Whether {@code repository} has {@code digest} ({@code HEAD}), retried on {@code budget}. */
  public boolean exists(String repository, Digest digest, RetryBudget budget) {
    Request head =
        request(endpoints.blob(repository, digest), repository, Phase.UPLOAD)
            .method("HEAD")
            .retryBudget(budget)
            .build();
    Response response = transport.execute(head);
    try {
      if (response.status() == 200) {
        return true;
      }
      if (response.status() == 404) {
        return false;
      }
      throw ErrorMapper.fromResponse(response);
    } finally {
      response.closeQuietly();
    }
  }

  /**
   * Sends {@code blob} unless the repository has it.
   *
   * @param retries told about every retry and resume of this blob
   * @param sent told how many more bytes the registry has acknowledged
   * @param scope cancels the upload when the transfer ends early: it closes the source and aborts
   *     the request in flight
   * @throws DigestMismatchException if the source's bytes do not have the blob's digest or size
   * @throws dev.registryclient.api.exception.RegistryException when the budget is spent or the
   *     registry refuses
   */
  public Outcome upload(Blob blob, RetryListener retries, LongConsumer sent, TransferScope scope) {
    RetryBudget budget = transport.newRetryBudget(retries);
    if (exists(blob.repository(), blob.digest(), budget)) {
      return Outcome.SKIPPED;
    }
    Session session = new Session(blob, budget, sent, scope);
    return session.run();
  }

  private Request.Builder request(URI uri, String repository, Phase phase) {
    return Request.builder(uri).repository(repository).phase(phase).registryName(registryName);
  }

  /** The source failed while a streamed chunk was being sent: final, not the target's fault. */
  private static final class SourceReadFailure extends IOException {
    private static final long serialVersionUID = 1L;

    SourceReadFailure(Exception cause) {
      super("reading the source failed: " + cause.getMessage(), cause);
    }
  }

  /** Thrown inside a session when the registry lost it: start over with a new one. */
  private static final class SessionLost extends Exception {
    private static final long serialVersionUID = 1L;

    SessionLost(String why) {
      super(why, null, false, false);
    }
  }

  /** One blob's upload, across chunks, retries and, if need be, new sessions. */
  private final class Session {
    private final Blob blob;
    private final RetryBudget budget;
    private final LongConsumer sent;
    private final TransferScope scope;
    private final String subject;
    private URI location;
    private int chunk = chunkSize;
    private byte[] buffer;
    private Window window;
    private long acknowledged; // bytes the registry has confirmed
    private long reported; // the most bytes ever told to `sent`
    private long acknowledgedAtLastFailure;
    private boolean committed;

    Session(Blob blob, RetryBudget budget, LongConsumer sent, TransferScope scope) {
      this.blob = blob;
      this.budget = budget;
      this.sent = sent;
      this.scope = scope;
      this.subject = "upload of blob " + blob.digest();
    }

    Outcome run() {
      boolean mount = blob.mountFrom().isPresent();
      try {
        while (true) {
          if (start(mount)) {
            return Outcome.MOUNTED;
          }
          mount = false; // a lost session starts again as a plain upload
          try {
            send();
            return Outcome.UPLOADED;
          } catch (SessionLost lost) {
            if (exists(blob.repository(), blob.digest(), budget)) {
              committed = true; // the closing PUT went through; only its answer was lost
              return Outcome.UPLOADED;
            }
            failed(lost.getMessage(), Optional.empty(), false, Optional.empty(), host(location));
          }
        }
      } finally {
        if (!committed && location != null) {
          cancelQuietly();
        }
      }
    }

    /** Opens a session (or mounts); true if mounted. */
    private boolean start(boolean mount) {
      URI uploads = endpoints.uploads(blob.repository());
      if (mount) {
        uploads =
            URI.create(
                uploads
                    + "?mount="
                    + blob.digest()
                    + "&from="
                    + java.net.URLEncoder.encode(
                        blob.mountFrom().orElseThrow(), java.nio.charset.StandardCharsets.UTF_8));
      }
      while (true) {
        scope.check();
        Request post =
            uploadRequest(uploads)
                .retryBudget(budget)
                .method("POST")
                .body(RequestBody.of(new byte[0], OCTETS))
                .build();
        Response response;
        try {
          response = transport.execute(post);
        } catch (TransportException e) {
          failedWith(e, post.uri(), RetryEvent.Kind.RETRY);
          continue;
        }
        try {
          if (response.status() == 201 && mount) {
            committed = true;
            return true;
          }
          if (response.status() == 202) {
            location = UploadLocation.next(post.uri(), response.header("Location"));
            acknowledged = 0;
            acknowledgedAtLastFailure = 0;
            chunk = chunkSize(response.header("OCI-Chunk-Min-Length"));
            return false;
          }
          if (budget.isRetryable(response.status())) {
            failed(
                "HTTP " + response.status(),
                RetryAfter.of(response),
                false,
                Optional.empty(),
                host(post.uri()));
            continue;
          }
          throw ErrorMapper.fromResponse(response);
        } finally {
          response.closeQuietly();
        }
      }
    }

    private int chunkSize(Optional<String> minimum) {
      long min =
          minimum
              .map(String::strip)
              .filter(v -> v.matches("\\d{1,12}"))
              .map(Long::parseLong)
              .orElse(0L);
      return (int) Math.min(MAX_CHUNK_SIZE, Math.max(chunkSize, min));
    }

    /**
     * Streams the blob into the open session and commits it. The buffer is a window on the blob:
     * after a failure it keeps the bytes the registry lacks, moves them to its front and is topped
     * up from the source, so every {@code PATCH} but the last is a full chunk (at least the
     * registry's minimum) and no byte is read from the source twice. A {@code PATCH} streams: its
     * body reads the source into the window as the connection takes it, so downloading and
     * uploading overlap. The last chunk is read whole first, so the digest is checked before the
     * closing {@code PUT} commits anything.
     */
    private void send() throws SessionLost {
      int capacity = blob.size() >= 0 ? (int) Math.min(chunk, Math.max(1, blob.size())) : chunk;
      if (buffer == null || buffer.length < capacity) {
        buffer = new byte[capacity];
      }
      try (InputStream in = blob.content().open();
          Closeable unregister = scope.register(in)) {
        Objects.requireNonNull(unregister, "scope registration");
        window = new Window(in, capacity);
        while (true) {
          boolean last;
          int length;
          if (blob.size() >= 0 && window.base + capacity < blob.size()) {
            last = false; // a full chunk, streamed from the source as it is sent
            length = capacity;
          } else {
            window.fillAll();
            last = window.end;
            length = window.filled;
          }
          if (last) {
            window.hashing.check(window.read, blob.size(), context());
          }
          sendWindow(window.base, length, last);
          if (last) {
            return;
          }
          window.slide((int) (acknowledged - window.base));
        }
      } catch (IOException e) {
        scope.check(); // a cancellation closed the source
        throw sourceFailed(e);
      } finally {
        window = null;
      }
    }

    private TransportException sourceFailed(Throwable e) {
      return new TransportException(
          context(), "reading the source of blob " + blob.digest() + " failed: " + e, e);
    }

    /**
     * The bytes of the blob from {@link #base} that the registry may still need, in {@link
     * #buffer}: {@link #filled} of them read (and hashed) so far.
     */
    private final class Window {
      private final InputStream in;
      private final int capacity;
      private final Hashing hashing = new Hashing(blob.digest());
      private long base;
      private int filled;
      private long read;
      private boolean end;

      Window(InputStream in, int capacity) {
        this.in = in;
        this.capacity = capacity;
      }

      /** Reads until the buffer is full or the source ends. */
      void fillAll() throws IOException {
        while (filled < capacity && !end) {
          pull(capacity - filled);
        }
      }

      /** Reads at most {@code max} more bytes into the buffer; the number read (0 at the end). */
      int pull(int max) throws IOException {
        int n = in.read(buffer, filled, max);
        if (n < 0) {
          end = true;
          return 0;
        }
        hashing.update(buffer, filled, n);
        filled += n;
        read += n;
        end = blob.size() >= 0 && read >= blob.size();
        return n;
      }

      /** Drops the first {@code done} bytes, which the registry has. */
      void slide(int done) {
        System.arraycopy(buffer, done, buffer, 0, filled - done);
        base += done;
        filled -= done;
      }
    }

    /**
     * The body of a streamed {@code PATCH}: the window's bytes from {@code from}, then the source's
     * until {@code length}, each read into the window (and hashed) as the connection takes it. It
     * can be sent again: bytes already in the window are not read from the source twice.
     */
    private final class WindowBody implements RequestBody {
      private final Window w;
      private final int from;
      private final int length;

      WindowBody(Window w, int from, int length) {
        this.w = w;
        this.from = from;
        this.length = length;
      }

      @Override
      public String contentType() {
        return OCTETS;
      }

      @Override
      public long contentLength() {
        return length - from;
      }

      @Override
      public boolean repeatable() {
        return true;
      }

      @Override
      public InputStream open() {
        return new InputStream() {
          private final byte[] one = new byte[1];
          private int pos = from;

          @Override
          public int read() throws IOException {
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
          }

          @Override
          public int read(byte[] b, int off, int len) throws IOException {
            if (pos >= length) {
              return -1;
            }
            if (pos >= w.filled) {
              int n;
              try {
                n = w.pull(Math.min(len, length - w.filled));
              } catch (IOException | RuntimeException e) {
                // the source's failure, not the target's: it must not spend the upload's retries
                throw new SourceReadFailure(e);
              }
              if (n == 0) {
                throw new SourceReadFailure(
                    new IOException("the source ended at byte " + (w.base + w.filled)));
              }
            }
            int n = Math.min(len, w.filled - pos);
            System.arraycopy(buffer, pos, b, off, n);
            pos += n;
            return n;
          }
        };
      }
    }

    /**
     * Sends the {@code filled} buffered bytes that start at blob offset {@code base}, from the
     * first one the registry lacks: a {@code PATCH}, or the closing {@code PUT} when {@code last}.
     * Returns once the registry has more of them than before (all of a {@code PATCH}, or after a
     * failure whatever it reports), or, for the last, once it committed.
     */
    private void sendWindow(long base, int filled, boolean last) throws SessionLost {
      while (true) {
        scope.check();
        long before = acknowledged;
        int from = (int) (acknowledged - base);
        Request step = step(base, from, filled, last);
        Response response;
        try {
          response = transport.execute(step);
        } catch (TransportException e) {
          failedWith(e, step.uri(), RetryEvent.Kind.RESUME);
          resync(base, base + filled);
          if (!last && acknowledged > before) {
            return;
          }
          continue;
        }
        try {
          int status = response.status();
          if (status == 201 && last || status == 202 && !last || status == 204 && !last) {
            advance(base + filled);
            if (last) {
              checkCommitted(response);
              committed = true;
            } else {
              location = UploadLocation.next(step.uri(), response.header("Location"));
            }
            return;
          }
          if (status == 404) {
            throw new SessionLost("the registry lost the upload session (HTTP 404)");
          }
          if (status == 416 || budget.isRetryable(status)) {
            failed(
                "HTTP " + status,
                RetryAfter.of(response),
                false,
                Optional.empty(),
                host(step.uri()));
          } else {
            throw ErrorMapper.fromResponse(response);
          }
        } finally {
          response.closeQuietly();
        }
        resync(base, base + filled);
        if (!last && acknowledged > before) {
          return;
        }
      }
    }

    private Request step(long base, int from, int length, boolean last) {
      RequestBody body =
          window != null && window.filled < length
              ? new WindowBody(window, from, length)
              : RequestBody.slice(buffer, from, length - from, OCTETS);
      Request.Builder b =
          uploadRequest(last ? UploadLocation.withDigest(location, blob.digest()) : location)
              .method(last ? "PUT" : "PATCH")
              .retriedByCaller() // resent only from the offset the registry reports
              .retryBudget(budget) // for the token and ping requests made on its way
              .body(body);
      if (!last && length > from) {
        b.setHeader("Content-Range", (base + from) + "-" + (base + length - 1));
      }
      return b.build();
    }

    private void advance(long to) {
      if (to > acknowledged) {
        acknowledged = to;
      }
      if (to > reported) { // a new session or a resync back does not count bytes twice
        sent.accept(to - reported);
        reported = to;
      }
    }

    /**
     * Asks the session how many bytes the registry has ({@code GET} → {@code Range: 0-N}) and moves
     * to that byte; the bytes must still be in the buffer ({@code [start, end]}).
     */
    private void resync(long start, long end) throws SessionLost {
      Request get = uploadRequest(location).retryBudget(budget).build();
      Response response = transport.execute(get);
      try {
        if (response.status() == 404) {
          throw new SessionLost("the registry lost the upload session (HTTP 404)");
        }
        if (response.status() != 204 && response.status() != 202 && response.status() != 200) {
          throw ErrorMapper.fromResponse(response);
        }
        long has = UploadRange.bytesReceived(response.header("Range"));
        response
            .header("Location")
            .ifPresent(l -> location = UploadLocation.next(get.uri(), Optional.of(l)));
        if (has < start || has > end) {
          throw new SessionLost(
              "the registry has "
                  + has
                  + " bytes of the upload, outside the "
                  + start
                  + "-"
                  + end
                  + " still buffered");
        }
        if (has > acknowledged) {
          advance(has);
        } else {
          acknowledged = has; // the registry kept less than it had confirmed: send it again
        }
      } finally {
        response.closeQuietly();
      }
    }

    private void failedWith(TransportException e, URI uri, RetryEvent.Kind kind) {
      // the transfer ended (and aborted the request or closed the source): report why, not that
      scope.check();
      for (Throwable t = e; t != null; t = t.getCause()) {
        if (t instanceof SourceReadFailure source) {
          if (source.getCause() instanceof RegistryException own) {
            throw own; // the source's own error names its host: a resume that gave up, a 404
          }
          throw sourceFailed(source.getCause());
        }
      }
      Throwable cause = e.getCause();
      if (cause != null && !FailureText.isTransient(cause)) {
        throw e; // an unknown host, a failed TLS handshake: another attempt will not help
      }
      boolean unreachable = cause != null && FailureText.isConnectFailure(cause);
      failed(
          kind,
          cause != null ? FailureText.of(cause) : e.detail(),
          Optional.empty(),
          unreachable,
          Optional.of(e),
          host(uri));
    }

    /** Records a failed step on the budget and waits, or throws when the budget is spent. */
    private void failed(
        String reason,
        Optional<Duration> retryAfter,
        boolean unreachable,
        Optional<RuntimeException> failure,
        String host) {
      failed(RetryEvent.Kind.RETRY, reason, retryAfter, unreachable, failure, host);
    }

    /** As above, announcing the next attempt as {@code kind}. */
    private void failed(
        RetryEvent.Kind kind,
        String reason,
        Optional<Duration> retryAfter,
        boolean unreachable,
        Optional<RuntimeException> failure,
        String host) {
      boolean progressed = acknowledged > acknowledgedAtLastFailure;
      acknowledgedAtLastFailure = acknowledged;
      Optional<Duration> wait =
          budget.nextWait(new RetryBudget.Failure(unreachable, progressed, retryAfter));
      if (wait.isEmpty()) {
        String detail =
            subject
                + " failed: "
                + reason
                + (budget.attempts() > 1 ? ", gave up after " + budget.summary() : "");
        TransportException error =
            new TransportException(context().withContactedHost(host), detail, failure.orElse(null));
        throw error;
      }
      try {
        budget.retry(
            kind,
            subject + (acknowledged > 0 ? " at byte " + acknowledged : ""),
            host,
            wait.get(),
            reason,
            failure.map(Throwable.class::cast));
      } catch (java.io.InterruptedIOException e) {
        scope.cancel("interrupted");
        scope.check();
      }
    }

    private void checkCommitted(Response response) {
      Optional<String> answered = response.header("Docker-Content-Digest").map(String::strip);
      if (answered.isPresent() && !answered.get().equals(blob.digest().toString())) {
        throw new DigestMismatchException(
            context().withContactedHost(host(response.uri())),
            "blob committed by the registry",
            blob.digest().toString(),
            answered.get());
      }
    }

    private void cancelQuietly() {
      if (scope.ended()) {
        return; // cancelled: leave at once; an abandoned session expires on the registry
      }
      try {
        transport
            .execute(
                uploadRequest(location)
                    .retryBudget(budget)
                    .method("DELETE")
                    .retriedByCaller() // once: the real error must not wait for this
                    .build())
            .closeQuietly(); // the registry drops the session; its answer does not matter
      } catch (RuntimeException e) {
        // best effort: an abandoned session expires on the registry by itself
      }
    }

    /**
     * A request of this upload. The transfer's scope tracks it while it is in flight, so that the
     * transfer ending (cancelled, or another blob failed) aborts it at once, even while the
     * connection is blocked sending a chunk to a registry that stopped reading.
     */
    private Request.Builder uploadRequest(URI uri) {
      return request(uri, blob.repository(), Phase.UPLOAD).cancellation(scope::register);
    }

    private ErrorContext context() {
      return request(endpoints.uploads(blob.repository()), blob.repository(), Phase.UPLOAD)
          .retryBudget(budget)
          .build()
          .errorContext();
    }
  }

  private static String host(URI uri) {
    return uri == null ? "?" : dev.registryclient.core.transport.Origin.of(uri).hostWithPort();
  }
}
