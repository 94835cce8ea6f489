package dev.registryclient.testkit.internal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Routes {@code /v2/...} to the handler of each concern after checking authorization for the scope
 * the request needs ({@code pull} to read, {@code pull,push} to write, {@code delete} to delete). A
 * cross-repository mount also needs {@code pull} on its source, as in distribution, unless the
 * registry ignores mounts or is set to answer a mount it may not make with a new upload.
 */
public final class RegistryHandler implements HttpHandler {
  // the spec's repository name grammar
  private static final Pattern NAME =
      Pattern.compile(
          "[a-z0-9]+(?:(?:\\.|_|__|-+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:\\.|_|__|-+)[a-z0-9]+)*)*");
  private static final Pattern MANIFEST = RegistryPaths.MANIFEST;
  private static final Pattern UPLOAD = RegistryPaths.UPLOAD;
  private static final Pattern BLOB = RegistryPaths.BLOB;
  private static final Pattern TAGS = RegistryPaths.TAGS;

  private final RegistryAuth auth;
  private final ManifestHandler manifests;
  private final BlobHandler blobs;
  private final UploadHandler uploads;
  private final ListingHandler listings;
  private final ReferrersHandler referrers;
  private final SignatureApiHandler signatures;
  private final RegistryConfig.UploadRules uploadRules;

  /** A router over the given handlers; {@code signatures} is null without the API extension. */
  public RegistryHandler(
      RegistryAuth auth,
      ManifestHandler manifests,
      BlobHandler blobs,
      UploadHandler uploads,
      ListingHandler listings,
      ReferrersHandler referrers,
      SignatureApiHandler signatures,
      RegistryConfig.UploadRules uploadRules) {
    this.auth = auth;
    this.manifests = manifests;
    this.blobs = blobs;
    this.uploads = uploads;
    this.listings = listings;
    this.referrers = referrers;
    this.signatures = signatures;
    this.uploadRules = uploadRules;
  }

  @Override
  public void handle(HttpExchange ex) throws IOException {
    ex.getResponseHeaders().set("Docker-Distribution-API-Version", "registry/2.0");
    String path = ex.getRequestURI().getRawPath();
    if (path.equals("/v2/") || path.equals("/v2")) {
      if (signatures != null) {
        ex.getResponseHeaders().set(SignatureApiHandler.SUPPORTS_SIGNATURES, "1");
      }
      if (auth.permit(ex, List.of())) {
        Exchanges.json(ex, 200, Map.of());
      }
      return;
    }
    if (path.equals("/v2/_catalog")) {
      if (auth.permit(ex, List.of(new Scope("registry", "catalog", Set.of("*"))))) {
        listings.catalog(ex);
      }
      return;
    }
    Matcher extension = SignatureApiHandler.PATH.matcher(path);
    if (signatures != null && extension.matches()) {
      signatures(ex, extension.group(1), extension.group(2));
      return;
    }
    for (Pattern route : RegistryPaths.ROUTES) {
      Matcher m = route.matcher(path);
      if (m.matches()) {
        dispatch(ex, route, m.group(1), m.groupCount() > 1 ? m.group(2) : "");
        return;
      }
    }
    Exchanges.error(ex, 404, ErrorCode.UNSUPPORTED, "no such endpoint: " + path);
  }

  private void dispatch(HttpExchange ex, Pattern route, String repository, String reference)
      throws IOException {
    if (!NAME.matcher(repository).matches()) {
      Exchanges.error(ex, ErrorCode.NAME_INVALID, "invalid repository name " + repository);
      return;
    }
    Optional<Scope> mountSource = route == UPLOAD ? mountSource(ex, repository) : Optional.empty();
    boolean quietSourceCheck =
        uploadRules.ignoreMounts() || uploadRules.unauthorizedMountsStartUploads();
    List<Scope> required = new ArrayList<>(List.of(targetScope(ex, repository)));
    if (!quietSourceCheck) {
      mountSource.ifPresent(required::add);
    }
    if (!auth.permit(ex, required)) {
      return;
    }
    if (route == MANIFEST) {
      manifests.handle(ex, repository, reference);
    } else if (route == UPLOAD) {
      boolean mayMount = mountSource.map(source -> auth.holds(ex, source)).orElse(true);
      uploads.handle(ex, repository, reference, mayMount);
    } else if (route == BLOB) {
      blobs.handle(ex, repository, reference);
    } else if (route == TAGS) {
      listings.tags(ex, repository);
    } else {
      referrers.handle(ex, repository, reference);
    }
  }

  private void signatures(HttpExchange ex, String repository, String digest) throws IOException {
    if (!NAME.matcher(repository).matches()) {
      Exchanges.error(ex, ErrorCode.NAME_INVALID, "invalid repository name " + repository);
    } else if (auth.permit(ex, List.of(new Scope("repository", repository, Set.of("pull"))))) {
      signatures.handle(ex, repository, digest);
    }
  }

  /** What the request does to its own repository. */
  private static Scope targetScope(HttpExchange ex, String repository) {
    Set<String> actions =
        switch (ex.getRequestMethod()) {
          case "GET", "HEAD" -> Set.of("pull");
          case "DELETE" -> Set.of("delete");
          default -> new java.util.LinkedHashSet<>(List.of("pull", "push"));
        };
    return new Scope("repository", repository, actions);
  }

  /** {@code pull} on the {@code from} repository of an upload request naming another one. */
  private static Optional<Scope> mountSource(HttpExchange ex, String repository) {
    String from = Exchanges.query(ex).get("from");
    if (from != null && !from.equals(repository) && NAME.matcher(from).matches()) {
      return Optional.of(new Scope("repository", from, Set.of("pull")));
    }
    return Optional.empty();
  }
}
