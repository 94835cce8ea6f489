package dev.registryclient.testkit.internal;

import dev.registryclient.api.Digest;
import dev.registryclient.testkit.Upload;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Blob uploads in progress: each a temporary file in the blob store, hashed while appended, with
 * its record in the {@link UploadHistory}.
 */
public final class UploadSessions {

  /** One upload. Appends are serialized; the SHA-256 is updated as bytes arrive. */
  public static final class Session {
    private final String id;
    private final String repository;
    private final Path file;
    private final UploadHistory.Entry record;
    private final MessageDigest sha256 = Digest.Algorithm.SHA256.newMessageDigest();
    private long size;
    private boolean lastChunkShort;

    Session(String id, String repository, Path file, UploadHistory.Entry record) {
      this.id = id;
      this.repository = repository;
      this.file = file;
      this.record = record;
    }

    /** The upload's id, as it appears in its URL. */
    public String id() {
      return id;
    }

    /** The repository it belongs to. */
    public String repository() {
      return repository;
    }

    /** Bytes received so far. */
    public synchronized long size() {
      return size;
    }

    /** Appends all of {@code in} to the upload; returns how many bytes that was. */
    public long append(InputStream in) throws IOException {
      return append(in, Long.MAX_VALUE);
    }

    /** Appends at most {@code limit} bytes of {@code in}; returns how many bytes that was. */
    public synchronized long append(InputStream in, long limit) throws IOException {
      long appended = 0;
      try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.APPEND)) {
        byte[] buf = new byte[64 * 1024];
        int n;
        while (appended < limit
            && (n = in.read(buf, 0, (int) Math.min(buf.length, limit - appended))) > 0) {
          out.write(buf, 0, n);
          sha256.update(buf, 0, n);
          appended += n;
        }
      } finally {
        size += appended;
      }
      return appended;
    }

    /**
     * Whether the last chunk was shorter than the registry's minimum, which only the final chunk
     * may be.
     */
    public synchronized boolean lastChunkShort() {
      return lastChunkShort;
    }

    /** Remembers whether the chunk just appended was shorter than the registry's minimum. */
    public synchronized void lastChunkShort(boolean isShort) {
      lastChunkShort = isShort;
    }

    /** Records a request handled for this upload (see {@link Upload.Step}). */
    public void step(String method, long offset, long received, int status) {
      record.step(method, offset, received, status);
    }

    /** The digest of the content so far, computed with {@code algorithm}. */
    synchronized Digest digest(Digest.Algorithm algorithm) throws IOException {
      if (algorithm == Digest.Algorithm.SHA256) {
        try {
          return Digest.fromBytes(algorithm, ((MessageDigest) sha256.clone()).digest());
        } catch (CloneNotSupportedException e) {
          // fall through to re-reading the file
        }
      }
      MessageDigest md = algorithm.newMessageDigest();
      try (InputStream in = Files.newInputStream(file)) {
        byte[] buf = new byte[64 * 1024];
        int n;
        while ((n = in.read(buf)) > 0) {
          md.update(buf, 0, n);
        }
      }
      return Digest.fromBytes(algorithm, md.digest());
    }
  }

  private final Map<String, Session> sessions = new ConcurrentHashMap<>();
  private final DiskBlobStore blobs;
  private final UploadHistory history;

  /** Uploads stored as temporary files of {@code blobs}, recorded in {@code history}. */
  public UploadSessions(DiskBlobStore blobs, UploadHistory history) {
    this.blobs = blobs;
    this.history = history;
  }

  /** Starts an upload into {@code repository}. */
  public Session start(String repository) {
    String id = UUID.randomUUID().toString();
    Session s = new Session(id, repository, blobs.newTempFile(), history.open(repository, id));
    sessions.put(s.id(), s);
    return s;
  }

  /** Records a cross-repository mount, which needs no session. */
  public void mounted(String repository, Digest digest, String from) {
    history.mounted(repository, digest, from);
  }

  /** The upload with this id in this repository. */
  public Optional<Session> find(String repository, String id) {
    Session s = sessions.get(id);
    return s != null && s.repository().equals(repository) ? Optional.of(s) : Optional.empty();
  }

  /**
   * Finishes an upload: if its content has digest {@code expected}, moves it into the store and
   * returns true; either way the session ends (committed or rejected).
   */
  public boolean complete(Session session, Digest expected) throws IOException {
    sessions.remove(session.id());
    synchronized (session) {
      if (!session.digest(expected.algorithm()).equals(expected)) {
        Files.deleteIfExists(session.file);
        session.record.end(Upload.State.REJECTED, null);
        return false;
      }
      blobs.adopt(session.file, expected);
      session.record.end(Upload.State.COMMITTED, expected);
      return true;
    }
  }

  /** Ends an upload without storing it: {@code CANCELLED}, {@code LOST} or {@code REJECTED}. */
  public void discard(Session session, Upload.State ended) throws IOException {
    sessions.remove(session.id());
    synchronized (session) {
      Files.deleteIfExists(session.file);
      session.record.end(ended, null);
    }
  }
}
