package dev.registryclient.api.exception;

/**
 * The step of a registry conversation in which something failed.
 *
 * <p>Every {@link RegistryException} names its phase, so a message can say "while fetching the
 * token" rather than just "HTTP 401".
 */
public enum Phase {
  /** {@code GET /v2/}: discovering the API version and the auth challenge. */
  PING("ping"),
  /** Asking a token server (the challenge's realm) for a bearer token. */
  TOKEN("token"),
  /** Reading credentials from files, helpers or the caller. */
  CREDENTIALS("credentials"),
  /** Resolving, fetching or pushing a manifest or index. */
  MANIFEST("manifest"),
  /** Fetching an image configuration blob. */
  CONFIG("config"),
  /** Fetching or checking a blob on the registry. */
  BLOB("blob"),
  /** Following a redirect, typically a blob GET sent on to a CDN host. */
  REDIRECT("redirect"),
  /** Uploading a blob or mounting it from another repository. */
  UPLOAD("upload"),
  /** Fetching or verifying an image's signatures, or applying the trust policy. */
  SIGNATURE("signature"),
  /** Listing tags. */
  TAGS("tags"),
  /** Listing repositories through {@code /v2/_catalog}. */
  CATALOG("catalog"),
  /** Listing referrers (OCI 1.1). */
  REFERRERS("referrers"),
  /** Writing to or reading from a local blob store or image layout. */
  STORE("store"),
  /**
   * Reading the client's configuration files: registries.conf and its drop-ins, Docker's
   * daemon.json, OpenShift mirror sets.
   */
  CONFIGURATION("configuration");

  private final String label;

  Phase(String label) {
    this.label = label;
  }

  /**
   * The lower-case word used in messages, e.g. {@code "blob"}.
   *
   * @return the label, e.g. {@code "token"}
   */
  public String label() {
    return label;
  }

  @Override
  public String toString() {
    return label;
  }
}
