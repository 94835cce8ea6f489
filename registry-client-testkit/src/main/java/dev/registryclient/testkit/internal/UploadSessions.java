package dev.registryclient.testkit.internal;

import dev.registryclient.api.Digest;
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

/** Blob uploads in progress: each a temporary file in the blob store, hashed while appended. */
public final class UploadSessions {

  /** One upload. Appends are serialized; the SHA-256 is updated as bytes arrive. */
  public static final class Session {
    private final String id;
    private final String repository;
    private final Path file;
    private final MessageDigest sha256 = Digest.Algorithm.SHA256.newMessageDigest();
    private long size;

    Session(String id, String repository, Path file) {
      this.id = id;
      this.repository = repository;
      this.file = file;
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

    /** Appends {@code in} to the upload. */
    public synchronized void append(InputStream in) throws IOException {
      try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.APPEND)) {
        byte[] buf = new byte[64 * 1024];
        int n;
        while ((n = in.read(buf)) > 0) {
          out.write(buf, 0, n);
          sha256.update(buf, 0, n);
          size += n;
        }
      }
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

  /** Uploads stored as temporary files of {@code blobs}. */
  public UploadSessions(DiskBlobStore blobs) {
    this.blobs = blobs;
  }

  /** Starts an upload into {@code repository}. */
  public Session start(String repository) {
    Session s = new Session(UUID.randomUUID().toString(), repository, blobs.newTempFile());
    sessions.put(s.id(), s);
    return s;
  }

  /** The upload with this id in this repository. */
  public Optional<Session> find(String repository, String id) {
    Session s = sessions.get(id);
    return s != null && s.repository().equals(repository) ? Optional.of(s) : Optional.empty();
  }

  /**
   * Finishes an upload: if its content has digest {@code expected}, moves it into the store and
   * returns true; either way the session ends.
   */
  public boolean complete(Session session, Digest expected) throws IOException {
    sessions.remove(session.id());
    synchronized (session) {
      if (!session.digest(expected.algorithm()).equals(expected)) {
        Files.deleteIfExists(session.file);
        return false;
      }
      blobs.adopt(session.file, expected);
      return true;
    }
  }

  /** Abandons an upload. */
  public void cancel(Session session) throws IOException {
    sessions.remove(session.id());
    Files.deleteIfExists(session.file);
  }
}
