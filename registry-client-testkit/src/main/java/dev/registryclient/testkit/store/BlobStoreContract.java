package dev.registryclient.testkit.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.registryclient.api.Digest;
import dev.registryclient.api.exception.BlobNotFoundInStoreException;
import dev.registryclient.api.exception.DigestMismatchException;
import dev.registryclient.api.store.BlobStore;
import dev.registryclient.api.store.BlobWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link BlobStore} must show. Extend it in your tests and implement {@link
 * #newStore()}; override {@link #reopen(BlobStore)} if your store persists across restarts.
 *
 * <pre>{@code
 * class MyStoreContractTest extends BlobStoreContract {
 *   @TempDir Path dir;
 *
 *   @Override
 *   protected BlobStore newStore() {
 *     return new MyStore(dir);
 *   }
 * }
 * }</pre>
 *
 * <p>Every test ends by closing the store ({@link BlobStore#close()}). A store whose writers extend
 * {@code VerifyingBlobWriter} gets the checks on size, digest and writer state right by
 * construction; the contract still tests them, along with publishing, concurrency and persistence.
 *
 * <p>The concurrency cases run writers on plain threads through {@link ConcurrentWriters}; a store
 * that passes them may still need its own multi-process tests.
 */
public abstract class BlobStoreContract {
  /** The store under test, fresh for every test. */
  protected BlobStore store;

  /**
   * A new, empty store. Called once before every test.
   *
   * @return an empty store, owned by the test, which closes it
   */
  protected abstract BlobStore newStore();

  /**
   * The store as it would be after a process restart, e.g. a new instance on the same directory. It
   * may {@link BlobStore#close() close} {@code store} first, as an owner would before a restart,
   * and may be called more than once for the same store. The default returns {@code store} itself,
   * which suits stores that live only in memory.
   *
   * @param store the store the test has been using
   * @return a store on the same data, as a restarted process would open it
   */
  protected BlobStore reopen(BlobStore store) {
    return store;
  }

  /**
   * The size of the streamed large-blob test; 64 MiB unless a store needs it smaller.
   *
   * @return the size in bytes of the blob streamed by the large-blob test
   */
  protected long largeBlobSize() {
    return 64L << 20;
  }

  @BeforeEach
  final void createStore() {
    store = newStore();
  }

  /** The test owns the store, so it closes it, as every owner must. */
  @AfterEach
  final void closeStore() {
    store.close();
  }

  @Test
  void aCommittedBlobReadsBackByteForByte() {
    byte[] content = bytes("hello, blob");
    Digest digest = put(store, content);
    assertArrayEquals(content, read(store, digest));
  }

  @Test
  void existsAndSizeSeeOnlyCommittedBlobs() {
    byte[] content = bytes("sized");
    Digest digest = Digest.sha256(content);
    try (BlobWriter writer = store.writer(digest, content.length)) {
      writer.write(content);
      assertFalse(store.exists(digest), "visible before commit");
      assertEquals(OptionalLong.empty(), store.size(digest));
      writer.commit();
    }
    assertTrue(store.exists(digest));
    assertEquals(OptionalLong.of(content.length), store.size(digest));
  }

  @Test
  void anEmptyBlobIsABlobToo() {
    Digest digest = put(store, new byte[0]);
    assertEquals(OptionalLong.of(0), store.size(digest));
    assertArrayEquals(new byte[0], read(store, digest));
  }

  @Test
  void openingAMissingBlobThrowsBlobNotFoundNamingTheDigest() {
    Digest missing = Digest.sha256(bytes("never written"));
    BlobNotFoundInStoreException e =
        assertThrows(BlobNotFoundInStoreException.class, () -> store.open(missing));
    assertEquals(missing.toString(), e.digest());
    assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
  }

  @Test
  void wrongBytesForADigestAreRejectedAndLeaveNothing() {
    Digest claimed = Digest.sha256(bytes("right"));
    byte[] wrong = bytes("wrong");
    try (BlobWriter writer = store.writer(claimed, wrong.length)) {
      writer.write(wrong);
      DigestMismatchException e = assertThrows(DigestMismatchException.class, writer::commit);
      assertTrue(e.getMessage().contains(claimed.toString()), e.getMessage());
    }
    assertNothingStored();
  }

  @Test
  void contentShorterThanAnnouncedIsRejectedAtCommit() {
    byte[] content = bytes("short");
    try (BlobWriter writer = store.writer(Digest.sha256(content), content.length + 1)) {
      writer.write(content);
      assertThrows(DigestMismatchException.class, writer::commit);
    }
    assertNothingStored();
  }

  @Test
  void contentLongerThanAnnouncedIsRejectedAsSoonAsItOverflows() {
    byte[] content = bytes("too long");
    try (BlobWriter writer = store.writer(Digest.sha256(content), content.length - 1)) {
      assertThrows(DigestMismatchException.class, () -> writer.write(content));
      assertThrows(IllegalStateException.class, writer::commit, "writer must be aborted");
    }
    assertNothingStored();
  }

  @Test
  void abortDiscardsTheBlob() {
    byte[] content = bytes("aborted");
    try (BlobWriter writer = store.writer(Digest.sha256(content), content.length)) {
      writer.write(content);
      writer.abort();
      assertThrows(IllegalStateException.class, writer::commit);
    }
    assertNothingStored();
  }

  @Test
  void closeWithoutCommitDiscardsTheBlob() {
    byte[] content = bytes("closed");
    BlobWriter writer = store.writer(Digest.sha256(content), content.length);
    writer.write(content);
    writer.close();
    writer.close(); // idempotent
    assertNothingStored();
  }

  @Test
  void aWriterCannotBeUsedAfterCommit() {
    byte[] content = bytes("once");
    try (BlobWriter writer = store.writer(Digest.sha256(content), content.length)) {
      writer.write(content);
      writer.commit();
      assertThrows(IllegalStateException.class, writer::commit);
      assertThrows(IllegalStateException.class, () -> writer.write(content));
      writer.abort(); // no effect after commit
    }
    assertTrue(store.exists(Digest.sha256(content)));
  }

  @Test
  void aNegativeExpectedSizeIsRejected() {
    assertThrows(
        IllegalArgumentException.class, () -> store.writer(Digest.sha256(new byte[0]), -1));
  }

  @Test
  void committingAnAlreadyPresentBlobSucceedsAndKeepsIt() {
    byte[] content = bytes("twice");
    Digest digest = put(store, content);
    assertEquals(digest, put(store, content));
    assertArrayEquals(content, read(store, digest));
    assertEquals(Set.of(digest), listed(store));
  }

  @Test
  void wrongBytesForAPresentDigestAreRejectedAndTheBlobSurvives() {
    byte[] content = bytes("original");
    Digest digest = put(store, content);
    byte[] forged = bytes("forged!!");
    try (BlobWriter writer = store.writer(digest, forged.length)) {
      writer.write(forged);
      assertThrows(DigestMismatchException.class, writer::commit);
    }
    assertArrayEquals(content, read(store, digest));
  }

  @Test
  void aLargeBlobStreamsInAndOut() throws IOException {
    GeneratedBlob blob = GeneratedBlob.of(largeBlobSize(), 7);
    try (BlobWriter writer = store.writer(blob.digest(), blob.size());
        InputStream in = blob.open()) {
      assertEquals(blob.size(), writer.transferFrom(in));
      writer.commit();
    }
    assertEquals(OptionalLong.of(blob.size()), store.size(blob.digest()));
    assertEquals(blob.digest(), GeneratedBlob.digestOf(store.open(blob.digest())));
  }

  @Test
  void listShowsExactlyTheCommittedBlobs() {
    Digest a = put(store, bytes("a"));
    Digest b = put(store, bytes("b"));
    try (BlobWriter pending = store.writer(Digest.sha256(bytes("c")), 1)) {
      pending.write(bytes("c"));
      assertEquals(Set.of(a, b), listed(store));
    }
  }

  @Test
  void deleteRemovesTheBlobAndSaysWhetherItWasThere() {
    Digest digest = put(store, bytes("doomed"));
    assertTrue(store.delete(digest));
    assertFalse(store.delete(digest));
    assertFalse(store.exists(digest));
    assertThrows(BlobNotFoundInStoreException.class, () -> store.open(digest));
    assertEquals(Set.of(), listed(store));
  }

  @Test
  void blobsSurviveAReopen() {
    byte[] content = bytes("durable");
    Digest digest = put(store, content);
    try (BlobWriter abandoned = store.writer(Digest.sha256(bytes("x")), 1)) {
      abandoned.write(bytes("x"));
      BlobStore reopened = reopen(store);
      assertArrayEquals(content, read(reopened, digest));
      assertEquals(Set.of(digest), listed(reopened));
    }
  }

  @Test
  void concurrentWritersOfOneDigestAllSucceedAndTheBlobIsIntact() {
    GeneratedBlob blob = GeneratedBlob.of(3 * BlobWriter.TRANSFER_CHUNK + 17, 11);
    ConcurrentWriters.run(8, i -> writeGenerated(store, blob));
    assertEquals(Set.of(blob.digest()), listed(store));
    assertEquals(blob.digest(), GeneratedBlob.digestOf(store.open(blob.digest())));
  }

  @Test
  void concurrentWritersOfDifferentDigestsAllLand() {
    GeneratedBlob[] blobs = new GeneratedBlob[8];
    for (int i = 0; i < blobs.length; i++) {
      blobs[i] = GeneratedBlob.of(100_000 + i, 100 + i);
    }
    ConcurrentWriters.run(blobs.length, i -> writeGenerated(store, blobs[i]));
    Set<Digest> expected = Stream.of(blobs).map(GeneratedBlob::digest).collect(Collectors.toSet());
    assertEquals(expected, listed(store));
    for (GeneratedBlob blob : blobs) {
      assertEquals(blob.digest(), GeneratedBlob.digestOf(store.open(blob.digest())));
    }
  }

  @Test
  void aConcurrentWrongWriterNeitherFailsTheRightOnesNorLeavesItsBytes() {
    GeneratedBlob right = GeneratedBlob.of(200_000, 21);
    GeneratedBlob wrong = GeneratedBlob.of(200_000, 22);
    ConcurrentWriters.run(
        6,
        i -> {
          if (i % 2 == 0) {
            writeGenerated(store, right);
          } else {
            assertThrows(
                DigestMismatchException.class,
                () -> writeAs(store, right.digest(), right.size(), wrong.open()));
          }
        });
    assertEquals(Set.of(right.digest()), listed(store));
    assertEquals(right.digest(), GeneratedBlob.digestOf(store.open(right.digest())));
  }

  // ---- helpers for subclasses -------------------------------------------------------------

  /**
   * Writes {@code content} under its SHA-256 digest and returns the digest.
   *
   * @param store the store to write to
   * @param content the blob's bytes
   * @return the SHA-256 digest of {@code content}, under which it is now committed
   */
  protected static Digest put(BlobStore store, byte[] content) {
    Digest digest = Digest.sha256(content);
    try (BlobWriter writer = store.writer(digest, content.length)) {
      writer.write(content);
      writer.commit();
    }
    return digest;
  }

  /**
   * Streams {@code blob} into {@code store} under its own digest.
   *
   * @param store the store to write to
   * @param blob the generated content to commit
   */
  protected static void writeGenerated(BlobStore store, GeneratedBlob blob) {
    writeAs(store, blob.digest(), blob.size(), blob.open());
  }

  /**
   * Streams {@code content} into {@code store} claiming it is {@code digest} of {@code size}.
   *
   * @param store the store to write to
   * @param digest the digest the writer is opened with, whatever {@code content} really is
   * @param size the size the writer is opened with, in bytes
   * @param content the bytes to stream; closed afterwards
   * @throws dev.registryclient.api.exception.DigestMismatchException if the store rejects the
   *     content for {@code digest} and {@code size}
   * @throws UncheckedIOException if reading {@code content} fails
   */
  protected static void writeAs(BlobStore store, Digest digest, long size, InputStream content) {
    try (BlobWriter writer = store.writer(digest, size);
        InputStream in = content) {
      writer.transferFrom(in);
      writer.commit();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Reads a whole (small) blob.
   *
   * @param store the store to read from
   * @param digest the blob's digest
   * @return the blob's bytes
   * @throws BlobNotFoundInStoreException if the store has no such blob
   */
  protected static byte[] read(BlobStore store, Digest digest) {
    try (InputStream in = store.open(digest)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The listed digests as a set, closing the stream.
   *
   * @param store the store to list
   * @return the digests of the committed blobs
   */
  protected static Set<Digest> listed(BlobStore store) {
    try (Stream<Digest> all = store.list()) {
      return all.collect(Collectors.toSet());
    }
  }

  /**
   * UTF-8 bytes of {@code s}.
   *
   * @param s the text
   * @return its UTF-8 encoding
   */
  protected static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private void assertNothingStored() {
    assertEquals(Set.of(), listed(store), "a failed write left a blob behind");
    assertEquals(Set.of(), listed(reopen(store)), "a failed write left a blob behind after reopen");
  }
}
