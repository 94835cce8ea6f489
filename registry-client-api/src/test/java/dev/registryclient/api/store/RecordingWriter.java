package dev.registryclient.api.store;

import dev.registryclient.api.Digest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link VerifyingBlobWriter} whose hooks record their calls and keep the bytes, and can be told
 * to fail, so tests see exactly what the base class does with a store.
 */
final class RecordingWriter extends VerifyingBlobWriter {
  final List<String> calls = new ArrayList<>();
  final ByteArrayOutputStream stored = new ByteArrayOutputStream();
  byte[] published;
  Exception failWrite;
  Exception failPublish;

  RecordingWriter(Digest expected, long expectedSize) {
    super(expected, expectedSize, "store test");
  }

  static RecordingWriter of(byte[] content) {
    return new RecordingWriter(Digest.sha256(content), content.length);
  }

  @Override
  protected void writeBytes(byte[] bytes, int offset, int length) throws IOException {
    calls.add("writeBytes " + length);
    throwIfSet(failWrite);
    stored.write(bytes, offset, length);
  }

  @Override
  protected void publish() throws IOException {
    calls.add("publish");
    throwIfSet(failPublish);
    published = stored.toByteArray();
  }

  @Override
  protected void discard() {
    calls.add("discard");
    stored.reset();
  }

  private static void throwIfSet(Exception failure) throws IOException {
    if (failure instanceof IOException e) {
      throw e;
    }
    if (failure instanceof RuntimeException e) {
      throw e;
    }
  }
}
