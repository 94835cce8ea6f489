package dev.registryclient.oci.pull;

import dev.registryclient.api.Digest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;

/** Writes OCI images (config, layers, manifest, index) into a {@link FakeSource}. */
final class FakeImages {
  private final FakeSource source;
  private final Random random = new Random(42);

  FakeImages(FakeSource source) {
    this.source = source;
  }

  byte[] randomBytes(int size) {
    byte[] b = new byte[size];
    random.nextBytes(b);
    return b;
  }

  /** An image with these layers; returns the manifest digest. */
  Digest image(String tag, String os, String arch, List<byte[]> layers) {
    String config =
        "{\"architecture\":\"%s\",\"os\":\"%s\",\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[]}}"
            .formatted(arch, os);
    byte[] configBytes = config.getBytes(StandardCharsets.UTF_8);
    Digest configDigest = source.putBlob(configBytes);
    List<String> layerJson = new ArrayList<>();
    for (byte[] layer : layers) {
      Digest d = source.putBlob(layer);
      layerJson.add(descriptor("application/vnd.oci.image.layer.v1.tar+gzip", d, layer.length));
    }
    String manifest =
        "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\","
            + "\"config\":"
            + descriptor(
                "application/vnd.oci.image.config.v1+json", configDigest, configBytes.length)
            + ",\"layers\":["
            + String.join(",", layerJson)
            + "]}";
    return source.putManifest(tag, manifest);
  }

  /** An image of {@code count} random layers of {@code size} bytes each. */
  Digest randomImage(String tag, int count, int size) {
    List<byte[]> layers = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      layers.add(randomBytes(size));
    }
    return image(tag, "linux", "amd64", layers);
  }

  /** An index over images given as "os/arch" = manifest digest, in order. */
  Digest index(String tag, List<String> platforms, List<Digest> manifests) {
    List<String> entries = new ArrayList<>();
    for (int i = 0; i < manifests.size(); i++) {
      String[] p = platforms.get(i).split("/");
      byte[] m = source.manifests.get(manifests.get(i).toString());
      entries.add(
          "{\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\",\"digest\":\"%s\",\"size\":%d,\"platform\":{\"os\":\"%s\",\"architecture\":\"%s\"}}"
              .formatted(manifests.get(i), m.length, p[0], p[1]));
    }
    return source.putManifest(
        tag,
        "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.index.v1+json\",\"manifests\":["
            + entries.stream().collect(Collectors.joining(","))
            + "]}");
  }

  private static String descriptor(String mediaType, Digest digest, long size) {
    return "{\"mediaType\":\"%s\",\"digest\":\"%s\",\"size\":%d}"
        .formatted(mediaType, digest, size);
  }
}
