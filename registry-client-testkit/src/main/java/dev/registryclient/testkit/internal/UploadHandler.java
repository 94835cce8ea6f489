package dev.registryclient.testkit.internal;

import com.sun.net.httpserver.HttpExchange;
import dev.registryclient.api.Digest;
import dev.registryclient.testkit.Fault;
import dev.registryclient.testkit.RecordedRequest.Origin;
import dev.registryclient.testkit.Upload;
import dev.registryclient.testkit.internal.UploadSessions.Session;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code /v2/<name>/blobs/uploads/[<id>]}: POST (start, monolithic with {@code ?digest=}, or
 * cross-repository mount with {@code ?mount=&from=}), PATCH (chunks, checked against {@code
 * Content-Range} and the minimum chunk length), PUT with {@code ?digest=} (finish), GET (status)
 * and DELETE (cancel). Draws the upload faults: a cut or stalled request body and a lost session.
 */
public final class UploadHandler {
  private static final Pattern CONTENT_RANGE = Pattern.compile("(?:bytes )?(\\d+)-(\\d+)(?:/.*)?");

  private final ContentStore content;
  private final UploadSessions sessions;
  private final FaultPlan faults;
  private final RegistryConfig.UploadRules rules;

  /** Uploads into {@code content} by {@code rules}, with faults from {@code faults}. */
  public UploadHandler(
      ContentStore content,
      UploadSessions sessions,
      FaultPlan faults,
      RegistryConfig.UploadRules rules) {
    this.content = content;
    this.sessions = sessions;
    this.faults = faults;
    this.rules = rules;
  }

  /**
   * Handles an upload request; {@code id} is empty for POST. {@code mayMount} says whether the
   * client may pull the source of a mount it asks for.
   */
  public void handle(HttpExchange ex, String repository, String id, boolean mayMount)
      throws IOException {
    String method = ex.getRequestMethod();
    if (method.equals("POST") && id.isEmpty()) {
      start(ex, repository, mayMount);
      return;
    }
    Optional<Session> found = sessions.find(repository, id);
    if (found.isEmpty()) {
      Exchanges.error(ex, ErrorCode.BLOB_UPLOAD_UNKNOWN, "unknown upload " + id);
      return;
    }
    Session session = found.get();
    if (takeFault(ex, Fault.Kind.LOSE_UPLOAD_SESSION).isPresent()) {
      session.step(method, session.size(), 0, ErrorCode.BLOB_UPLOAD_UNKNOWN.status());
      sessions.discard(session, Upload.State.LOST);
      Exchanges.error(ex, ErrorCode.BLOB_UPLOAD_UNKNOWN, "upload " + id + " was lost (fault)");
      return;
    }
    switch (method) {
      case "PATCH" -> patch(ex, session);
      case "PUT" -> finish(ex, session);
      case "GET" -> status(ex, session, "GET", session.size(), 0, 204);
      case "DELETE" -> {
        session.step("DELETE", session.size(), 0, 204);
        sessions.discard(session, Upload.State.CANCELLED);
        Exchanges.empty(ex, 204);
      }
      default -> Exchanges.error(ex, ErrorCode.UNSUPPORTED, method + " on an upload");
    }
  }

  private void start(HttpExchange ex, String repository, boolean mayMount) throws IOException {
    Map<String, String> query = Exchanges.query(ex);
    String mount = query.get("mount");
    String from = query.get("from");
    if (mount != null
        && from != null
        && mayMount
        && !rules.ignoreMounts()
        && Digest.isValid(mount)) {
      Digest digest = Digest.parse(mount);
      if (content.metadata().hasBlob(from, digest)) {
        content.metadata().linkBlob(repository, digest);
        sessions.mounted(repository, digest, from);
        created(ex, repository, digest);
        return;
      }
    }
    Session session = sessions.start(repository);
    if (query.containsKey("digest")) {
      long received = receive(ex, session, "POST");
      finishWith(ex, session, "POST", 0, received, query.get("digest"));
      return;
    }
    if (rules.chunkMinLength() > 0) {
      ex.getResponseHeaders().set("OCI-Chunk-Min-Length", Long.toString(rules.chunkMinLength()));
    }
    status(ex, session, "POST", 0, 0, 202);
  }

  private void patch(HttpExchange ex, Session session) throws IOException {
    long offset = session.size();
    if (refusedOutOfOrder(ex, session, "PATCH", offset)) {
      return;
    }
    long received = receive(ex, session, "PATCH");
    session.lastChunkShort(received > 0 && received < rules.chunkMinLength());
    status(ex, session, "PATCH", offset, received, 202);
  }

  private void finish(HttpExchange ex, Session session) throws IOException {
    long offset = session.size();
    if (refusedOutOfOrder(ex, session, "PUT", offset)) {
      return;
    }
    long received = receive(ex, session, "PUT");
    finishWith(ex, session, "PUT", offset, received, Exchanges.query(ex).get("digest"));
  }

  /**
   * Answers 416 to a chunk that does not start where the upload stands, and, with a minimum chunk
   * length, to any chunk after one shorter than the minimum: that one had to be the last (the spec
   * lets only the final chunk be shorter, and a registry cannot tell a short final PATCH from a
   * short chunk in the middle until another chunk follows it).
   */
  private boolean refusedOutOfOrder(HttpExchange ex, Session session, String method, long offset)
      throws IOException {
    String range = ex.getRequestHeaders().getFirst("Content-Range");
    String problem = null;
    if (range != null) {
      Matcher m = CONTENT_RANGE.matcher(range.trim());
      if (!m.matches() || !String.valueOf(offset).equals(m.group(1))) {
        problem = "expected a chunk starting at " + offset + ", got Content-Range " + range;
      }
    }
    if (problem == null && session.lastChunkShort() && carriesBody(ex)) {
      problem =
          "the previous chunk was shorter than OCI-Chunk-Min-Length "
              + rules.chunkMinLength()
              + ", so it had to be the last one";
    }
    if (problem == null) {
      return false;
    }
    session.step(method, offset, 0, ErrorCode.RANGE_INVALID.status());
    uploadHeaders(ex, session);
    Exchanges.error(ex, ErrorCode.RANGE_INVALID, problem);
    return true;
  }

  private static boolean carriesBody(HttpExchange ex) {
    String length = ex.getRequestHeaders().getFirst("Content-Length");
    return length != null
        ? !length.trim().equals("0")
        : ex.getRequestHeaders().containsKey("Transfer-Encoding");
  }

  /**
   * Reads the request body into the session, or, if a {@link Fault#cutUploadAfter} fault applies,
   * only its first bytes and then cuts the connection without answering.
   */
  private long receive(HttpExchange ex, Session session, String method) throws IOException {
    Optional<Fault> stall = takeFault(ex, Fault.Kind.STALL_UPLOAD_AFTER);
    if (stall.isPresent()) {
      stall(ex, session, method, stall.get().amount());
    }
    Optional<Fault> cut = takeFault(ex, Fault.Kind.CUT_UPLOAD_AFTER);
    if (cut.isEmpty()) {
      return session.append(ex.getRequestBody());
    }
    long offset = session.size();
    long kept = session.append(ex.getRequestBody(), cut.get().amount());
    session.step(method, offset, kept, -1);
    if (!ResettingPort.resetWhenServerCloses(ex)) {
      throw new IllegalStateException("no resetting port in front of " + ex.getLocalAddress());
    }
    // the JDK server closes the connection when a handler fails before answering
    throw new BodySender.ConnectionCutException(
        "test registry fault: upload cut after " + kept + " request body bytes");
  }

  /**
   * Reads the first {@code bytes} of the body into the session, then stops reading (a {@link
   * Fault#stallUploadAfter} fault) until the registry closes, which interrupts this thread.
   */
  private static void stall(HttpExchange ex, Session session, String method, long bytes)
      throws IOException {
    long offset = session.size();
    long kept = session.append(ex.getRequestBody(), bytes);
    session.step(method, offset, kept, -1);
    try {
      Thread.sleep(Long.MAX_VALUE); // the client's bytes pile up in the socket buffers
    } catch (InterruptedException closing) {
      Thread.currentThread().interrupt();
    }
    // the JDK server closes the connection when a handler fails before answering
    throw new BodySender.ConnectionCutException(
        "test registry fault: upload stalled after " + kept + " request body bytes");
  }

  private Optional<Fault> takeFault(HttpExchange ex, Fault.Kind kind) {
    return faults.takeUploadFault(Exchanges.target(ex, Origin.REGISTRY), kind);
  }

  private void finishWith(
      HttpExchange ex, Session session, String method, long offset, long received, String digest)
      throws IOException {
    if (digest == null || !Digest.isValid(digest)) {
      session.step(method, offset, received, ErrorCode.DIGEST_INVALID.status());
      sessions.discard(session, Upload.State.REJECTED);
      Exchanges.error(ex, ErrorCode.DIGEST_INVALID, "a valid ?digest= is required, got " + digest);
      return;
    }
    Digest expected = Digest.parse(digest);
    if (!sessions.complete(session, expected)) {
      session.step(method, offset, received, ErrorCode.DIGEST_INVALID.status());
      Exchanges.error(ex, ErrorCode.DIGEST_INVALID, "content does not have digest " + expected);
      return;
    }
    session.step(method, offset, received, 201);
    content.metadata().linkBlob(session.repository(), expected);
    created(ex, session.repository(), expected);
  }

  private static void created(HttpExchange ex, String repository, Digest digest)
      throws IOException {
    ex.getResponseHeaders().set("Location", "/v2/" + repository + "/blobs/" + digest);
    ex.getResponseHeaders().set("Docker-Content-Digest", digest.toString());
    Exchanges.empty(ex, 201);
  }

  private static void status(
      HttpExchange ex, Session session, String method, long offset, long received, int code)
      throws IOException {
    session.step(method, offset, received, code);
    uploadHeaders(ex, session);
    Exchanges.empty(ex, code);
  }

  private static void uploadHeaders(HttpExchange ex, Session session) {
    var headers = ex.getResponseHeaders();
    headers.set("Location", "/v2/" + session.repository() + "/blobs/uploads/" + session.id());
    headers.set("Range", rangeHeader(session));
    headers.set("Docker-Upload-UUID", session.id());
  }

  // distribution reports an empty upload as 0-0 too
  private static String rangeHeader(Session session) {
    return "0-" + Math.max(0, session.size() - 1);
  }
}
