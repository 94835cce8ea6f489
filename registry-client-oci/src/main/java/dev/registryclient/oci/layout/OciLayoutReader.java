package dev.registryclient.oci.layout;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.registryclient.api.Descriptor;
import dev.registryclient.api.Digest;
import dev.registryclient.api.DigestingInputStream;
import dev.registryclient.api.MediaType;
import dev.registryclient.api.exception.BlobNotFoundInStoreException;
import dev.registryclient.api.exception.ErrorContext;
import dev.registryclient.api.exception.InvalidContentException;
import dev.registryclient.api.exception.Phase;
import dev.registryclient.api.exception.StoreException;
import dev.registryclient.api.manifest.ImageIndex;
import dev.registryclient.api.manifest.Manifest;
import dev.registryclient.core.store.FileBlobStore;
import dev.registryclient.oci.layout.internal.IndexDocument;
import dev.registryclient.oci.manifest.ManifestCodec;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Reads an OCI image layout: its tags, the descriptors they point at, and manifests and blobs, so a
 * later copy or push can start from disk. Manifests come as bytes or parsed into the {@link
 * Manifest} model, and {@code index.json} itself as an {@link ImageIndex}. Every call reads the
 * current {@code index.json}, so tags written meanwhile (by this or another process) are seen.
 *
 * <pre>{@code
 * OciLayoutReader layout = OciLayoutReader.open(Path.of("out"));
 * Descriptor d = layout.resolve("v1.0").orElseThrow();
 * byte[] manifest = layout.readManifest(d);
 * if (layout.manifest("v1.0").orElseThrow() instanceof ImageManifest image) {
 *   image.layers().forEach(layer -> System.out.println(layer.digest()));
 * }
 * }</pre>
 */
public final class OciLayoutReader {
  /** Manifests larger than this are refused, as registries refuse them (distribution-spec). */
  public static final int MAX_MANIFEST_BYTES = 4 << 20;

  private static final ErrorContext CONTEXT = ErrorContext.of(Phase.STORE);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ManifestCodec CODEC =
      ManifestCodec.builder().maxBytes(MAX_MANIFEST_BYTES).build();
  // index.json holds every tag of the layout, so it may grow beyond a manifest's limit
  private static final ManifestCodec INDEX_CODEC =
      ManifestCodec.builder().maxBytes(IndexDocument.MAX_INDEX_BYTES).build();

  private final Path dir;
  private final FileBlobStore blobs;

  private OciLayoutReader(Path dir, FileBlobStore blobs) {
    this.dir = dir;
    this.blobs = blobs;
  }

  /**
   * Opens an existing layout for reading.
   *
   * @param dir the layout's directory
   * @return a reader of that layout
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

  /**
   * The entries of {@code index.json}, in file order.
   *
   * @return the descriptors {@code index.json} lists; empty if there is no {@code index.json} yet
   * @throws StoreException if {@code index.json} cannot be read
   */
  public List<Descriptor> manifests() {
    Path indexFile = dir.resolve(OciLayout.INDEX_FILE);
    try {
      return IndexDocument.entries(IndexDocument.read(indexFile), indexFile);
    } catch (IOException e) {
      throw new StoreException(CONTEXT, "cannot read " + indexFile + ": " + e, e);
    }
  }

  /**
   * The tags ({@code org.opencontainers.image.ref.name} values), in file order.
   *
   * @return the tags of {@code index.json}'s entries
   * @throws StoreException if {@code index.json} cannot be read
   */
  public List<String> tags() {
    return manifests().stream().flatMap(d -> refName(d).stream()).toList();
  }

  /**
   * The tag an {@code index.json} entry carries, if any.
   *
   * @param entry an entry of {@code index.json}
   * @return its {@code org.opencontainers.image.ref.name} annotation, if it has one
   */
  public static Optional<String> refName(Descriptor entry) {
    return Optional.ofNullable(entry.annotations().get(OciLayout.REF_NAME));
  }

  /**
   * The entry tagged {@code tag}; the last one if a foreign tool wrote duplicates.
   *
   * @param tag the tag to look up
   * @return the entry carrying that tag; empty if none does
   */
  public Optional<Descriptor> resolve(String tag) {
    List<Descriptor> matches =
        manifests().stream().filter(d -> refName(d).filter(tag::equals).isPresent()).toList();
    return matches.isEmpty() ? Optional.empty() : Optional.of(matches.get(matches.size() - 1));
  }

  /**
   * Reads and verifies a manifest or index.
   *
   * @param descriptor the manifest's descriptor, as {@code index.json} or an index gives it
   * @return the manifest's bytes, exactly as stored
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

  /**
   * The manifest or index tagged {@code tag}, parsed; empty if no entry has that tag.
   *
   * <pre>{@code
   * ImageManifest image = (ImageManifest) layout.manifest("v1.0").orElseThrow();
   * image.layers().forEach(layer -> System.out.println(layer.digest()));
   * }</pre>
   *
   * @param tag the tag to look up
   * @return the parsed manifest or index; empty if no entry has that tag
   * @throws InvalidContentException if the blob is not a manifest of the entry's media type
   * @throws BlobNotFoundInStoreException if the entry's blob is missing
   * @throws dev.registryclient.api.exception.DigestMismatchException if its bytes do not match
   */
  public Optional<Manifest> manifest(String tag) {
    return resolve(tag).map(this::manifest);
  }

  /**
   * The manifest or index {@code descriptor} names, verified and parsed: an {@link
   * dev.registryclient.api.manifest.ImageManifest}, an {@link ImageIndex} or a {@link
   * dev.registryclient.api.manifest.Schema1Manifest}, keeping the stored bytes.
   *
   * @param descriptor the manifest's descriptor, as {@code index.json} or an index gives it
   * @return the parsed manifest or index
   * @throws InvalidContentException if the blob is not a manifest of the descriptor's media type,
   *     or larger than {@link #MAX_MANIFEST_BYTES}
   * @throws BlobNotFoundInStoreException if the blob is missing
   * @throws dev.registryclient.api.exception.DigestMismatchException if its bytes do not match
   */
  public Manifest manifest(Descriptor descriptor) {
    byte[] bytes = readManifest(descriptor);
    return CODEC.decode(bytes, Optional.of(descriptor.mediaType().toString()), CONTEXT);
  }

  /**
   * The manifest or index stored as {@code digest}, parsed, also when no {@code index.json} entry
   * names it (the platform manifests of a pulled index, say). Its type comes from the index entry
   * for that digest if there is one, else from the document itself.
   *
   * @param digest the manifest's digest
   * @return the parsed manifest or index
   * @throws InvalidContentException if the blob is not a manifest, or larger than {@link
   *     #MAX_MANIFEST_BYTES}
   * @throws BlobNotFoundInStoreException if the blob is missing
   * @throws dev.registryclient.api.exception.DigestMismatchException if its bytes do not match
   */
  public Manifest manifest(Digest digest) {
    Optional<Descriptor> entry =
        manifests().stream().filter(d -> d.digest().equals(digest)).findFirst();
    if (entry.isPresent()) {
      return manifest(entry.get());
    }
    byte[] bytes;
    try (InputStream in = new DigestingInputStream(blobs.open(digest), digest, -1, CONTEXT)) {
      bytes = CODEC.readLimited(in, CONTEXT); // reads to the end, where the digest is checked
    } catch (IOException | UncheckedIOException e) {
      throw new StoreException(CONTEXT, "cannot read manifest " + digest + " in " + dir, e);
    }
    return CODEC.decode(bytes, Optional.empty(), CONTEXT);
  }

  /**
   * The layout's {@code index.json}, parsed: an OCI image index whose entries are {@link
   * #manifests()}, with their annotations (tags), platforms and the file's bytes. A layout without
   * an {@code index.json} yet has an empty index.
   *
   * @return {@code index.json} as an image index
   * @throws InvalidContentException if {@code index.json} is not a valid image index
   */
  public ImageIndex index() {
    Path indexFile = dir.resolve(OciLayout.INDEX_FILE);
    byte[] bytes;
    try {
      bytes = IndexDocument.readBytes(indexFile);
    } catch (IOException e) {
      throw new StoreException(CONTEXT, "cannot read " + indexFile + ": " + e, e);
    }
    return (ImageIndex)
        INDEX_CODEC.decode(bytes, Optional.of(MediaType.OCI_INDEX.toString()), CONTEXT);
  }

  /**
   * Opens a blob as a stream that fails at its end if size or digest do not match.
   *
   * @param descriptor the blob's descriptor, giving digest and size
   * @return a stream of the blob's bytes; the caller closes it
   * @throws BlobNotFoundInStoreException if the blob is missing
   */
  public InputStream openBlob(Descriptor descriptor) {
    return new DigestingInputStream(
        blobs.open(descriptor.digest()), descriptor.digest(), descriptor.size(), CONTEXT);
  }

  /**
   * Opens a blob by digest, unverified; the store only ever holds verified blobs.
   *
   * @param digest the blob's digest
   * @return a stream of the blob's bytes; the caller closes it
   * @throws BlobNotFoundInStoreException if the blob is missing
   */
  public InputStream openBlob(Digest digest) {
    return blobs.open(digest);
  }

  /**
   * The layout directory.
   *
   * @return the layout's root directory
   */
  public Path directory() {
    return dir;
  }
}
