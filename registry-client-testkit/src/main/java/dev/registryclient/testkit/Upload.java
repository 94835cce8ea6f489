package dev.registryclient.testkit;

import dev.registryclient.api.Digest;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One blob upload as the {@link TestRegistry} saw it: a session from its {@code POST} to its end,
 * or a cross-repository mount the registry answered 201. {@link TestRegistry#uploads()} lists them
 * in the order they started. Requests the registry answered before handling them (a 401 challenge,
 * a {@link Fault#status} or {@link Fault#tooManyRequests} fault) are not steps of an upload: find
 * them in the {@link Journal}. Blobs a test stores with {@link TestRegistry#pushBlob} or an {@link
 * ImageBuilder} are not uploads.
 *
 * <pre>{@code
 * // copying within one registry moved no blob bytes
 * assertThat(registry.uploads()).allMatch(u -> u.state() == Upload.State.MOUNTED);
 * // the second sync run uploaded nothing
 * registry.journal().clear();
 * sync();
 * assertThat(registry.uploads()).isEmpty();
 * // a cut chunk was resumed where the registry said it stood
 * assertThat(upload.steps()).extracting(Upload.Step::method, Upload.Step::offset)
 *     .containsSubsequence(tuple("PATCH", 0L), tuple("GET", 65536L), tuple("PATCH", 65536L));
 * }</pre>
 *
 * @param repository the repository the blob was uploaded to
 * @param sessionId the session id in the upload's location; empty for a mount answered 201, which
 *     opens no session
 * @param steps the requests the registry handled for this upload, in order
 * @param bytesReceived the body bytes the registry kept for it, over all steps (0 for a mount)
 * @param digest the digest it was committed or mounted under; empty while open, and for uploads
 *     that were cancelled, lost or rejected
 * @param mountedFrom the repository a mount took the blob from; empty unless {@link State#MOUNTED}
 * @param state how it stands or how it ended
 */
public record Upload(
    String repository,
    Optional<String> sessionId,
    List<Step> steps,
    long bytesReceived,
    Optional<Digest> digest,
    Optional<String> mountedFrom,
    State state) {

  /**
   * Copies the steps and checks that nothing is null.
   *
   * @param repository the repository the blob was uploaded to; not null
   * @param sessionId the session id, or empty for a mount; not null
   * @param steps the requests handled for the upload, in order; copied
   * @param bytesReceived the body bytes the registry kept, over all steps
   * @param digest the digest it was committed or mounted under, or empty; not null
   * @param mountedFrom the repository a mount took the blob from, or empty; not null
   * @param state how it stands or how it ended; not null
   */
  public Upload {
    Objects.requireNonNull(repository, "repository");
    Objects.requireNonNull(sessionId, "sessionId");
    steps = List.copyOf(steps);
    Objects.requireNonNull(digest, "digest");
    Objects.requireNonNull(mountedFrom, "mountedFrom");
    Objects.requireNonNull(state, "state");
  }

  /** How an upload stands. */
  public enum State {
    /** The session is open (or was abandoned): more chunks, a status GET or the PUT may follow. */
    OPEN,
    /** A {@code PUT} (or a monolithic {@code POST ?digest=}) committed it under {@link #digest}. */
    COMMITTED,
    /** A {@code POST ?mount=&from=} linked an existing blob: no session, no bytes. */
    MOUNTED,
    /** The client cancelled it with {@code DELETE}. */
    CANCELLED,
    /** The registry lost the session ({@link Fault#loseUploadSession()}). */
    LOST,
    /** The closing request was refused: no or an invalid digest, or content of another digest. */
    REJECTED
  }

  /**
   * One request the registry handled for an upload.
   *
   * @param method the HTTP method: {@code POST}, {@code PATCH}, {@code PUT}, {@code GET} or {@code
   *     DELETE}
   * @param offset how many bytes the session held when the request arrived: where its chunk would
   *     start
   * @param received how many body bytes of this request the session kept (0 for a refused chunk)
   * @param status the status answered, or {@code -1} if the connection was cut ({@link
   *     Fault#cutUploadAfter}) or the registry stalled reading it ({@link Fault#stallUploadAfter})
   */
  public record Step(String method, long offset, long received, int status) {

    /**
     * Checks that the method is given.
     *
     * @param method the HTTP method; not null
     * @param offset how many bytes the session held when the request arrived
     * @param received how many body bytes of this request the session kept
     * @param status the status answered, or {@code -1} if the connection was cut
     */
    public Step {
      Objects.requireNonNull(method, "method");
    }

    /** E.g. {@code PATCH @0 +65536 -> 202}. */
    @Override
    public String toString() {
      return method + " @" + offset + " +" + received + " -> " + status;
    }
  }

  /**
   * E.g. {@code Upload[team/app 1f0c.., COMMITTED sha256:ab.., 131072 bytes, [POST @0 +0 -> 202,
   * ...]]}.
   */
  @Override
  public String toString() {
    return "Upload["
        + repository
        + sessionId.map(id -> " " + id).orElse("")
        + ", "
        + state
        + digest.map(d -> " " + d).orElse("")
        + mountedFrom.map(from -> " from " + from).orElse("")
        + ", "
        + bytesReceived
        + " bytes, "
        + steps
        + "]";
  }
}
