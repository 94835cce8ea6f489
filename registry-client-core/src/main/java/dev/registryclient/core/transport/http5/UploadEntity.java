package dev.registryclient.core.transport.http5;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.AbstractHttpEntity;

/**
 * A request body streamed from an {@link InputStream} in 64 KiB writes. HttpCore's {@code
 * InputStreamEntity} writes 4 KiB at a time, which for a blob upload means 16 times the write calls
 * (and reads from the source) a large socket buffer needs.
 */
final class UploadEntity extends AbstractHttpEntity {
  private static final int BUFFER = 64 * 1024;

  private final InputStream content;
  private final long length;

  UploadEntity(InputStream content, long length, ContentType type) {
    super(type, null);
    this.content = content;
    this.length = length;
  }

  @Override
  public boolean isRepeatable() {
    return false;
  }

  @Override
  public long getContentLength() {
    return length;
  }

  @Override
  public InputStream getContent() {
    return content;
  }

  @Override
  public void writeTo(OutputStream out) throws IOException {
    byte[] buffer = new byte[BUFFER];
    if (length < 0) {
      for (int n = content.read(buffer); n >= 0; n = content.read(buffer)) {
        out.write(buffer, 0, n);
      }
      return;
    }
    long left = length;
    while (left > 0) {
      int n = content.read(buffer, 0, (int) Math.min(buffer.length, left));
      if (n < 0) {
        break; // the connection notices the short body and fails the request
      }
      out.write(buffer, 0, n);
      left -= n;
    }
  }

  @Override
  public boolean isStreaming() {
    return true;
  }

  @Override
  public void close() throws IOException {
    content.close();
  }
}
