package dev.registryclient.examples;

import dev.registryclient.api.Descriptor;
import dev.registryclient.api.ImageReference;
import dev.registryclient.api.Platform;
import dev.registryclient.api.client.RegistryClient;
import dev.registryclient.api.manifest.ImageConfig;
import dev.registryclient.api.manifest.ImageIndex;
import dev.registryclient.api.manifest.Manifest;
import dev.registryclient.testkit.TestRegistry;

/**
 * Shows the platforms of a multi-arch image (an OCI index or Docker manifest list) and the config
 * of each, then the attestation manifests (provenance, SBOM) and the image each one describes.
 *
 * <pre>
 * java ... dev.registryclient.examples.InspectMultiArch                  # in-process registry
 * java ... dev.registryclient.examples.InspectMultiArch docker.io/library/alpine:3.20
 * </pre>
 */
public final class InspectMultiArch {
  private InspectMultiArch() {}

  /** Inspects {@code args[0]}, or a two-platform image with attestations in a test registry. */
  public static void main(String[] args) {
    if (args.length > 0) {
      inspect(args[0]);
      return;
    }
    try (TestRegistry registry = TestRegistry.builder().start()) {
      String reference =
          registry
              .index("demo/multi")
              .add(registry.image("demo/multi").platform("linux", "amd64").layer(256))
              .add(registry.image("demo/multi").platform("linux", "arm64").layer(512))
              .withAttestations()
              .push("1.0")
              .reference();
      inspect(reference);
    }
  }

  private static void inspect(String reference) {
    try (RegistryClient client = RegistryClient.builder().defaultCredentials().build()) {
      Manifest manifest = client.manifest(reference);
      System.out.println(reference + " " + manifest.digest() + " " + manifest.mediaType());
      if (!(manifest instanceof ImageIndex index)) {
        System.out.println("  a single-platform image");
        return;
      }
      for (Descriptor entry : index.images()) {
        Platform platform = entry.platform().orElse(null);
        if (platform == null) {
          System.out.println("  " + entry.digest() + " (no platform: an artifact)");
          continue;
        }
        ImageConfig config = client.config(ImageReference.parse(reference), platform);
        System.out.println(
            "  " + platform + " " + entry.digest() + ", " + config.diffIds().size() + " layers");
      }
      for (Descriptor attestation : index.attestations()) {
        System.out.println(
            "  attestation "
                + attestation.digest()
                + " for "
                + attestation.attestedDigest().map(Object::toString).orElse("an unnamed image"));
      }
    }
  }
}
