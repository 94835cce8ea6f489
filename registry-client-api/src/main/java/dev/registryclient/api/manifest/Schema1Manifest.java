package dev.registryclient.api.manifest;

import dev.registryclient.api.Digest;
import dev.registryclient.api.MediaType;
import dev.registryclient.api.internal.Immutables;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A legacy Docker image manifest, schema version 1 (deprecated; some old registries still serve
 * it). It lists layers newest first, each with a {@code v1Compatibility} JSON history string, and
 * has no config blob.
 *
 * <pre>{@code
 * for (Digest layer : schema1.layers()) { ... } // base layer first, ready to apply
 * }</pre>
 *
 * <p>Its {@link #digest()} is the digest of the JWS payload: the bytes with the {@code signatures}
 * removed, which is what registries address it by. The parser fills in how the signatures fared.
 * {@link #raw()} returns a copy on every call; the constructor copies what it is given.
 *
 * @param mediaType {@link MediaType#DOCKER_SCHEMA1_MANIFEST} or {@link
 *     MediaType#DOCKER_SCHEMA1_SIGNED_MANIFEST}
 * @param digest the digest of the payload without signatures (not checked here)
 * @param raw the exact bytes served, signatures included
 * @param name the repository name the manifest states
 * @param tag the tag the manifest states (may be empty)
 * @param architecture the architecture the manifest states, e.g. {@code amd64}
 * @param fsLayers the layer digests in document order: newest layer first
 * @param history the {@code v1Compatibility} strings, one per entry of {@code fsLayers}, same order
 * @param signatureStatus whether the manifest was signed and what checking the signatures showed
 */
public record Schema1Manifest(
    MediaType mediaType,
    Digest digest,
    byte[] raw,
    String name,
    String tag,
    String architecture,
    List<Digest> fsLayers,
    List<String> history,
    SignatureStatus signatureStatus)
    implements Manifest {

  /** What is known about a schema 1 manifest's JWS signatures. */
  public enum SignatureStatus {
    /** The manifest has no signatures. */
    UNSIGNED,
    /** Signed, but the signatures were not checked. */
    UNVERIFIED,
    /** Signed, and every signature verified against its embedded key. */
    VERIFIED,
    /** Signed, but a signature did not verify. */
    INVALID
  }

  /**
   * Validates and copies.
   *
   * @param mediaType {@link MediaType#DOCKER_SCHEMA1_MANIFEST} or {@link
   *     MediaType#DOCKER_SCHEMA1_SIGNED_MANIFEST}
   * @param digest the digest of the payload without signatures (not checked here)
   * @param raw the exact bytes served, signatures included
   * @param name the repository name the manifest states
   * @param tag the tag the manifest states (may be empty)
   * @param architecture the architecture the manifest states, e.g. {@code amd64}
   * @param fsLayers the layer digests in document order: newest layer first
   * @param history the {@code v1Compatibility} strings, one per entry of {@code fsLayers}, same
   *     order
   * @param signatureStatus whether the manifest was signed and what checking the signatures showed
   * @throws IllegalArgumentException if the media type is not schema 1, or {@code fsLayers} and
   *     {@code history} differ in length
   */
  public Schema1Manifest {
    RawBytes.requireType(mediaType, MediaType::isSchema1, "a schema 1 manifest");
    Objects.requireNonNull(digest, "digest");
    raw = Immutables.bytes(raw, "raw");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(tag, "tag");
    Objects.requireNonNull(architecture, "architecture");
    fsLayers = Immutables.list(fsLayers, "fsLayers");
    history = Immutables.list(history, "history");
    if (fsLayers.size() != history.size()) {
      throw new IllegalArgumentException(
          "schema 1 manifest "
              + digest
              + " has "
              + fsLayers.size()
              + " fsLayers but "
              + history.size()
              + " history entries");
    }
    Objects.requireNonNull(signatureStatus, "signatureStatus");
  }

  /**
   * The layer digests in apply order, base layer first: {@link #fsLayers()} reversed. Schema 1
   * repeats the empty layer {@code sha256:a3ed95ca...}; it is kept, once per position.
   *
   * @return an unmodifiable list of the layer digests, base first
   */
  public List<Digest> layers() {
    List<Digest> layers = new ArrayList<>(fsLayers);
    Collections.reverse(layers);
    return List.copyOf(layers);
  }

  /**
   * Whether the manifest carries JWS signatures.
   *
   * @return {@code true} unless the signature status is {@link SignatureStatus#UNSIGNED}
   */
  public boolean signed() {
    return signatureStatus != SignatureStatus.UNSIGNED;
  }

  /**
   * Whether the manifest is signed and every signature verified.
   *
   * @return {@code true} only if the signature status is {@link SignatureStatus#VERIFIED}
   */
  public boolean signaturesVerified() {
    return signatureStatus == SignatureStatus.VERIFIED;
  }

  /** A copy of the exact bytes served, signatures included. */
  @Override
  public byte[] raw() {
    return raw.clone();
  }

  @Override
  public int size() {
    return raw.length;
  }

  /** Always 1. */
  @Override
  public int schemaVersion() {
    return 1;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Schema1Manifest m
        && mediaType.equals(m.mediaType)
        && digest.equals(m.digest)
        && Arrays.equals(raw, m.raw)
        && name.equals(m.name)
        && tag.equals(m.tag)
        && architecture.equals(m.architecture)
        && fsLayers.equals(m.fsLayers)
        && history.equals(m.history)
        && signatureStatus == m.signatureStatus;
  }

  @Override
  public int hashCode() {
    return Objects.hash(mediaType, digest, Arrays.hashCode(raw));
  }

  @Override
  public String toString() {
    return "Schema1Manifest["
        + name
        + ":"
        + tag
        + ", "
        + digest
        + ", "
        + raw.length
        + " bytes, "
        + fsLayers.size()
        + " layers, "
        + signatureStatus
        + "]";
  }
}
