package dev.registryclient.testkit.internal;

import com.sun.net.httpserver.HttpExchange;
import dev.registryclient.api.Digest;
import dev.registryclient.testkit.Fault;
import dev.registryclient.testkit.RecordedRequest.Origin;
import dev.registryclient.testkit.internal.MetadataStore.StoredManifest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code /v2/<name>/manifests/<reference>}: GET/HEAD by tag or digest with {@code Accept}
 * negotiation, PUT, DELETE by digest. A tag may carry manifests of several media types (e.g. schema
 * 1 and schema 2); GET by tag serves the most recently pushed one the client accepts.
 */
public final class ManifestHandler {
  private final ContentStore content;
  private final FaultPlan faults;
  private final boolean referrersApi;

  /**
   * Serves manifests from {@code content}; a PUT of a manifest with a subject answers {@code
   * OCI-Subject} only if {@code referrersApi} is on.
   */
  public ManifestHandler(ContentStore content, FaultPlan faults, boolean referrersApi) {
    this.content = content;
    this.faults = faults;
    this.referrersApi = referrersApi;
  }

  /** Handles a manifest request for {@code repository} and {@code reference}. */
  public void handle(HttpExchange ex, String repository, String reference) throws IOException {
    switch (ex.getRequestMethod()) {
      case "GET", "HEAD" -> get(ex, repository, reference);
      case "PUT" -> put(ex, repository, reference);
      case "DELETE" -> delete(ex, repository, reference);
      default ->
          Exchanges.error(ex, ErrorCode.UNSUPPORTED, ex.getRequestMethod() + " on a manifest");
    }
  }

  private void get(HttpExchange ex, String repository, String reference) throws IOException {
    Optional<StoredManifest> found;
    if (reference.contains(":")) {
      Optional<Digest> digest = parseDigest(ex, reference);
      if (digest.isEmpty()) {
        return;
      }
      found = content.metadata().manifest(repository, digest.get());
    } else {
      List<String> accepted = accepted(ex);
      found =
          content.metadata().tagged(repository, reference).stream()
              .filter(
                  m ->
                      accepted.isEmpty()
                          || accepted.contains(m.mediaType())
                          || accepted.contains("*/*"))
              .findFirst();
    }
    if (found.isEmpty()) {
      Exchanges.error(
          ex, ErrorCode.MANIFEST_UNKNOWN, "unknown manifest " + repository + ":" + reference);
      return;
    }
    StoredManifest m = found.get();
    ex.getResponseHeaders().set("Content-Type", m.mediaType());
    ex.getResponseHeaders().set("Docker-Content-Digest", m.digest().toString());
    ex.getResponseHeaders().set("ETag", "\"" + m.digest() + "\"");
    Optional<Fault> fault =
        Exchanges.isHead(ex)
            ? Optional.empty()
            : faults.takeBodyFault(Exchanges.target(ex, Origin.REGISTRY));
    BodySender.send(ex, 200, new ByteArrayInputStream(m.bytes()), m.bytes().length, fault);
  }

  private void put(HttpExchange ex, String repository, String reference) throws IOException {
    String contentType = ex.getRequestHeaders().getFirst("Content-Type");
    byte[] body;
    try {
      body = Exchanges.readSmallBody(ex);
    } catch (IllegalArgumentException e) {
      Exchanges.error(ex, ErrorCode.SIZE_INVALID, e.getMessage());
      return;
    }
    String mediaType = contentType == null ? null : contentType.split(";")[0].trim();
    if (mediaType == null || mediaType.isEmpty()) {
      Exchanges.error(ex, ErrorCode.MANIFEST_INVALID, "Content-Type is required");
      return;
    }
    boolean byDigest = reference.contains(":");
    StoredManifest stored;
    try {
      stored =
          content.putManifest(
              repository,
              byDigest ? null : reference,
              mediaType,
              body,
              byDigest ? reference : null);
    } catch (ContentStore.RejectedException e) {
      Exchanges.error(ex, e.code(), e.getMessage());
      return;
    }
    var headers = ex.getResponseHeaders();
    headers.set("Location", "/v2/" + repository + "/manifests/" + stored.digest());
    headers.set("Docker-Content-Digest", stored.digest().toString());
    // the header tells a client the registry indexed the subject; without it the client must
    // maintain the referrers tag itself
    if (stored.subject() != null && referrersApi) {
      headers.set("OCI-Subject", stored.subject().toString());
    }
    Exchanges.empty(ex, 201);
  }

  private void delete(HttpExchange ex, String repository, String reference) throws IOException {
    if (!reference.contains(":")) {
      Exchanges.error(ex, ErrorCode.UNSUPPORTED, "delete manifests by digest, not by tag");
      return;
    }
    Optional<Digest> digest = parseDigest(ex, reference);
    if (digest.isEmpty()) {
      return;
    }
    if (content.metadata().deleteManifest(repository, digest.get())) {
      Exchanges.empty(ex, 202);
    } else {
      Exchanges.error(ex, ErrorCode.MANIFEST_UNKNOWN, "unknown manifest " + reference);
    }
  }

  /** The digest, or empty after answering 400 DIGEST_INVALID. */
  static Optional<Digest> parseDigest(HttpExchange ex, String text) throws IOException {
    try {
      return Optional.of(Digest.parse(text));
    } catch (IllegalArgumentException e) {
      Exchanges.error(ex, ErrorCode.DIGEST_INVALID, e.getMessage());
      return Optional.empty();
    }
  }

  private static List<String> accepted(HttpExchange ex) {
    List<String> types = new ArrayList<>();
    for (String header : ex.getRequestHeaders().getOrDefault("Accept", List.of())) {
      for (String part : header.split(",")) {
        String type = part.split(";")[0].trim().toLowerCase(Locale.ROOT);
        if (!type.isEmpty()) {
          types.add(type);
        }
      }
    }
    return types;
  }
}
