package dev.registryclient.api.client;

/**
 * Why a pull contacts a host, as a {@link ReachabilityReport} lists it. One host can have several
 * roles, e.g. a registry that is its own token server.
 *
 * <pre>{@code
 * boolean cdn = check.roles().contains(HostRole.BLOB_REDIRECT);
 * }</pre>
 */
public enum HostRole {
  /** The registry's API host, e.g. {@code registry-1.docker.io} for {@code docker.io}. */
  REGISTRY,
  /** The token server the registry's challenge names, e.g. {@code auth.docker.io}. */
  AUTH,
  /**
   * A host the registry redirects blob downloads to, typically a CDN with signed URLs; never sent
   * the registry's credentials.
   */
  BLOB_REDIRECT,
  /** A host the registry redirects another request to (a manifest or the API itself). */
  REDIRECT
}
