package dev.registryclient.testkit.internal;

import dev.registryclient.api.Digest;
import dev.registryclient.testkit.internal.MetadataStore.StoredManifest;
import java.util.Map;

/**
 * Blobs on disk plus repository metadata, with the one operation both the HTTP API and the content
 * helpers need: accept a manifest after checking it.
 */
public record ContentStore(DiskBlobStore blobs, MetadataStore metadata) {

  /** Why a manifest was refused, with the spec error code to answer. */
  public static final class RejectedException extends Exception {
    private final ErrorCode code;

    RejectedException(ErrorCode code, String detail) {
      super(detail);
      this.code = code;
    }

    /** The spec error code. */
    public ErrorCode code() {
      return code;
    }
  }

  /**
   * Checks and stores a manifest in {@code repository}, tagging it if {@code tag} is not null.
   *
   * @throws RejectedException if it is not JSON, or refers to blobs or manifests the repository
   *     does not have
   */
  public StoredManifest putManifest(String repository, String tag, String mediaType, byte[] bytes)
      throws RejectedException {
    return putManifest(repository, tag, mediaType, bytes, null);
  }

  /**
   * Like {@link #putManifest(String, String, String, byte[])}, but refuses with {@code
   * DIGEST_INVALID} unless the manifest's digest is {@code expected} (when not null).
   */
  public StoredManifest putManifest(
      String repository, String tag, String mediaType, byte[] bytes, String expected)
      throws RejectedException {
    Map<String, Object> document;
    Digest digest;
    try {
      document = ManifestFacts.parse(bytes);
      digest = ManifestFacts.digest(bytes, document);
      if (expected != null && !digest.toString().equals(expected)) {
        throw new RejectedException(ErrorCode.DIGEST_INVALID, "content has digest " + digest);
      }
      for (Digest blob : ManifestFacts.blobs(document)) {
        if (!metadata.hasBlob(repository, blob)) {
          throw new RejectedException(ErrorCode.MANIFEST_BLOB_UNKNOWN, blob.toString());
        }
      }
      for (Digest child : ManifestFacts.children(document)) {
        if (metadata.manifest(repository, child).isEmpty()) {
          throw new RejectedException(ErrorCode.MANIFEST_BLOB_UNKNOWN, child.toString());
        }
      }
      StoredManifest stored =
          new StoredManifest(digest, mediaType, bytes.clone(), ManifestFacts.subject(document));
      metadata.putManifest(repository, stored, tag);
      return stored;
    } catch (IllegalArgumentException | ClassCastException e) {
      throw new RejectedException(ErrorCode.MANIFEST_INVALID, e.getMessage());
    }
  }
}
