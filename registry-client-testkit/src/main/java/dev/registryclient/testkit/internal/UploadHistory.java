package dev.registryclient.testkit.internal;

import dev.registryclient.api.Digest;
import dev.registryclient.testkit.Upload;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Every upload the registry handled, open or ended, in the order they started: what {@code
 * TestRegistry.uploads()} reports. Thread-safe; each entry is updated by the request handling it.
 */
public final class UploadHistory {

  /** One upload's record, updated as its requests are handled. */
  public static final class Entry {
    private final String repository;
    private final String sessionId;
    private final String mountedFrom;
    private final List<Upload.Step> steps = new ArrayList<>();
    private long bytesReceived;
    private Upload.State state = Upload.State.OPEN;
    private Digest digest;

    private Entry(String repository, String sessionId, String mountedFrom) {
      this.repository = repository;
      this.sessionId = sessionId;
      this.mountedFrom = mountedFrom;
    }

    /** Records a request handled for the upload. */
    public synchronized void step(String method, long offset, long received, int status) {
      steps.add(new Upload.Step(method, offset, received, status));
      bytesReceived += received;
    }

    /** Records how the upload ended; {@code committedAs} is null unless it was committed. */
    public synchronized void end(Upload.State ended, Digest committedAs) {
      state = ended;
      digest = committedAs;
    }

    synchronized boolean isOpen() {
      return state == Upload.State.OPEN;
    }

    synchronized Upload snapshot() {
      return new Upload(
          repository,
          Optional.ofNullable(sessionId),
          steps,
          bytesReceived,
          Optional.ofNullable(digest),
          Optional.ofNullable(mountedFrom),
          state);
    }
  }

  private final List<Entry> entries = new CopyOnWriteArrayList<>();

  /** Starts the record of an upload session. */
  public Entry open(String repository, String sessionId) {
    Entry entry = new Entry(repository, sessionId, null);
    entries.add(entry);
    return entry;
  }

  /** Records a mount answered 201: no session, no bytes. */
  public void mounted(String repository, Digest digest, String from) {
    Entry entry = new Entry(repository, null, from);
    entry.step("POST", 0, 0, 201);
    entry.end(Upload.State.MOUNTED, digest);
    entries.add(entry);
  }

  /** The uploads as they stand now. */
  public List<Upload> snapshot() {
    return entries.stream().map(Entry::snapshot).toList();
  }

  /** Forgets the uploads that ended; open ones stay, as their sessions may still continue. */
  public void forgetEnded() {
    entries.removeIf(e -> !e.isOpen());
  }
}
