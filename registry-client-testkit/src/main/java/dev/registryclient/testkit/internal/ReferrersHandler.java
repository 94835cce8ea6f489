package dev.registryclient.testkit.internal;

import com.sun.net.httpserver.HttpExchange;
import dev.registryclient.api.Digest;
import dev.registryclient.testkit.internal.MetadataStore.StoredManifest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code GET /v2/<name>/referrers/<digest>[?artifactType=]}: an OCI index of the manifests whose
 * {@code subject} is the digest (OCI Distribution 1.1), with {@code OCI-Filters-Applied} when
 * filtered. Switched off, it answers 404 like a registry that predates the API, so clients fall
 * back to the referrers tag schema.
 */
public final class ReferrersHandler {
  private static final String INDEX = "application/vnd.oci.image.index.v1+json";

  private final MetadataStore metadata;
  private final boolean enabled;

  /** Referrers from {@code metadata}, or 404 for every request if not {@code enabled}. */
  public ReferrersHandler(MetadataStore metadata, boolean enabled) {
    this.metadata = metadata;
    this.enabled = enabled;
  }

  /** Handles a referrers request. */
  public void handle(HttpExchange ex, String repository, String reference) throws IOException {
    if (!enabled) {
      Exchanges.error(ex, 404, ErrorCode.UNSUPPORTED, "no such endpoint: referrers API is off");
      return;
    }
    if (!ex.getRequestMethod().equals("GET")) {
      Exchanges.error(ex, ErrorCode.UNSUPPORTED, "referrers takes GET");
      return;
    }
    Optional<Digest> subject = ManifestHandler.parseDigest(ex, reference);
    if (subject.isEmpty()) {
      return;
    }
    String filter = Exchanges.query(ex).get("artifactType");
    List<Object> descriptors = new ArrayList<>();
    for (StoredManifest m : metadata.referrers(repository, subject.get())) {
      Map<String, Object> doc = ManifestFacts.parse(m.bytes());
      String artifactType = ManifestFacts.artifactType(doc);
      if (filter == null || filter.equals(artifactType)) {
        descriptors.add(
            Json.object(
                "mediaType", m.mediaType(),
                "digest", m.digest().toString(),
                "size", (long) m.bytes().length,
                "artifactType", artifactType,
                "annotations", doc.get("annotations")));
      }
    }
    if (filter != null) {
      ex.getResponseHeaders().set("OCI-Filters-Applied", "artifactType");
    }
    Map<String, Object> index =
        Json.object("schemaVersion", 2L, "mediaType", INDEX, "manifests", descriptors);
    Exchanges.bytes(ex, 200, INDEX, Json.bytes(index));
  }
}
