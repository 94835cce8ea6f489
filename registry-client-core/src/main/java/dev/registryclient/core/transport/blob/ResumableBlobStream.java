package dev.registryclient.core.transport.blob;

import dev.registryclient.api.Digest;
import dev.registryclient.api.DigestingInputStream;
import dev.registryclient.api.exception.DigestMismatchException;
import dev.registryclient.api.exception.ErrorContext;
import dev.registryclient.api.exception.InvalidContentException;
import dev.registryclient.api.exception.RegistryException;
import dev.registryclient.core.transport.FailureText;
import dev.registryclient.core.transport.Request;
import dev.registryclient.core.transport.Response;
import dev.registryclient.core.transport.RetryBudget;
import dev.registryclient.core.transport.RetryEvent;
import dev.registryclient.core.transport.RetryListener;
import dev.registryclient.core.transport.Transport;
import dev.registryclient.core.transport.TransportFailure;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A blob body that survives cut connections: when reading fails (reset, premature end, idle-read
 * timeout), it asks its {@link BlobUrlSource} again from the current offset with {@code Range:
 * bytes=N-} (so through the registry, for a fresh signed CDN URL) and carries on. Only a 206 whose
 * {@code Content-Range} starts exactly at N is appended; a 200 (a CDN that ignores {@code Range})
 * or a 206 from elsewhere restarts the body from byte 0 and skips the N bytes already delivered, so
 * a full body is never appended to a partial one.
 *
 * <p>{@link #open} returns the stream wrapped in a {@link DigestingInputStream}: size and digest
 * are checked over every byte the caller receives, across all resumes, and a mismatch throws {@link
 * DigestMismatchException}. This is the entry point for the pull engine:
 *
 * <pre>{@code
 * try (InputStream in = ResumableBlobStream.open(transport, Request.get(blobUri), digest, size)) {
 *   in.transferTo(writer); // resumes as needed; verified at the end
 * }
 * }</pre>
 *
 * <p>Resumes draw on the operation's {@link RetryBudget}, the same one the transport's retries of
 * each request draw on, so a resume that needs retries never multiplies the attempts. A cut after
 * new bytes resumes at once and starts the count afresh; when the budget is spent, a {@code
 * TransportException} names the host, the attempts made and the time taken, with the earlier
 * failures as suppressed. Not thread-safe; one reader.
 */
public final class ResumableBlobStream extends InputStream {
  private static final Logger LOG = LoggerFactory.getLogger(ResumableBlobStream.class);

  private final BlobUrlSource source;
  private final long size;
  private final long end; // exclusive; -1 reads to the end of the blob
  private final String subject;
  private final RetryBudget budget;
  private final List<IOException> failures = new ArrayList<>();
  private Response response;
  private InputStream body;
  private long offset;
  private long offsetAtLastFailure;
  private long toSkip;
  // close() may come from another thread (a cancelled pull) while read() blocks
  private volatile boolean closed;

  private ResumableBlobStream(
      BlobUrlSource source, long size, long from, long end, String subject, RetryBudget budget) {
    this.source = source;
    this.size = size;
    this.offset = from;
    this.offsetAtLastFailure = from;
    this.end = end;
    this.subject = subject;
    this.budget = budget;
  }

  /**
   * Opens a verified, resuming stream over a registry blob, with the request's retry budget or a
   * fresh one from the transport.
   *
   * @param blobGet the registry's {@code GET /v2/<name>/blobs/<digest>}
   * @param size the size from the descriptor, or -1 if unknown
   * @param transport sends the first request and every resume
   * @param digest the blob's digest; the stream fails at its end if the bytes do not match
   * @return a stream of the blob's bytes; the caller closes it
   * @throws RegistryException if the first request fails (not found, denied, unreachable)
   */
  public static InputStream open(Transport transport, Request blobGet, Digest digest, long size) {
    RetryBudget budget =
        blobGet.retryBudget().orElseGet(() -> transport.newRetryBudget(RetryListener.NONE));
    Request get = blobGet.newBuilder().retryBudget(budget).build();
    return open(BlobUrlSource.registry(transport, get), digest, size, get.errorContext(), budget);
  }

  /**
   * Opens a verified, resuming stream over any source.
   *
   * @param context names registry, repository and phase in a digest mismatch
   * @param budget the operation's retries; the source's requests should carry the same one
   * @param source where the bytes come from, for the start and every resume
   * @param digest the blob's digest; the stream fails at its end if the bytes do not match
   * @param size the expected size, or -1 if unknown
   * @return a stream of the blob's bytes; the caller closes it
   */
  public static InputStream open(
      BlobUrlSource source, Digest digest, long size, ErrorContext context, RetryBudget budget) {
    ResumableBlobStream stream = start(source, digest, size, context, budget);
    return new DigestingInputStream(stream, digest, size, context);
  }

  /**
   * Opens a resuming stream that does <b>not</b> check size or digest, for a consumer that already
   * hashes every byte it receives (a {@code BlobStore} writer does), so the bytes are not hashed
   * twice. Verifying is then <b>the caller's responsibility</b>: this stream only guarantees that
   * the bytes it delivers are, in order, the bytes the server sent for offsets 0, 1, 2, ... across
   * resumes; a server that sends wrong bytes is noticed only by the caller's check.
   *
   * <pre>{@code
   * RetryBudget budget = transport.newRetryBudget(RetryListener.NONE);
   * BlobUrlSource source =
   *     BlobUrlSource.registry(transport, blobGet.newBuilder().retryBudget(budget).build());
   * try (InputStream in = ResumableBlobStream.openUnverified(source, digest, size, context, budget);
   *     BlobWriter writer = store.writer(digest, size)) {
   *   in.transferTo(writer);
   *   writer.commit(); // the writer checks size and digest
   * }
   * }</pre>
   *
   * @param digest names the blob in messages and events only
   * @param size the expected size, or -1 if unknown (then an early clean end goes unnoticed)
   * @param source where the bytes come from, for the start and every resume
   * @param context names registry, repository and phase in errors
   * @param budget the operation's retries; the source's requests should carry the same one
   * @return a stream of the blob's bytes; the caller closes it
   */
  public static InputStream openUnverified(
      BlobUrlSource source, Digest digest, long size, ErrorContext context, RetryBudget budget) {
    return start(source, digest, size, context, budget);
  }

  /**
   * Opens the bytes {@code [from, to)} of a blob of {@code size} bytes as a resuming stream that
   * does <b>not</b> verify (like {@link #openUnverified}): one segment of a segmented download. It
   * asks {@code Range: bytes=from-(to-1)}, and a cut connection resumes within the segment, from
   * the registry again, drawing on {@code budget}. Empty when the server does not serve ranges: it
   * answered the first request with 200 (or a 206 for other bytes or another total size); that
   * response is closed, and the caller should fetch the whole blob as one stream instead.
   *
   * <pre>{@code
   * Optional<InputStream> second = ResumableBlobStream.openRange(source, digest, size, half, size,
   *     context, transport.newRetryBudget(listener));
   * }</pre>
   *
   * @param size the blob's size, known from its descriptor
   * @param source where the bytes come from, for the start and every resume
   * @param digest names the blob in messages and events only
   * @param from the first byte's offset
   * @param to the offset after the last byte
   * @param context names registry, repository and phase in errors
   * @param budget the operation's retries; the source's requests should carry the same one
   * @return a stream of the segment's bytes, or empty if the server does not serve ranges
   * @throws IllegalArgumentException unless {@code 0 <= from < to <= size}
   * @throws RegistryException if the first request fails (not found, denied, unreachable)
   */
  public static Optional<InputStream> openRange(
      BlobUrlSource source,
      Digest digest,
      long size,
      long from,
      long to,
      ErrorContext context,
      RetryBudget budget) {
    Objects.requireNonNull(digest, "digest");
    Objects.requireNonNull(context, "context");
    if (from < 0 || to <= from || to > size) {
      throw new IllegalArgumentException(
          "not a byte range of a blob of " + size + " bytes: [" + from + ", " + to + ")");
    }
    ResumableBlobStream stream =
        new ResumableBlobStream(
            Objects.requireNonNull(source, "source"),
            size,
            from,
            to,
            "bytes " + from + "-" + (to - 1) + " of blob " + digest,
            Objects.requireNonNull(budget, "budget"));
    Response first = source.fetch(from, to);
    if (!servesRange(first, from, size)) {
      first.closeQuietly();
      LOG.info(
          "{} answered Range bytes={}-{} with {} {}; the blob comes in one stream",
          first.request().origin(),
          from,
          to - 1,
          first.status(),
          first.header("Content-Range").orElse("and no Content-Range"));
      return Optional.empty();
    }
    stream.accept(first, false);
    return Optional.of(stream);
  }

  private static boolean servesRange(Response answer, long from, long size) {
    if (BodyStart.of(answer) != from || answer.status() != 206) {
      return false;
    }
    return answer
        .header("Content-Range")
        .flatMap(ContentRange::parse)
        .map(r -> r.total().orElse(size) == size)
        .orElse(false);
  }

  private static ResumableBlobStream start(
      BlobUrlSource source, Digest digest, long size, ErrorContext context, RetryBudget budget) {
    Objects.requireNonNull(digest, "digest");
    Objects.requireNonNull(context, "context");
    if (size < -1) {
      throw new IllegalArgumentException("need size >= -1: " + size);
    }
    ResumableBlobStream stream =
        new ResumableBlobStream(
            Objects.requireNonNull(source, "source"),
            size,
            0,
            -1,
            "blob " + digest,
            Objects.requireNonNull(budget, "budget"));
    stream.start(context);
    return stream;
  }

  private void start(ErrorContext context) {
    Response first = source.fetch(0);
    BodyStart.checkLength(first, size, context);
    accept(first, false);
  }

  /** Asks for the bytes from {@code at} on, up to the end of the segment if this is one. */
  private Response fetchFrom(long at) {
    return end < 0 ? source.fetch(at) : source.fetch(at, end);
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] buf, int off, int len) throws IOException {
    Objects.checkFromIndexSize(off, len, buf.length);
    if (closed) {
      throw new IOException("stream closed");
    }
    if (len == 0) {
      return 0;
    }
    long limit = end >= 0 ? end : size;
    if (end >= 0 && offset >= end) {
      return -1; // the segment is complete; the rest of the body (if any) is not ours
    }
    int want = end >= 0 ? (int) Math.min(len, end - offset) : len;
    while (true) {
      try {
        skipDelivered();
        int n = body.read(buf, off, want);
        if (n < 0 && limit >= 0 && offset < limit) {
          throw new IOException("premature end of body at byte " + offset + " of " + limit);
        }
        if (n > 0) {
          offset += n;
        }
        return n;
      } catch (IOException e) {
        if (closed) {
          throw e; // closed under a blocked read: a cancellation, not a cut connection
        }
        resumeAfter(e);
      }
    }
  }

  private void resumeAfter(IOException e) throws IOException {
    Request failed = response.request();
    response.closeQuietly();
    failures.add(e);
    boolean progressed = offset > offsetAtLastFailure;
    offsetAtLastFailure = offset;
    Optional<Duration> wait =
        budget.nextWait(new RetryBudget.Failure(false, progressed, Optional.empty()));
    if (wait.isEmpty()) {
      RegistryException error = TransportFailure.of(failed, e, budget);
      failures.subList(0, failures.size() - 1).forEach(error::addSuppressed);
      throw error;
    }
    budget.retry(
        RetryEvent.Kind.RESUME,
        subject + " at byte " + offset,
        failed.origin().hostWithPort(),
        wait.get(),
        FailureText.of(e),
        Optional.of(e));
    try {
      accept(fetchFrom(offset), false);
      if (closed) {
        response.closeQuietly(); // closed while resuming: close() missed this response
      }
    } catch (RegistryException giveUp) {
      failures.forEach(giveUp::addSuppressed);
      throw giveUp;
    }
  }

  /**
   * Takes a response as the continuation at {@link #offset}. A body starting at 0 (a 200, or a
   * restart) is used after skipping the bytes already delivered; a 206 starting anywhere else is
   * dropped and the body restarted from 0, once.
   */
  private void accept(Response answer, boolean restarted) {
    response = answer;
    long start = BodyStart.of(answer);
    if (start == offset || start == 0) {
      body = answer.body();
      toSkip = offset - start;
      if (toSkip > 0) {
        LOG.info(
            "{} answered Range bytes={}- with the whole body; skipping the bytes already read",
            answer.request().origin(),
            offset);
      }
      return;
    }
    answer.closeQuietly();
    String got = answer.header("Content-Range").orElse("no Content-Range");
    if (restarted) {
      throw new InvalidContentException(
          answer.request().errorContext(),
          "asked for the whole " + subject + " and got a partial answer (" + got + ")");
    }
    LOG.info(
        "{} answered Range bytes={}- with {}; restarting {} from byte 0",
        answer.request().origin(),
        offset,
        got,
        subject);
    accept(fetchFrom(0), true);
  }

  private void skipDelivered() throws IOException {
    if (toSkip == 0) {
      return; // every read comes here: nothing to allocate on the normal path
    }
    byte[] sink = new byte[(int) Math.min(toSkip, 64 * 1024)];
    while (toSkip > 0) {
      int n = body.read(sink, 0, (int) Math.min(sink.length, toSkip));
      if (n < 0) {
        throw new IOException("premature end of body while skipping to byte " + offset);
      }
      toSkip -= n;
    }
  }

  @Override
  public void close() throws IOException {
    if (!closed) {
      closed = true;
      if (response != null) {
        response.close();
      }
    }
  }
}
