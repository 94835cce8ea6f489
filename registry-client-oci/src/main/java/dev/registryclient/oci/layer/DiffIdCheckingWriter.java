package dev.registryclient.oci.layer;

import dev.registryclient.api.Digest;
import dev.registryclient.api.client.DiffIdCheck;
import dev.registryclient.api.exception.DiffIdMismatchException;
import dev.registryclient.api.exception.ErrorContext;
import dev.registryclient.api.store.BlobWriter;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A {@link BlobWriter} that also digests the layer's uncompressed content as the bytes pass
 * through, and on {@link #commit()} compares it with the config's diff_id. The store's writer
 * commits first: the blob's own digest is the stronger check and is reported first (a blob cut in
 * transit is a transfer failure, not a bad layer). Then a diff_id mismatch, or content that does
 * not decompress, throws {@link DiffIdMismatchException}; the blob stays in the store, where it is
 * valid content under its digest, but the pull stops before any manifest names it.
 *
 * <pre>{@code
 * BlobWriter w = new DiffIdCheckingWriter(store.writer(digest, size), expected, context,
 *     check -> checks.put(digest, check));
 * }</pre>
 */
public final class DiffIdCheckingWriter implements BlobWriter {
  private final BlobWriter store;
  private final ExpectedDiffId expected;
  private final ErrorContext context;
  private final Consumer<DiffIdCheck> onVerified;
  private final UncompressedDigest uncompressed;

  /**
   * @param store the writer that stores (and checks) the compressed blob
   * @param expected what the config says the layer decompresses to
   * @param context where the layer came from, for the exception
   * @param onVerified told once the diff_id matched
   */
  public DiffIdCheckingWriter(
      BlobWriter store,
      ExpectedDiffId expected,
      ErrorContext context,
      Consumer<DiffIdCheck> onVerified) {
    this.store = store;
    this.expected = expected;
    this.context = context;
    this.onVerified = onVerified;
    this.uncompressed = UncompressedDigest.start(expected.compression());
  }

  @Override
  public Digest expectedDigest() {
    return store.expectedDigest();
  }

  @Override
  public long expectedSize() {
    return store.expectedSize();
  }

  @Override
  public void write(byte[] bytes, int offset, int length) {
    store.write(bytes, offset, length);
    uncompressed.update(bytes, offset, length);
  }

  @Override
  public long bytesWritten() {
    return store.bytesWritten();
  }

  @Override
  public void commit() {
    store.commit();
    Digest actual;
    try {
      actual = uncompressed.finish();
    } catch (CorruptLayerException e) {
      throw mismatch(Optional.empty(), expected.compression().label() + ": " + e.getMessage());
    } finally {
      uncompressed.close();
    }
    if (!actual.equals(expected.diffId())) {
      throw mismatch(Optional.of(actual), "");
    }
    onVerified.accept(DiffIdCheck.verified(actual, expected.compression().label()));
  }

  private DiffIdMismatchException mismatch(Optional<Digest> actual, String problem) {
    return new DiffIdMismatchException(
        context, expected.image(), store.expectedDigest(), expected.diffId(), actual, problem);
  }

  @Override
  public void abort() {
    try {
      store.abort();
    } finally {
      uncompressed.close();
    }
  }

  @Override
  public void close() {
    try {
      store.close();
    } finally {
      uncompressed.close();
    }
  }
}
