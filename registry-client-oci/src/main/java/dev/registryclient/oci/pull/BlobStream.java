package dev.registryclient.oci.pull;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * An open blob body and where it came from.
 *
 * @param body the bytes; closing this record closes it (aborting the connection if unread)
 * @param contentLength the {@code Content-Length}, when the server sent one
 * @param host the host that served the bytes ({@code host[:port]}), a CDN after a redirect
 * @param redirected whether the registry redirected the request to another origin
 * @param retries why the transport sent the request again before this answer, oldest first
 */
public record BlobStream(
    InputStream body,
    OptionalLong contentLength,
    String host,
    boolean redirected,
    List<String> retries)
    implements Closeable {

  /** Checks for nulls and copies the list. */
  public BlobStream {
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(contentLength, "contentLength");
    Objects.requireNonNull(host, "host");
    retries = List.copyOf(retries);
  }

  /** A stream the transport got on its first attempt. */
  public BlobStream(InputStream body, OptionalLong contentLength, String host, boolean redirected) {
    this(body, contentLength, host, redirected, List.of());
  }

  @Override
  public void close() throws IOException {
    body.close();
  }
}
