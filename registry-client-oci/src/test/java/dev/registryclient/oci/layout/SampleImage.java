package dev.registryclient.oci.layout;

import dev.registryclient.api.Descriptor;
import dev.registryclient.api.Digest;
import dev.registryclient.api.MediaType;
import dev.registryclient.api.store.BlobStore;
import dev.registryclient.api.store.BlobWriter;
import java.nio.charset.StandardCharsets;

/** A tiny but well-formed OCI image: one config, one layer, one manifest. */
final class SampleImage {
  private SampleImage() {}

  /** Writes the image's blobs into {@code layout} and returns the manifest's descriptor. */
  static Descriptor write(OciLayout layout, String name) {
    byte[] config =
        ("{\"architecture\":\"amd64\",\"os\":\"linux\",\"rootfs\":{\"type\":\"layers\","
                + "\"diff_ids\":[]},\"config\":{\"Labels\":{\"name\":\""
                + name
                + "\"}}}")
            .getBytes(StandardCharsets.UTF_8);
    byte[] layer = ("layer of " + name).getBytes(StandardCharsets.UTF_8);
    Digest configDigest = put(layout.blobs(), config);
    Digest layerDigest = put(layout.blobs(), layer);
    String manifest =
        """
        {"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json",
         "config":{"mediaType":"application/vnd.oci.image.config.v1+json","digest":"%s","size":%d},
         "layers":[{"mediaType":"application/vnd.oci.image.layer.v1.tar","digest":"%s","size":%d}]}"""
            .formatted(configDigest, config.length, layerDigest, layer.length);
    return layout.putManifest(MediaType.OCI_MANIFEST, manifest.getBytes(StandardCharsets.UTF_8));
  }

  private static Digest put(BlobStore store, byte[] content) {
    Digest digest = Digest.sha256(content);
    try (BlobWriter writer = store.writer(digest, content.length)) {
      writer.write(content);
      writer.commit();
    }
    return digest;
  }
}
