package dev.registryclient.core.transport.blob;

import dev.registryclient.core.transport.Request;
import dev.registryclient.core.transport.Response;
import dev.registryclient.core.transport.Transport;

/**
 * Where the bytes of one blob come from, asked again for every start and resume. The standard
 * source sends the blob GET to the <em>registry</em> each time, with the registry's credentials, so
 * a redirect yields a fresh signed CDN URL and no signed URL is used beyond one transfer.
 *
 * <pre>{@code
 * BlobUrlSource source = BlobUrlSource.registry(transport, Request.get(blobUri));
 * try (Response r = source.fetch(1024)) { ... } // Range: bytes=1024-
 * try (Response r = source.fetch(1024, 2048)) { ... } // Range: bytes=1024-2047
 * }</pre>
 */
@FunctionalInterface
public interface BlobUrlSource {

  /**
   * Sends the blob GET, asking for the bytes from {@code offset} on ({@code Range: bytes=N-}) when
   * {@code offset > 0}. The caller closes the response.
   *
   * @param offset the first byte wanted, 0 for the whole blob
   * @return the response, whatever its status (206 with {@code Content-Range} for a range)
   * @throws dev.registryclient.api.exception.RegistryException when no response came back
   */
  Response fetch(long offset);

  /**
   * Sends the blob GET for the bytes {@code [offset, end)} only ({@code Range:
   * bytes=offset-(end-1)}), for one segment of a segmented download. The default asks for
   * everything from {@code offset} on; the reader stops at {@code end} and drops the connection.
   *
   * @param offset the first byte wanted
   * @param end the offset after the last byte wanted
   * @return the response, whatever its status (206 with {@code Content-Range} for a range)
   */
  default Response fetch(long offset, long end) {
    return fetch(offset);
  }

  /**
   * The registry's blob URL sent through {@code transport} (redirects, retries, auth).
   *
   * @param transport sends every request
   * @param blobGet the registry's blob GET; any {@code Range} header is removed
   * @return a source that asks the registry each time
   */
  static BlobUrlSource registry(Transport transport, Request blobGet) {
    Request base = blobGet.newBuilder().removeHeader("Range").build();
    return new BlobUrlSource() {
      @Override
      public Response fetch(long offset) {
        return transport.execute(
            offset > 0
                ? base.newBuilder().setHeader("Range", "bytes=" + offset + "-").build()
                : base);
      }

      @Override
      public Response fetch(long offset, long end) {
        return transport.execute(
            base.newBuilder().setHeader("Range", "bytes=" + offset + "-" + (end - 1)).build());
      }
    };
  }
}
