package dev.registryclient.api;

import dev.registryclient.api.internal.Immutables;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A media type such as {@code application/vnd.oci.image.manifest.v1+json; charset=utf-8}, with the
 * constants registries use for manifests, configs and layers.
 *
 * <pre>{@code
 * MediaType mt = MediaType.parse("application/vnd.oci.image.manifest.v1+json; charset=UTF-8");
 * mt.withoutParameters() == MediaType.OCI_MANIFEST; // true: known types are interned
 * mt.is(MediaType.OCI_MANIFEST);                    // true
 * mt.isManifest();                                  // true
 * mt.toString(); // "application/vnd.oci.image.manifest.v1+json; charset=utf-8"
 * }</pre>
 *
 * <p>Type, subtype, parameter names and the {@code charset} value are case-insensitive and kept in
 * lower case; other parameter values keep their case. {@link #toString()} is canonical and {@link
 * #parse(String)} reads it back to an equal value.
 */
public final class MediaType {
  // filled by constant(); must come before the constants
  private static final Map<String, MediaType> KNOWN = new ConcurrentHashMap<>();

  /** {@code application/vnd.oci.image.manifest.v1+json}. */
  public static final MediaType OCI_MANIFEST = constant("vnd.oci.image.manifest.v1+json");

  /** {@code application/vnd.oci.image.index.v1+json}. */
  public static final MediaType OCI_INDEX = constant("vnd.oci.image.index.v1+json");

  /** {@code application/vnd.oci.image.config.v1+json}. */
  public static final MediaType OCI_CONFIG = constant("vnd.oci.image.config.v1+json");

  /** {@code application/vnd.oci.image.layer.v1.tar}, an uncompressed layer. */
  public static final MediaType OCI_LAYER_TAR = constant("vnd.oci.image.layer.v1.tar");

  /** {@code application/vnd.oci.image.layer.v1.tar+gzip}. */
  public static final MediaType OCI_LAYER_TAR_GZIP = constant("vnd.oci.image.layer.v1.tar+gzip");

  /** {@code application/vnd.oci.image.layer.v1.tar+zstd}. */
  public static final MediaType OCI_LAYER_TAR_ZSTD = constant("vnd.oci.image.layer.v1.tar+zstd");

  /** {@code application/vnd.oci.image.layer.nondistributable.v1.tar} (deprecated by OCI). */
  public static final MediaType OCI_NONDISTRIBUTABLE_LAYER_TAR =
      constant("vnd.oci.image.layer.nondistributable.v1.tar");

  /** {@code application/vnd.oci.image.layer.nondistributable.v1.tar+gzip} (deprecated by OCI). */
  public static final MediaType OCI_NONDISTRIBUTABLE_LAYER_TAR_GZIP =
      constant("vnd.oci.image.layer.nondistributable.v1.tar+gzip");

  /** {@code application/vnd.oci.image.layer.nondistributable.v1.tar+zstd} (deprecated by OCI). */
  public static final MediaType OCI_NONDISTRIBUTABLE_LAYER_TAR_ZSTD =
      constant("vnd.oci.image.layer.nondistributable.v1.tar+zstd");

  /** {@code application/vnd.oci.empty.v1+json}, the {@code {}} blob artifacts use as config. */
  public static final MediaType OCI_EMPTY = constant("vnd.oci.empty.v1+json");

  /** {@code application/vnd.docker.distribution.manifest.v2+json}, Docker schema 2. */
  public static final MediaType DOCKER_MANIFEST =
      constant("vnd.docker.distribution.manifest.v2+json");

  /** {@code application/vnd.docker.distribution.manifest.list.v2+json}. */
  public static final MediaType DOCKER_MANIFEST_LIST =
      constant("vnd.docker.distribution.manifest.list.v2+json");

  /** {@code application/vnd.docker.distribution.manifest.v1+json}, unsigned schema 1. */
  public static final MediaType DOCKER_SCHEMA1_MANIFEST =
      constant("vnd.docker.distribution.manifest.v1+json");

  /** {@code application/vnd.docker.distribution.manifest.v1+prettyjws}, signed schema 1. */
  public static final MediaType DOCKER_SCHEMA1_SIGNED_MANIFEST =
      constant("vnd.docker.distribution.manifest.v1+prettyjws");

  /** {@code application/vnd.docker.container.image.v1+json}, the schema 2 image config. */
  public static final MediaType DOCKER_CONFIG = constant("vnd.docker.container.image.v1+json");

  /** {@code application/vnd.docker.image.rootfs.diff.tar.gzip}. */
  public static final MediaType DOCKER_LAYER = constant("vnd.docker.image.rootfs.diff.tar.gzip");

  /** {@code application/vnd.docker.image.rootfs.foreign.diff.tar.gzip} (e.g. Windows bases). */
  public static final MediaType DOCKER_FOREIGN_LAYER =
      constant("vnd.docker.image.rootfs.foreign.diff.tar.gzip");

  /** {@code application/json}, which some registries send for schema 1 manifests. */
  public static final MediaType JSON = constant("json");

  /** {@code application/octet-stream}, what registries usually send for blobs. */
  public static final MediaType OCTET_STREAM = constant("octet-stream");

  private static final Set<MediaType> MANIFESTS = Set.of(OCI_MANIFEST, DOCKER_MANIFEST);
  private static final Set<MediaType> INDEXES = Set.of(OCI_INDEX, DOCKER_MANIFEST_LIST);
  private static final Set<MediaType> SCHEMA1 =
      Set.of(DOCKER_SCHEMA1_MANIFEST, DOCKER_SCHEMA1_SIGNED_MANIFEST);
  private static final Set<MediaType> CONFIGS = Set.of(OCI_CONFIG, DOCKER_CONFIG);
  private static final Set<MediaType> LAYERS =
      Set.of(
          OCI_LAYER_TAR,
          OCI_LAYER_TAR_GZIP,
          OCI_LAYER_TAR_ZSTD,
          OCI_NONDISTRIBUTABLE_LAYER_TAR,
          OCI_NONDISTRIBUTABLE_LAYER_TAR_GZIP,
          OCI_NONDISTRIBUTABLE_LAYER_TAR_ZSTD,
          DOCKER_LAYER,
          DOCKER_FOREIGN_LAYER);

  private final String type;
  private final String subtype;
  private final Map<String, String> parameters;
  private final String string;

  private MediaType(String type, String subtype, Map<String, String> parameters) {
    this.type = type;
    this.subtype = subtype;
    this.parameters = parameters;
    this.string = MediaTypeFormat.format(type, subtype, parameters);
  }

  private static MediaType constant(String applicationSubtype) {
    MediaType mt = new MediaType("application", applicationSubtype, Map.of());
    KNOWN.put(mt.string, mt);
    return mt;
  }

  /**
   * Parses a media type, e.g. a {@code Content-Type} header value.
   *
   * @param value the media type text, e.g. {@code application/json; charset=utf-8}
   * @return the media type; an interned constant for a known type without parameters
   * @throws IllegalArgumentException if {@code value} is not a valid media type, quoting it
   */
  public static MediaType parse(String value) {
    return MediaTypeParser.parse(Objects.requireNonNull(value, "media type"));
  }

  /**
   * The media type {@code type/subtype} without parameters.
   *
   * @param type the type, e.g. {@code application}; case-insensitive
   * @param subtype the subtype, e.g. {@code json}; case-insensitive
   * @return the media type, in lower case
   * @throws IllegalArgumentException if either part is not an RFC 9110 token
   */
  public static MediaType of(String type, String subtype) {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(subtype, "subtype");
    if (!MediaTypeParser.isToken(type) || !MediaTypeParser.isToken(subtype)) {
      throw new IllegalArgumentException(
          "invalid media type "
              + Immutables.quote(type + "/" + subtype)
              + ": type and subtype must be RFC 9110 tokens");
    }
    return create(type, subtype, Map.of());
  }

  static MediaType create(String type, String subtype, Map<String, String> parameters) {
    String t = type.toLowerCase(Locale.ROOT);
    String s = subtype.toLowerCase(Locale.ROOT);
    if (parameters.isEmpty()) {
      MediaType known = KNOWN.get(t + "/" + s);
      if (known != null) {
        return known;
      }
    }
    Map<String, String> params = Immutables.orderedMap(parameters, "parameters");
    String charset = params.get("charset");
    if (charset != null && !charset.equals(charset.toLowerCase(Locale.ROOT))) {
      // charset names are case-insensitive; keep one spelling so equal types compare equal
      Map<String, String> lowered = new LinkedHashMap<>(params);
      lowered.put("charset", charset.toLowerCase(Locale.ROOT));
      params = Immutables.orderedMap(lowered, "parameters");
    }
    return new MediaType(t, s, params);
  }

  /**
   * The type, e.g. {@code application}.
   *
   * @return the type, in lower case
   */
  public String type() {
    return type;
  }

  /**
   * The subtype, e.g. {@code vnd.oci.image.manifest.v1+json}.
   *
   * @return the subtype, in lower case
   */
  public String subtype() {
    return subtype;
  }

  /**
   * The parameters with lower-case names, in the order given.
   *
   * @return an unmodifiable map of the parameters, possibly empty
   */
  public Map<String, String> parameters() {
    return parameters;
  }

  /**
   * This media type without parameters; the interned constant if there is one.
   *
   * @return {@code type/subtype} without parameters
   */
  public MediaType withoutParameters() {
    return parameters.isEmpty() ? this : create(type, subtype, Map.of());
  }

  /**
   * Whether this media type falls within {@code range}: same type (or {@code *}), same subtype (or
   * {@code *}), and every parameter of {@code range} present here with the same value.
   *
   * @param range the media type or range to test against, e.g. {@code application/*}
   * @return {@code true} if this media type falls within {@code range}
   */
  public boolean is(MediaType range) {
    return (range.type.equals("*") || range.type.equals(type))
        && (range.subtype.equals("*") || range.subtype.equals(subtype))
        && parameters.entrySet().containsAll(range.parameters.entrySet());
  }

  /**
   * An OCI image manifest or a Docker schema 2 manifest: one image for one platform.
   *
   * @return {@code true} for an image manifest type, parameters ignored
   */
  public boolean isManifest() {
    return MANIFESTS.contains(withoutParameters());
  }

  /**
   * An OCI image index or a Docker manifest list.
   *
   * @return {@code true} for an index type, parameters ignored
   */
  public boolean isIndex() {
    return INDEXES.contains(withoutParameters());
  }

  /**
   * A Docker schema 1 manifest, signed or not.
   *
   * @return {@code true} for a schema 1 type, parameters ignored
   */
  public boolean isSchema1() {
    return SCHEMA1.contains(withoutParameters());
  }

  /**
   * Any of {@link #isManifest()}, {@link #isIndex()} or {@link #isSchema1()}.
   *
   * @return {@code true} for any manifest or index type
   */
  public boolean isAnyManifest() {
    return isManifest() || isIndex() || isSchema1();
  }

  /**
   * An OCI or Docker image config.
   *
   * @return {@code true} for an image config type, parameters ignored
   */
  public boolean isConfig() {
    return CONFIGS.contains(withoutParameters());
  }

  /**
   * One of the OCI or Docker layer types (including non-distributable and foreign layers).
   *
   * @return {@code true} for a layer type, parameters ignored
   */
  public boolean isLayer() {
    return LAYERS.contains(withoutParameters());
  }

  /** The canonical form, e.g. {@code application/json; charset=utf-8}. */
  @Override
  public String toString() {
    return string;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MediaType other
        && type.equals(other.type)
        && subtype.equals(other.subtype)
        && parameters.equals(other.parameters);
  }

  @Override
  public int hashCode() {
    return Objects.hash(type, subtype, parameters);
  }
}
