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
 * }</pre>
 */
@FunctionalInterface
public interface BlobUrlSource {

  /**
   * Sends the blob GET, asking for the bytes from {@code offset} on ({@code Range: bytes=N-}) when
   * {@code offset > 0}. The caller closes the response.
   *
   * @throws dev.registryclient.api.exception.RegistryException when no response came back
   */
  Response fetch(long offset);

  /** The registry's blob URL sent through {@code transport} (redirects, retries, auth). */
  static BlobUrlSource registry(Transport transport, Request blobGet) {
    Request base = blobGet.newBuilder().removeHeader("Range").build();
    return offset ->
        transport.execute(
            offset > 0
                ? base.newBuilder().setHeader("Range", "bytes=" + offset + "-").build()
                : base);
  }
}
