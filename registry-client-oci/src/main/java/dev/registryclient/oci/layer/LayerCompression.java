package dev.registryclient.oci.layer;

import dev.registryclient.api.Descriptor;
import dev.registryclient.api.MediaType;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Optional;

/**
 * How a layer blob is compressed, as far as its diff_id can be checked: gzip, zstd, or a plain tar
 * (whose diff_id is its own digest). {@link #of(Descriptor)} decides from the media type and the
 * annotations; anything else (eStargz and zstd:chunked, whose tables of contents change what a
 * reader sees, foreign and non-distributable layers, artifacts' own blob types) is not checked, and
 * {@link #whyNotChecked(Descriptor)} says why.
 *
 * <pre>{@code
 * LayerCompression.of(layer)                 // Optional[GZIP] for ...tar+gzip
 *     .map(c -> c.decoder(sha256))           // decodes pushed bytes into the digest
 * }</pre>
 */
public enum LayerCompression {
  /** A plain tar: the blob is the uncompressed content. */
  NONE("uncompressed"),
  /** gzip, one or more members, decoded with the JDK's {@link java.util.zip.Inflater}. */
  GZIP("gzip"),
  /** zstd, one or more frames, decoded with zstd-jni (native libzstd). */
  ZSTD("zstd");

  // annotations that mark layers whose content a lazy-pulling snapshotter reads differently
  private static final String ESTARGZ_TOC = "containerd.io/snapshot/stargz/toc.digest";
  private static final String ZSTD_CHUNKED_MANIFEST =
      "io.github.containers.zstd-chunked.manifest-checksum";

  private static final Map<MediaType, LayerCompression> BY_TYPE =
      Map.of(
          MediaType.OCI_LAYER_TAR, NONE,
          MediaType.OCI_LAYER_TAR_GZIP, GZIP,
          MediaType.DOCKER_LAYER, GZIP,
          MediaType.OCI_LAYER_TAR_ZSTD, ZSTD);

  private final String label;

  LayerCompression(String label) {
    this.label = label;
  }

  /** The word reports use: {@code uncompressed}, {@code gzip}, {@code zstd}. */
  public String label() {
    return label;
  }

  /** The compression of {@code layer} if its diff_id can be checked; empty if not. */
  public static Optional<LayerCompression> of(Descriptor layer) {
    Map<String, String> annotations = layer.annotations();
    if (annotations.containsKey(ESTARGZ_TOC) || annotations.containsKey(ZSTD_CHUNKED_MANIFEST)) {
      return Optional.empty();
    }
    return Optional.ofNullable(BY_TYPE.get(layer.mediaType().withoutParameters()));
  }

  /** Why {@code layer}'s diff_id is not checked; only meaningful when {@link #of} is empty. */
  public static String whyNotChecked(Descriptor layer) {
    if (layer.annotations().containsKey(ESTARGZ_TOC)) {
      return "eStargz layer (" + ESTARGZ_TOC + ")";
    }
    if (layer.annotations().containsKey(ZSTD_CHUNKED_MANIFEST)) {
      return "zstd:chunked layer (" + ZSTD_CHUNKED_MANIFEST + ")";
    }
    return "media type " + layer.mediaType() + " is not a gzip, zstd or plain tar layer";
  }

  /**
   * A decoder that feeds the uncompressed bytes of pushed input into {@code uncompressed}.
   *
   * <p>For zstd, only after {@link ZstdAvailability#unavailableReason()} found none: the zstd
   * decoder's class links only where zstd-jni is present.
   */
  LayerDecoder decoder(MessageDigest uncompressed) {
    return switch (this) {
      case NONE -> new PlainLayerDecoder(uncompressed);
      case GZIP -> new GzipLayerDecoder(uncompressed);
      case ZSTD -> ZstdLayerDecoder.open(uncompressed);
    };
  }
}
