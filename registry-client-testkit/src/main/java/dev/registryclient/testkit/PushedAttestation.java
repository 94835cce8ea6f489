package dev.registryclient.testkit;

import dev.registryclient.api.Digest;
import java.util.Objects;

/**
 * An attestation manifest an {@link IndexBuilder} pushed next to a platform image, as BuildKit does
 * for {@code --provenance} and {@code --sbom}.
 *
 * <pre>{@code
 * PushedIndex index = registry.index("team/app")
 *     .add(registry.image("team/app").platform("linux", "amd64").layer(10))
 *     .withAttestations()
 *     .push("1.0");
 * PushedAttestation a = index.attestations().get(0);
 * a.describes();                      // index.image("linux", "amd64").digest()
 * a.manifest().layers().get(0);       // the in-toto statement, application/vnd.in-toto+json
 * }</pre>
 *
 * @param manifest the attestation manifest with its config and in-toto layer; its platform is
 *     {@code unknown/unknown}
 * @param describes the digest of the image manifest it attests
 */
public record PushedAttestation(PushedImage manifest, Digest describes) {

  /**
   * Checks for nulls.
   *
   * @param manifest the attestation manifest; not null
   * @param describes the digest of the attested image manifest; not null
   */
  public PushedAttestation {
    Objects.requireNonNull(manifest, "manifest");
    Objects.requireNonNull(describes, "describes");
  }

  /**
   * The attestation manifest's digest.
   *
   * @return the digest of {@link #manifest()}
   */
  public Digest digest() {
    return manifest.digest();
  }
}
