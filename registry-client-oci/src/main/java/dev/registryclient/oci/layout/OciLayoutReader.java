package dev.registryclient.oci.layout;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.registryclient.api.Descriptor;
import dev.registryclient.api.Digest;
import dev.registryclient.api.DigestingInputStream;
import dev.registryclient.api.exception.BlobNotFoundInStoreException;
import dev.registryclient.api.exception.ErrorContext;
import dev.registryclient.api.exception.InvalidContentException;
import dev.registryclient.api.exception.Phase;
import dev.registryclient.api.exception.StoreException;
import dev.registryclient.core.store.FileBlobStore;
import dev.registryclient.oci.layout.internal.IndexDocument;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Reads an OCI image layout: its tags, the descriptors they point at, and manifests and blobs, so a
 * later copy or push can start from disk. Every call reads the current {@code index.json}, so tags
 * written meanwhile (by this or another process) are seen.
 *
 * <pre>{@code
 * OciLayoutReader layout = OciLayoutReader.open(Path.of("out"));
 * Descriptor d = layout.resolve("v1.0").orElseThrow();
 * byte[] manifest = layout.readManifest(d);
 * }</pre>
 */
public final class OciLayoutReader {
  /** Manifests larger than this are refused, as registries refuse them (distribution-spec). */
  public static final int MAX_MANIFEST_BYTES = 4 << 20;

  private static final ErrorContext CONTEXT = ErrorContext.of(Phase.STORE);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path dir;
  private final FileBlobStore blobs;

  private OciLayoutReader(Path dir, FileBlobStore blobs) {
    this.dir = dir;
    this.blobs = blobs;
  }

  /**
   * Opens an existing layout for reading.
   *
   * @throws StoreException if {@code dir} has no {@code oci-layout} file
   * @throws InvalidContentException if {@code oci-layout} is not a version 1 layout
   */
  public static OciLayoutReader open(Path dir) {
    Path layoutFile = dir.resolve(OciLayout.LAYOUT_FILE);
    if (!Files.isRegularFile(layoutFile)) {
      throw new StoreException(CONTEXT, dir + " is not an OCI image layout: no " + layoutFile);
    }
    try {
      checkLayoutFile(layoutFile);
    } catch (IOException e) {
      throw new StoreException(CONTEXT, "cannot read " + layoutFile + ": " + e, e);
    }
    FileBlobStore blobs = FileBlobStore.open(dir);
    return new OciLayoutReader(blobs.root(), blobs);
  }

  /** Fails unless {@code file} declares a version 1.x image layout. */
  static void checkLayoutFile(Path file) throws IOException {
    JsonNode layout;
    try (InputStream in = Files.newInputStream(file)) {
      layout = JSON.readTree(in.readNBytes(64 * 1024));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new InvalidContentException(CONTEXT, file + ": not JSON: " + e.getOriginalMessage(), e);
    }
    String version = layout == null ? "" : layout.path("imageLayoutVersion").asText("");
    if (!version.startsWith("1.")) {
      throw new InvalidContentException(
          CONTEXT, file + ": unsupported imageLayoutVersion \"" + version + "\" (need 1.x)");
    }
  }

  /** The entries of {@code index.json}, in file order. */
  public List<Descriptor> manifests() {
    Path indexFile = dir.resolve(OciLayout.INDEX_FILE);
    try {
      return IndexDocument.entries(IndexDocument.read(indexFile), indexFile);
    } catch (IOException e) {
      throw new StoreException(CONTEXT, "cannot read " + indexFile + ": " + e, e);
    }
  }

  /** The tags ({@code org.opencontainers.image.ref.name} values), in file order. */
  public List<String> tags() {
    return manifests().stream().flatMap(d -> refName(d).stream()).toList();
  }

  /** The tag an {@code index.json} entry carries, if any. */
  public static Optional<String> refName(Descriptor entry) {
    return Optional.ofNullable(entry.annotations().get(OciLayout.REF_NAME));
  }

  /** The entry tagged {@code tag}; the last one if a foreign tool wrote duplicates. */
  public Optional<Descriptor> resolve(String tag) {
    List<Descriptor> matches =
        manifests().stream().filter(d -> refName(d).filter(tag::equals).isPresent()).toList();
    return matches.isEmpty() ? Optional.empty() : Optional.of(matches.get(matches.size() - 1));
  }

  /**
   * Reads and verifies a manifest or index.
   *
   * @throws InvalidContentException if its size exceeds {@link #MAX_MANIFEST_BYTES}
   * @throws BlobNotFoundInStoreException if the blob is missing
   * @throws dev.registryclient.api.exception.DigestMismatchException if its bytes do not match
   */
  public byte[] readManifest(Descriptor descriptor) {
    if (descriptor.size() > MAX_MANIFEST_BYTES) {
      throw new InvalidContentException(
          CONTEXT,
          "manifest "
              + descriptor.digest()
              + " in "
              + dir
              + " is "
              + descriptor.size()
              + " bytes, more than "
              + MAX_MANIFEST_BYTES);
    }
    try (InputStream in = openBlob(descriptor)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new StoreException(
          CONTEXT, "cannot read manifest " + descriptor.digest() + " in " + dir, e);
    }
  }

  /** Opens a blob as a stream that fails at its end if size or digest do not match. */
  public InputStream openBlob(Descriptor descriptor) {
    return new DigestingInputStream(
        blobs.open(descriptor.digest()), descriptor.digest(), descriptor.size(), CONTEXT);
  }

  /** Opens a blob by digest, unverified; the store only ever holds verified blobs. */
  public InputStream openBlob(Digest digest) {
    return blobs.open(digest);
  }

  /** The layout directory. */
  public Path directory() {
    return dir;
  }
}
