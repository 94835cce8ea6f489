package dev.registryclient.oci.pull;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * An open blob body and where it came from.
 *
 * @param body the bytes; closing this record closes it (aborting the connection if unread)
 * @param contentLength the {@code Content-Length}, when the server sent one
 * @param host the host that served the bytes ({@code host[:port]}), a CDN after a redirect
 * @param redirected whether the registry redirected the request to another origin
 */
public record BlobStream(
    InputStream body, OptionalLong contentLength, String host, boolean redirected)
    implements Closeable {

  /** Checks for nulls. */
  public BlobStream {
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(contentLength, "contentLength");
    Objects.requireNonNull(host, "host");
  }

  @Override
  public void close() throws IOException {
    body.close();
  }
}
