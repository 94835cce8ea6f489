package dev.registryclient.testkit.internal;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The URL patterns of the Distribution API that name a repository, in the order the router tries
 * them; group 1 is the repository, group 2 (where there is one) the reference. Shared by {@link
 * RegistryHandler}, which routes by them, and {@link TargetParser}, which describes requests by
 * them, so both always agree on what a path means.
 */
public final class RegistryPaths {
  /** {@code /v2/<name>/manifests/<reference>}. */
  public static final Pattern MANIFEST = Pattern.compile("/v2/(.+)/manifests/([^/]+)");

  /** {@code /v2/<name>/blobs/uploads/} and {@code /v2/<name>/blobs/uploads/<session>}. */
  public static final Pattern UPLOAD = Pattern.compile("/v2/(.+)/blobs/uploads/?([^/]*)");

  /** {@code /v2/<name>/blobs/<digest>}. */
  public static final Pattern BLOB = Pattern.compile("/v2/(.+)/blobs/([^/]+)");

  /** {@code /v2/<name>/tags/list}. */
  public static final Pattern TAGS = Pattern.compile("/v2/(.+)/tags/list");

  /** {@code /v2/<name>/referrers/<digest>}. */
  public static final Pattern REFERRERS = Pattern.compile("/v2/(.+)/referrers/([^/]+)");

  /** All of them, uploads before blobs so that {@code uploads} is never taken for a digest. */
  public static final List<Pattern> ROUTES = List.of(MANIFEST, UPLOAD, BLOB, TAGS, REFERRERS);

  private RegistryPaths() {}
}
