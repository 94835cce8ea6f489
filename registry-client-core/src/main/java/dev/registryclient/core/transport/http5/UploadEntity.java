package dev.registryclient.core.transport.http5;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.AbstractHttpEntity;

/**
 * A request body streamed from an {@link InputStream} in 64 KiB writes. HttpCore's {@code
 * InputStreamEntity} writes 4 KiB at a time, which for a blob upload means 16 times the write calls
 * (and reads from the source) a large socket buffer needs. It tells the engine before each write
 * and after the last, so a slow upload is judged by its silences, not by its length.
 */
final class UploadEntity extends AbstractHttpEntity {
  private static final int BUFFER = 64 * 1024;

  private final InputStream content;
  private final long length;
  private final Runnable writing;
  private final Runnable written;

  /**
   * @param writing called before each write (the engine re-arms its idle timeout)
   * @param written called once the body is sent (the wait for the answer begins)
   */
  UploadEntity(
      InputStream content, long length, ContentType type, Runnable writing, Runnable written) {
    super(type, null);
    this.content = content;
    this.length = length;
    this.writing = writing;
    this.written = written;
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
    long left = length < 0 ? Long.MAX_VALUE : length;
    while (left > 0) {
      writing.run(); // reading a streamed source counts as progress too
      int n = content.read(buffer, 0, (int) Math.min(buffer.length, left));
      if (n < 0) {
        break; // unknown length: the end; known: the connection notices the short body
      }
      writing.run();
      out.write(buffer, 0, n);
      left -= n;
    }
    out.flush();
    written.run();
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
