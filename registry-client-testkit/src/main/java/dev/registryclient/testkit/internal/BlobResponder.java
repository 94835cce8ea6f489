package dev.registryclient.testkit.internal;

import com.sun.net.httpserver.HttpExchange;
import dev.registryclient.api.Digest;
import dev.registryclient.testkit.Fault;
import dev.registryclient.testkit.RecordedRequest.Origin;
import java.io.IOException;
import java.util.Optional;

/**
 * Serves a stored blob, whole or as a single {@code Range} (206, or 416 with {@code Content-Range:
 * bytes *}/size}), applying a body fault drawn for the request. Shared by the registry and the CDN.
 */
public final class BlobResponder {
  private final DiskBlobStore blobs;
  private final FaultPlan faults;

  /** Serves blobs from {@code blobs} with faults from {@code faults}. */
  public BlobResponder(DiskBlobStore blobs, FaultPlan faults) {
    this.blobs = blobs;
    this.faults = faults;
  }

  /** Answers a GET or HEAD for {@code digest}, which must exist in the store. */
  public void serve(HttpExchange ex, Origin origin, Digest digest, String contentType)
      throws IOException {
    long size = blobs.size(digest);
    var headers = ex.getResponseHeaders();
    headers.set("Content-Type", contentType);
    headers.set("Docker-Content-Digest", digest.toString());
    headers.set("Accept-Ranges", "bytes");
    headers.set("ETag", "\"" + digest + "\"");
    Optional<Fault> fault = Optional.empty();
    if (!Exchanges.isHead(ex)) {
      fault = faults.takeBodyFault(Exchanges.target(ex, origin));
    }
    boolean ignoreRange = fault.map(f -> f.kind() == Fault.Kind.IGNORE_RANGE).orElse(false);
    Optional<ByteRange> range;
    try {
      range =
          ignoreRange
              ? Optional.empty()
              : ByteRange.parse(ex.getRequestHeaders().getFirst("Range"), size);
    } catch (ByteRange.UnsatisfiableException e) {
      headers.set("Content-Range", "bytes */" + size);
      Exchanges.error(ex, 416, ErrorCode.RANGE_INVALID, e.getMessage());
      return;
    }
    if (range.isPresent()) {
      headers.set("Content-Range", range.get().contentRange(size));
      BodySender.sendFile(
          ex, 206, blobs.path(digest), range.get().first(), range.get().length(), fault);
    } else {
      BodySender.sendFile(ex, 200, blobs.path(digest), 0, size, fault);
    }
  }
}
