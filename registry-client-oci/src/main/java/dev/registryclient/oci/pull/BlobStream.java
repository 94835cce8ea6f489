package dev.registryclient.oci.pull;

import dev.registryclient.api.config.Source;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * An open blob body and where it came from.
 *
 * @param body the bytes; closing this record closes it (aborting the connection if unread)
 * @param contentLength the {@code Content-Length}, when the server sent one
 * @param host the host that served the bytes ({@code host[:port]}), a CDN after a redirect
 * @param redirected whether the registry redirected the request to another origin
 * @param source the mirror or registry it came from, when a registry configuration chose it
 */
public record BlobStream(
    InputStream body,
    OptionalLong contentLength,
    String host,
    boolean redirected,
    Optional<Source> source)
    implements Closeable {

  /** Checks for nulls. */
  public BlobStream {
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(contentLength, "contentLength");
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(source, "source");
  }

  /** A stream from the registry the reference names. */
  public BlobStream(InputStream body, OptionalLong contentLength, String host, boolean redirected) {
    this(body, contentLength, host, redirected, Optional.empty());
  }

  /** This stream as served by {@code from}. */
  public BlobStream from(Source from) {
    return new BlobStream(body, contentLength, host, redirected, Optional.of(from));
  }

  @Override
  public void close() throws IOException {
    body.close();
  }
}
