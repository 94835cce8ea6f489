package dev.registryclient.api.exception;

import java.util.Objects;

/**
 * A local blob store has no blob with the requested digest.
 *
 * <p>A {@link StoreException} rather than a {@link NotFoundException}: the latter means a registry
 * answered 404, while this one is about local storage, so callers that fall back to pulling can
 * catch exactly this case.
 *
 * <pre>{@code
 * try (InputStream in = store.open(digest)) {
 *   ...
 * } catch (BlobNotFoundInStoreException e) {
 *   pull(e.digest());
 * }
 * }</pre>
 */
public class BlobNotFoundInStoreException extends StoreException {
  private static final long serialVersionUID = 1L;

  /**
   * The digest that was asked for, as text (a {@link dev.registryclient.api.Digest} is not
   * serializable).
   */
  private final String digest;

  /**
   * @param context where the failure happened
   * @param digest the digest that was asked for, e.g. {@code sha256:ab...}
   * @param store where it was looked for, e.g. a directory or {@code "memory store"}
   */
  public BlobNotFoundInStoreException(ErrorContext context, String digest, String store) {
    super(context, "blob " + digest + " not found in " + store);
    this.digest = Objects.requireNonNull(digest, "digest");
  }

  /**
   * The digest that was asked for.
   *
   * @return the digest, e.g. {@code sha256:ab...}
   */
  public String digest() {
    return digest;
  }
}
