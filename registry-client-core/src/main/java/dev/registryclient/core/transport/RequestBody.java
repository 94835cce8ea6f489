package dev.registryclient.core.transport;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

/**
 * The content of a request (a manifest or blob upload). A body is opened once per attempt; only a
 * {@linkplain #repeatable() repeatable} body may be sent again after a 401 or a retry.
 *
 * <pre>{@code
 * RequestBody manifest = RequestBody.of(bytes, "application/vnd.oci.image.manifest.v1+json");
 * }</pre>
 */
public interface RequestBody {

  /**
   * The media type, sent as {@code Content-Type}.
   *
   * @return the content type, such as {@code application/octet-stream}
   */
  String contentType();

  /**
   * The length in bytes, or -1 when unknown (sent chunked).
   *
   * @return the length, or -1
   */
  long contentLength();

  /**
   * Whether {@link #open()} may be called more than once.
   *
   * @return whether the content can be read again
   */
  boolean repeatable();

  /**
   * A fresh stream over the content.
   *
   * @return a stream from the first byte; the caller closes it
   * @throws IOException if the content cannot be opened
   */
  InputStream open() throws IOException;

  /**
   * A repeatable body over a byte array (copied).
   *
   * @param content the bytes to send; copied
   * @param contentType the media type, sent as {@code Content-Type}
   * @return a body of known length
   */
  static RequestBody of(byte[] content, String contentType) {
    Objects.requireNonNull(contentType, "contentType");
    byte[] copy = content.clone();
    return new RequestBody() {
      @Override
      public String contentType() {
        return contentType;
      }

      @Override
      public long contentLength() {
        return copy.length;
      }

      @Override
      public boolean repeatable() {
        return true;
      }

      @Override
      public InputStream open() {
        return new ByteArrayInputStream(copy);
      }

      @Override
      public String toString() {
        return "RequestBody[" + contentType + ", " + copy.length + " bytes]";
      }
    };
  }

  /**
   * A repeatable body over {@code length} bytes of {@code buffer} from {@code offset}, <b>not</b>
   * copied: for upload chunks that already sit in a buffer. The caller must not change those bytes
   * until the request that sends them has finished.
   *
   * @param buffer the array holding the bytes
   * @param offset the index of the first byte to send
   * @param length the number of bytes to send
   * @param contentType the media type, sent as {@code Content-Type}
   * @return a body of {@code length} bytes
   * @throws IndexOutOfBoundsException if the range is not within {@code buffer}
   */
  static RequestBody slice(byte[] buffer, int offset, int length, String contentType) {
    Objects.requireNonNull(contentType, "contentType");
    Objects.checkFromIndexSize(offset, length, buffer.length);
    return new RequestBody() {
      @Override
      public String contentType() {
        return contentType;
      }

      @Override
      public long contentLength() {
        return length;
      }

      @Override
      public boolean repeatable() {
        return true;
      }

      @Override
      public InputStream open() {
        return new ByteArrayInputStream(buffer, offset, length);
      }

      @Override
      public String toString() {
        return "RequestBody[" + contentType + ", " + length + " bytes]";
      }
    };
  }
}
