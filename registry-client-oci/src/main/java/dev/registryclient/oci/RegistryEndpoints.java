package dev.registryclient.oci;

import dev.registryclient.api.Digest;
import dev.registryclient.oci.internal.Names;
import dev.registryclient.oci.internal.QueryStrings;
import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The one place that builds Distribution API URLs for a registry.
 *
 * <p>Repository names, tags and digests are validated against the distribution-spec grammars before
 * they go into a path, so a hostile or mistyped name cannot add path segments or a query; query
 * values ({@code last}, {@code artifactType}) are percent-encoded per RFC 3986.
 *
 * <pre>{@code
 * RegistryEndpoints ep = RegistryEndpoints.of(URI.create("https://ghcr.io"));
 * ep.manifest("org/app", "1.0");  // https://ghcr.io/v2/org/app/manifests/1.0
 * ep.tags("org/app", OptionalInt.of(50), Optional.of("v1"));
 * // https://ghcr.io/v2/org/app/tags/list?n=50&last=v1
 * }</pre>
 */
public final class RegistryEndpoints {

  private final String base;

  private RegistryEndpoints(String base) {
    this.base = base;
  }

  /**
   * Endpoints of the registry at {@code baseUri}: {@code scheme://host[:port]}, optionally with a
   * path prefix for registries served below one.
   *
   * @param baseUri the registry's base URI, such as {@code https://ghcr.io}
   * @return the registry's endpoints
   * @throws IllegalArgumentException if the URI is not http(s), has no host, or carries user-info,
   *     a query or a fragment
   */
  public static RegistryEndpoints of(URI baseUri) {
    Objects.requireNonNull(baseUri, "baseUri");
    String scheme = baseUri.getScheme() == null ? "" : baseUri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("https") && !scheme.equals("http")) {
      // the URI itself is not quoted: it might carry credentials in its user-info
      throw new IllegalArgumentException(
          "registry URI must be http or https, got scheme \"" + scheme + "\"");
    }
    if (baseUri.getHost() == null
        || baseUri.getRawUserInfo() != null
        || baseUri.getRawQuery() != null
        || baseUri.getRawFragment() != null) {
      throw new IllegalArgumentException(
          "registry URI must be scheme://host[:port][/path] without user-info, query or fragment");
    }
    String path = baseUri.getRawPath() == null ? "" : baseUri.getRawPath();
    while (path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    String authority = baseUri.getRawAuthority();
    return new RegistryEndpoints(scheme + "://" + authority + path);
  }

  /**
   * The base URI, without a trailing slash.
   *
   * @return the base URI
   */
  public URI base() {
    return URI.create(base);
  }

  /**
   * {@code /v2/}: the API version check and auth challenge.
   *
   * @return the URI of {@code /v2/}
   */
  public URI ping() {
    return URI.create(base + "/v2/");
  }

  /**
   * {@code /v2/<name>/manifests/<reference>}.
   *
   * @param reference a tag or a digest
   * @param repository the repository name, such as {@code library/alpine}
   * @return the manifest's URI
   * @throws IllegalArgumentException if the repository or reference is invalid, quoting it
   */
  public URI manifest(String repository, String reference) {
    Objects.requireNonNull(reference, "reference");
    if (!Names.isValidTag(reference) && !Digest.isValid(reference)) {
      throw new IllegalArgumentException(
          "invalid manifest reference \"" + abbreviate(reference) + "\": not a tag or digest");
    }
    return URI.create(repositoryBase(repository) + "/manifests/" + reference);
  }

  /**
   * {@code /v2/<name>/manifests/<digest>}.
   *
   * @param repository the repository name, such as {@code library/alpine}
   * @param digest the manifest's digest
   * @return the manifest's URI
   * @throws IllegalArgumentException if the repository name is invalid
   */
  public URI manifest(String repository, Digest digest) {
    return URI.create(repositoryBase(repository) + "/manifests/" + digest);
  }

  /**
   * {@code /v2/<name>/blobs/<digest>}.
   *
   * @param repository the repository name, such as {@code library/alpine}
   * @param digest the blob's digest
   * @return the blob's URI
   * @throws IllegalArgumentException if the repository name is invalid
   */
  public URI blob(String repository, Digest digest) {
    Objects.requireNonNull(digest, "digest");
    return URI.create(repositoryBase(repository) + "/blobs/" + digest);
  }

  /**
   * {@code /v2/<name>/blobs/uploads/}: where an upload starts.
   *
   * @param repository the repository name, such as {@code library/alpine}
   * @return the URI an upload is started with (POST)
   * @throws IllegalArgumentException if the repository name is invalid
   */
  public URI uploads(String repository) {
    return URI.create(repositoryBase(repository) + "/blobs/uploads/");
  }

  /**
   * {@code /v2/<name>/tags/list}, the first page with the registry's default page size.
   *
   * @param repository the repository name, such as {@code library/alpine}
   * @return the URI of the first page of tags
   * @throws IllegalArgumentException if the repository name is invalid
   */
  public URI tags(String repository) {
    return tags(repository, OptionalInt.empty(), Optional.empty());
  }

  /**
   * {@code /v2/<name>/tags/list?n=&last=}.
   *
   * @param n page size, if any (must be positive)
   * @param last start after this tag, if any (percent-encoded)
   * @param repository the repository name, such as {@code library/alpine}
   * @return the URI of that page of tags
   * @throws IllegalArgumentException if the repository name is invalid or {@code n} is not positive
   */
  public URI tags(String repository, OptionalInt n, Optional<String> last) {
    return withPaging(URI.create(repositoryBase(repository) + "/tags/list"), n, last);
  }

  /**
   * {@code /v2/_catalog}, the first page with the registry's default page size.
   *
   * @return the URI of the first page of the catalog
   */
  public URI catalog() {
    return catalog(OptionalInt.empty(), Optional.empty());
  }

  /**
   * {@code /v2/_catalog?n=&last=}.
   *
   * @param n page size, if any (must be positive)
   * @param last start after this repository name, if any (percent-encoded)
   * @return the URI of that page of the catalog
   * @throws IllegalArgumentException if {@code n} is not positive
   */
  public URI catalog(OptionalInt n, Optional<String> last) {
    return withPaging(URI.create(base + "/v2/_catalog"), n, last);
  }

  /**
   * {@code /v2/<name>/referrers/<digest>[?artifactType=]} (OCI distribution 1.1).
   *
   * @param artifactType filter on this artifact type, e.g. {@code application/vnd.dev.sigstore...}
   * @param repository the repository name, such as {@code library/alpine}
   * @param digest the digest of the subject manifest whose referrers are listed
   * @return the referrers URI
   * @throws IllegalArgumentException if the repository name is invalid
   */
  public URI referrers(String repository, Digest digest, Optional<String> artifactType) {
    Objects.requireNonNull(digest, "digest");
    URI uri = URI.create(repositoryBase(repository) + "/referrers/" + digest);
    return artifactType.map(t -> QueryStrings.withParam(uri, "artifactType", t)).orElse(uri);
  }

  private String repositoryBase(String repository) {
    Objects.requireNonNull(repository, "repository");
    if (!Names.isValidRepository(repository)) {
      throw new IllegalArgumentException(
          "invalid repository name \""
              + abbreviate(repository)
              + "\": expected lower-case path components such as library/alpine");
    }
    return base + "/v2/" + repository;
  }

  private static URI withPaging(URI uri, OptionalInt n, Optional<String> last) {
    URI result = uri;
    if (n.isPresent()) {
      if (n.getAsInt() < 1) {
        throw new IllegalArgumentException("page size n must be positive, got " + n.getAsInt());
      }
      result = QueryStrings.withParam(result, "n", Integer.toString(n.getAsInt()));
    }
    if (last.isPresent()) {
      result = QueryStrings.withParam(result, "last", last.get());
    }
    return result;
  }

  private static String abbreviate(String s) {
    return s.length() <= 200 ? s : s.substring(0, 200) + "...";
  }

  @Override
  public String toString() {
    return "RegistryEndpoints[" + base + "]";
  }
}
