package dev.registryclient.testkit.internal;

import com.sun.net.httpserver.HttpExchange;
import dev.registryclient.api.Digest;
import dev.registryclient.testkit.internal.UploadSessions.Session;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code /v2/<name>/blobs/uploads/[<id>]}: POST (start, monolithic with {@code ?digest=}, or
 * cross-repository mount with {@code ?mount=&from=}), PATCH (chunks, checked against {@code
 * Content-Range}), PUT with {@code ?digest=} (finish), GET (status) and DELETE (cancel).
 */
public final class UploadHandler {
  private static final Pattern CONTENT_RANGE = Pattern.compile("(?:bytes )?(\\d+)-(\\d+)(?:/.*)?");

  private final ContentStore content;
  private final UploadSessions sessions;

  /** Uploads into {@code content}. */
  public UploadHandler(ContentStore content, UploadSessions sessions) {
    this.content = content;
    this.sessions = sessions;
  }

  /** Handles an upload request; {@code id} is empty for POST. */
  public void handle(HttpExchange ex, String repository, String id) throws IOException {
    String method = ex.getRequestMethod();
    if (method.equals("POST") && id.isEmpty()) {
      start(ex, repository);
      return;
    }
    Optional<Session> session = sessions.find(repository, id);
    if (session.isEmpty()) {
      Exchanges.error(ex, ErrorCode.BLOB_UPLOAD_UNKNOWN, "unknown upload " + id);
      return;
    }
    switch (method) {
      case "PATCH" -> patch(ex, session.get());
      case "PUT" -> finish(ex, session.get());
      case "GET" -> status(ex, session.get(), 204);
      case "DELETE" -> {
        sessions.cancel(session.get());
        Exchanges.empty(ex, 204);
      }
      default -> Exchanges.error(ex, ErrorCode.UNSUPPORTED, method + " on an upload");
    }
  }

  private void start(HttpExchange ex, String repository) throws IOException {
    Map<String, String> query = Exchanges.query(ex);
    String mount = query.get("mount");
    String from = query.get("from");
    if (mount != null && from != null && Digest.isValid(mount)) {
      Digest digest = Digest.parse(mount);
      if (content.metadata().hasBlob(from, digest)) {
        content.metadata().linkBlob(repository, digest);
        created(ex, repository, digest);
        return;
      }
    }
    Session session = sessions.start(repository);
    if (query.containsKey("digest")) {
      session.append(ex.getRequestBody());
      finishWith(ex, session, query.get("digest"));
      return;
    }
    status(ex, session, 202);
  }

  private void patch(HttpExchange ex, Session session) throws IOException {
    String range = ex.getRequestHeaders().getFirst("Content-Range");
    if (range != null) {
      Matcher m = CONTENT_RANGE.matcher(range.trim());
      if (!m.matches() || !String.valueOf(session.size()).equals(m.group(1))) {
        ex.getResponseHeaders().set("Range", rangeHeader(session));
        Exchanges.error(
            ex, ErrorCode.RANGE_INVALID, "expected a chunk starting at " + session.size());
        return;
      }
    }
    session.append(ex.getRequestBody());
    status(ex, session, 202);
  }

  private void finish(HttpExchange ex, Session session) throws IOException {
    session.append(ex.getRequestBody());
    finishWith(ex, session, Exchanges.query(ex).get("digest"));
  }

  private void finishWith(HttpExchange ex, Session session, String digestText) throws IOException {
    if (digestText == null || !Digest.isValid(digestText)) {
      sessions.cancel(session);
      Exchanges.error(
          ex, ErrorCode.DIGEST_INVALID, "a valid ?digest= is required, got " + digestText);
      return;
    }
    Digest digest = Digest.parse(digestText);
    if (!sessions.complete(session, digest)) {
      Exchanges.error(ex, ErrorCode.DIGEST_INVALID, "content does not have digest " + digest);
      return;
    }
    content.metadata().linkBlob(session.repository(), digest);
    created(ex, session.repository(), digest);
  }

  private static void created(HttpExchange ex, String repository, Digest digest)
      throws IOException {
    ex.getResponseHeaders().set("Location", "/v2/" + repository + "/blobs/" + digest);
    ex.getResponseHeaders().set("Docker-Content-Digest", digest.toString());
    Exchanges.empty(ex, 201);
  }

  private static void status(HttpExchange ex, Session session, int code) throws IOException {
    var headers = ex.getResponseHeaders();
    headers.set("Location", "/v2/" + session.repository() + "/blobs/uploads/" + session.id());
    headers.set("Range", rangeHeader(session));
    headers.set("Docker-Upload-UUID", session.id());
    Exchanges.empty(ex, code);
  }

  // distribution reports an empty upload as 0-0 too
  private static String rangeHeader(Session session) {
    return "0-" + Math.max(0, session.size() - 1);
  }
}
