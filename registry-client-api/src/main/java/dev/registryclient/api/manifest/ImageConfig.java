package dev.registryclient.api.manifest;

import dev.registryclient.api.Digest;
import dev.registryclient.api.MediaType;
import dev.registryclient.api.Platform;
import dev.registryclient.api.internal.Immutables;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An image config blob (OCI {@code application/vnd.oci.image.config.v1+json} or Docker {@code
 * application/vnd.docker.container.image.v1+json}), reduced to what a client usually needs. The
 * full document stays available in {@link #raw()}.
 *
 * <pre>{@code
 * ImageConfig cfg = ...; // read by registry-client-oci
 * cfg.platform();        // linux/amd64
 * cfg.diffIds();         // digests of the uncompressed layers, base first
 * cfg.config().env();    // [PATH=/usr/local/sbin:...]
 * }</pre>
 *
 * <p>{@link #raw()} returns a copy on every call; the constructor copies what it is given.
 *
 * @param mediaType the media type of the config descriptor
 * @param digest the digest of {@code raw}; checked
 * @param raw the exact bytes of the config blob
 * @param os e.g. {@code linux}, as the document states it
 * @param architecture e.g. {@code amd64}, as the document states it
 * @param variant e.g. {@code v8}
 * @param osVersion e.g. {@code 10.0.17763.5820}
 * @param created when the image was built
 * @param diffIds {@code rootfs.diff_ids}: the digests of the uncompressed layer tars, base first
 * @param history the build history, oldest first
 * @param config the execution defaults ({@code config} object)
 */
public record ImageConfig(
    MediaType mediaType,
    Digest digest,
    byte[] raw,
    String os,
    String architecture,
    Optional<String> variant,
    Optional<String> osVersion,
    Optional<Instant> created,
    List<Digest> diffIds,
    List<HistoryEntry> history,
    RunConfig config) {

  /**
   * Validates and copies.
   *
   * @param mediaType the media type of the config descriptor
   * @param digest the digest of {@code raw}; checked
   * @param raw the exact bytes of the config blob
   * @param os e.g. {@code linux}, as the document states it
   * @param architecture e.g. {@code amd64}, as the document states it
   * @param variant e.g. {@code v8}
   * @param osVersion e.g. {@code 10.0.17763.5820}
   * @param created when the image was built
   * @param diffIds {@code rootfs.diff_ids}: the digests of the uncompressed layer tars, base first
   * @param history the build history, oldest first
   * @param config the execution defaults ({@code config} object)
   * @throws IllegalArgumentException if the digest is not the digest of {@code raw}
   */
  public ImageConfig {
    Objects.requireNonNull(mediaType, "mediaType");
    raw = RawBytes.checkedCopy("image config", digest, raw);
    Objects.requireNonNull(os, "os");
    Objects.requireNonNull(architecture, "architecture");
    Objects.requireNonNull(variant, "variant");
    Objects.requireNonNull(osVersion, "osVersion");
    Objects.requireNonNull(created, "created");
    diffIds = Immutables.list(diffIds, "diffIds");
    history = Immutables.list(history, "history");
    Objects.requireNonNull(config, "config");
  }

  /**
   * The platform the config states.
   *
   * @throws IllegalArgumentException if os or architecture is empty or not a valid platform name
   * @return the platform built from os, architecture, variant and os version
   */
  public Platform platform() {
    return new Platform(os, architecture, variant, osVersion, List.of());
  }

  /**
   * A copy of the exact bytes of the config blob.
   *
   * @return a fresh copy of the config blob's bytes
   */
  @Override
  public byte[] raw() {
    return raw.clone();
  }

  /**
   * The size of the config blob in bytes.
   *
   * @return the length of {@link #raw()}
   */
  public int size() {
    return raw.length;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ImageConfig c
        && mediaType.equals(c.mediaType)
        && digest.equals(c.digest)
        && Arrays.equals(raw, c.raw)
        && os.equals(c.os)
        && architecture.equals(c.architecture)
        && variant.equals(c.variant)
        && osVersion.equals(c.osVersion)
        && created.equals(c.created)
        && diffIds.equals(c.diffIds)
        && history.equals(c.history)
        && config.equals(c.config);
  }

  @Override
  public int hashCode() {
    // the digest stands for the bytes, which decide everything else
    return Objects.hash(mediaType, digest);
  }

  @Override
  public String toString() {
    return "ImageConfig["
        + digest
        + ", "
        + raw.length
        + " bytes, "
        + os
        + "/"
        + architecture
        + ", "
        + diffIds.size()
        + " layers]";
  }
}
