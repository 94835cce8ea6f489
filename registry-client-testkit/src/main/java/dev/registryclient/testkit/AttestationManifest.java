package dev.registryclient.testkit;

import dev.registryclient.testkit.internal.Json;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Writes an attestation manifest the way BuildKit does: an OCI image manifest whose config has
 * platform {@code unknown/unknown} and whose one layer is an in-toto statement (SLSA provenance)
 * naming the image as its subject.
 */
final class AttestationManifest {
  /** The media type of an in-toto statement layer. */
  static final String IN_TOTO = "application/vnd.in-toto+json";

  private static final String PROVENANCE = "https://slsa.dev/provenance/v0.2";

  private AttestationManifest() {}

  /** Pushes an attestation of {@code image} into {@code repository}, untagged. */
  static PushedAttestation push(TestRegistry registry, String repository, PushedImage image) {
    Map<String, Object> statement =
        Json.object(
            "_type",
            "https://in-toto.io/Statement/v0.1",
            "predicateType",
            PROVENANCE,
            "subject",
            List.of(
                Json.object(
                    "name",
                    "pkg:docker/" + repository,
                    "digest",
                    Json.object("sha256", image.digest().hex()))),
            "predicate",
            Json.object("buildType", "https://mobyproject.org/buildkit@v1"));
    PushedBlob layer = registry.pushBlob(repository, Json.bytes(statement), IN_TOTO);
    byte[] configJson =
        Json.bytes(
            Json.object(
                "architecture",
                "unknown",
                "os",
                "unknown",
                "config",
                Json.object(),
                "rootfs",
                Json.object("type", "layers", "diff_ids", List.of(layer.digest().toString()))));
    String configType = ImageFormat.OCI.configType();
    PushedBlob config = registry.pushBlob(repository, configJson, configType);
    Map<String, Object> manifest =
        Json.object(
            "schemaVersion", 2L,
            "mediaType", ImageFormat.OCI.manifestType(),
            "config", descriptor(config),
            "layers",
                List.of(
                    Json.object(
                        "mediaType", IN_TOTO,
                        "digest", layer.digest().toString(),
                        "size", layer.size(),
                        "annotations", Json.object("in-toto.io/predicate-type", PROVENANCE))));
    byte[] bytes = Json.pretty(manifest, "", "  ").getBytes(StandardCharsets.UTF_8);
    String type = ImageFormat.OCI.manifestType();
    PushedImage pushed =
        new PushedImage(
            registry.hostAndPort(),
            repository,
            null,
            type,
            registry.pushManifest(repository, null, type, bytes),
            bytes,
            config,
            List.of(layer),
            "unknown",
            "unknown");
    return new PushedAttestation(pushed, image.digest());
  }

  /** The index entry for {@code attestation}, with BuildKit's platform and annotations. */
  static Map<String, Object> indexEntry(PushedAttestation attestation) {
    PushedImage manifest = attestation.manifest();
    return Json.object(
        "mediaType", manifest.mediaType(),
        "size", manifest.size(),
        "digest", manifest.digest().toString(),
        "platform", Json.object("architecture", "unknown", "os", "unknown"),
        "annotations",
            Json.object(
                "vnd.docker.reference.digest",
                attestation.describes().toString(),
                "vnd.docker.reference.type",
                "attestation-manifest"));
  }

  private static Map<String, Object> descriptor(PushedBlob blob) {
    return Json.object(
        "mediaType", blob.mediaType(), "size", blob.size(), "digest", blob.digest().toString());
  }
}
