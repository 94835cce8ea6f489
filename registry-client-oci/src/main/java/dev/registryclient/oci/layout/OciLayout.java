package dev.registryclient.oci.layout;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.registryclient.api.Descriptor;
import dev.registryclient.api.Digest;
import dev.registryclient.api.ImageReference;
import dev.registryclient.api.MediaType;
import dev.registryclient.api.client.PullTarget;
import dev.registryclient.api.client.PushSource;
import dev.registryclient.api.exception.ErrorContext;
import dev.registryclient.api.exception.InvalidContentException;
import dev.registryclient.api.exception.Phase;
import dev.registryclient.api.exception.StoreException;
import dev.registryclient.api.store.BlobStore;
import dev.registryclient.api.store.BlobWriter;
import dev.registryclient.core.store.FileBlobStore;
import dev.registryclient.oci.layout.internal.AtomicFile;
import dev.registryclient.oci.layout.internal.IndexDocument;
import dev.registryclient.oci.layout.internal.LayoutLock;
import dev.registryclient.oci.layout.internal.RefNames;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An OCI image layout directory that can be written: {@code oci-layout}, {@code index.json} and
 * {@code blobs/<alg>/<hex>}, as the image-spec defines them, readable by skopeo ({@code
 * oci:DIR:TAG}) and umoci.
 *
 * <p>Blobs go through a {@link FileBlobStore} rooted at the layout, so they are verified and never
 * visible half-written. {@code index.json} is replaced atomically (temp file + rename) under a
 * cross-process lock, so several threads and processes may tag into one layout at once.
 *
 * <pre>{@code
 * OciLayout layout = OciLayout.at(Path.of("out"));
 * // ... write config and layer blobs through layout.blobs() ...
 * Descriptor manifest = layout.putManifest(MediaType.OCI_MANIFEST, manifestBytes);
 * layout.tag("v1.0", manifest);
 * }</pre>
 *
 * <p>It is also a {@link PullTarget}: {@code client.pull(ref).into(layout)} stores the image and
 * tags it with the reference's tag (an untagged entry for a digest reference).
 */
public final class OciLayout implements PullTarget {
  /** The annotation naming a tag, as the image-spec defines it for layouts. */
  public static final String REF_NAME = "org.opencontainers.image.ref.name";

  static final String LAYOUT_FILE = "oci-layout";
  static final String INDEX_FILE = "index.json";
  private static final byte[] LAYOUT_CONTENT =
      "{\"imageLayoutVersion\":\"1.0.0\"}".getBytes(StandardCharsets.UTF_8);
  private static final ErrorContext CONTEXT = ErrorContext.of(Phase.STORE);

  private final Path dir;
  private final FileBlobStore blobs;

  private OciLayout(Path dir, FileBlobStore blobs) {
    this.dir = dir;
    this.blobs = blobs;
  }

  /**
   * Opens the layout at {@code dir}, creating the directory, {@code oci-layout} and an empty {@code
   * index.json} where missing.
   *
   * @param dir the layout's directory; created if missing
   * @return the layout
   * @throws StoreException if the directory cannot be written
   * @throws InvalidContentException if an existing {@code oci-layout} or {@code index.json} is not
   *     valid
   */
  public static OciLayout at(Path dir) {
    FileBlobStore blobs = FileBlobStore.open(dir);
    OciLayout layout = new OciLayout(blobs.root(), blobs);
    layout.update(index -> false); // creates the files, checks existing ones, cleans crash debris
    return layout;
  }

  /**
   * The layout directory.
   *
   * @return the layout's root directory
   */
  public Path directory() {
    return dir;
  }

  /** The layout's blobs: write configs and layers here before tagging a manifest. */
  @Override
  public BlobStore blobs() {
    return blobs;
  }

  /**
   * A reader over this layout.
   *
   * @return a reader of this layout's current state
   */
  public OciLayoutReader reader() {
    return OciLayoutReader.open(dir);
  }

  /**
   * Stores a manifest (or index) blob and returns its descriptor, ready for {@link #tag}.
   *
   * @param mediaType the manifest's media type, for the descriptor
   * @param manifest the manifest's bytes, exactly as they are to be stored
   * @return the descriptor of the stored blob (SHA-256 digest and size)
   */
  public Descriptor putManifest(MediaType mediaType, byte[] manifest) {
    Digest digest = Digest.sha256(manifest);
    try (BlobWriter writer = blobs.writer(digest, manifest.length)) {
      writer.write(manifest);
      writer.commit();
    }
    return Descriptor.of(mediaType, digest, manifest.length);
  }

  /**
   * The image tagged {@code tag} in this layout, to push with {@code RegistryClient.push}.
   *
   * <pre>{@code
   * client.push(OciLayout.at(dir).image("1.0"), ImageReference.parse("registry.example/app:1.0"))
   *     .allPlatforms()
   *     .execute();
   * }</pre>
   *
   * @param tag the tag, as {@code index.json}'s ref name annotations give it
   * @return the tagged image, as a push source over this layout's blobs
   * @throws StoreException if no entry of {@code index.json} has that tag
   */
  public PushSource image(String tag) {
    Descriptor manifest =
        reader()
            .resolve(tag)
            .orElseThrow(
                () -> new StoreException(CONTEXT, "no image tagged " + tag + " in " + dir));
    Descriptor plain = Descriptor.of(manifest.mediaType(), manifest.digest(), manifest.size());
    return new PushSource() {
      @Override
      public BlobStore blobs() {
        return blobs;
      }

      @Override
      public Descriptor manifest() {
        return plain;
      }

      @Override
      public String toString() {
        return "oci:" + dir + ":" + tag;
      }
    };
  }

  /**
   * Points tag {@code name} at {@code manifest} in {@code index.json}, replacing any entry that had
   * the name before. The manifest blob must already be in the layout.
   *
   * @param name the tag to set
   * @param manifest the descriptor of the manifest (or index) to tag
   * @throws IllegalArgumentException if {@code name} is not a valid ref name
   * @throws StoreException if the manifest blob is missing or index.json cannot be written
   */
  public void tag(String name, Descriptor manifest) {
    RefNames.require(name);
    Objects.requireNonNull(manifest, "manifest");
    if (!blobs.exists(manifest.digest())) {
      throw new StoreException(
          CONTEXT,
          "cannot tag "
              + name
              + " in "
              + dir
              + ": manifest "
              + manifest.digest()
              + " is not in its blobs");
    }
    Map<String, String> annotations = new LinkedHashMap<>(manifest.annotations());
    annotations.put(REF_NAME, name);
    Descriptor entry = manifest.withAnnotations(annotations);
    update(
        index -> {
          IndexDocument.removeTag(index, name);
          IndexDocument.add(index, entry);
          return true;
        });
  }

  /**
   * Records a pulled image: tags it with the reference's tag, or, for a reference by digest, adds
   * an untagged entry unless one for that digest is already there.
   *
   * <p>A Docker schema 2 manifest (or manifest list, with its Docker children) is recorded in its
   * OCI form ({@link OciConversion}), as skopeo does when it copies into a layout, since OCI tools
   * only read index.json entries of OCI media types. The OCI manifest is a new blob with its own
   * digest ({@link OciLayoutReader#resolve} names it); the pulled manifest stays in the blobs
   * unchanged, as do config and layers. OCI manifests and indexes are recorded as pulled. A schema
   * 1 manifest is recorded unconverted, so skopeo and umoci cannot read it from the layout.
   *
   * @throws InvalidContentException if a Docker manifest has a layer type with no OCI equivalent
   */
  @Override
  public void pulled(ImageReference reference, Descriptor pulled) {
    Descriptor manifest = new LayoutConversion(blobs).toOci(pulled);
    Optional<String> tag = reference.tag();
    if (tag.isPresent()) {
      tag(tag.get(), manifest);
      return;
    }
    update(
        index -> {
          if (IndexDocument.hasUntagged(index, manifest.digest())) {
            return false;
          }
          IndexDocument.add(index, manifest);
          return true;
        });
  }

  /**
   * Removes tag {@code name}; its blobs stay. Returns whether the tag existed.
   *
   * @param name the tag to remove
   * @return whether the tag existed
   */
  public boolean untag(String name) {
    boolean[] removed = {false};
    update(index -> removed[0] = IndexDocument.removeTag(index, name));
    return removed[0];
  }

  private interface IndexEdit {
    /** Edits the index in place; returns whether it changed. */
    boolean apply(ObjectNode index);
  }

  private void update(IndexEdit edit) {
    Path indexFile = dir.resolve(INDEX_FILE);
    try {
      LayoutLock lock = LayoutLock.acquire(dir.resolve("ingest").resolve("index.json.lock"));
      try {
        AtomicFile.cleanTemps(indexFile);
        ensureLayoutFile();
        boolean exists = Files.exists(indexFile);
        ObjectNode index = IndexDocument.read(indexFile);
        if (edit.apply(index) || !exists) {
          AtomicFile.write(indexFile, IndexDocument.toBytes(index));
        }
      } finally {
        lock.close();
      }
    } catch (IOException e) {
      throw new StoreException(CONTEXT, "cannot update " + indexFile + ": " + e, e);
    }
  }

  private void ensureLayoutFile() throws IOException {
    Path file = dir.resolve(LAYOUT_FILE);
    if (!Files.exists(file)) {
      AtomicFile.write(file, LAYOUT_CONTENT);
      return;
    }
    OciLayoutReader.checkLayoutFile(file);
  }
}
