package dev.registryclient.oci.client;

import dev.registryclient.api.Descriptor;
import dev.registryclient.api.ImageReference;
import dev.registryclient.api.MediaType;
import dev.registryclient.api.exception.RegistryException;
import dev.registryclient.oci.manifest.ManifestFetcher;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link dev.registryclient.api.client.RegistryClient#alternateDigests}: whether a registry also
 * serves a tag in the other manifest schema. The same image as Docker schema 1 and as schema 2 /
 * OCI has two digests (schema 1's is over its payload without signatures, schema 2's over its own
 * bytes), and users comparing digests across old and new tools see either one.
 *
 * <p>One request: a HEAD (a verified GET if the HEAD carries no digest) accepting only the other
 * family. Anything but a manifest of that family with a different digest means "no alternate"; a
 * registry that refuses the narrowed {@code Accept} is never an error.
 *
 * <p>A tag holds one manifest in docker-registry (distribution 2.x); with schema 1 compatibility on
 * it answers a schema-1-only request for a schema 2 tag with a schema 1 conversion it signs on the
 * fly (stable digest, new signature each time); for a manifest list that is the conversion of its
 * linux/amd64 image. It serves a schema 1 tag as schema 1 whatever is asked, and answers 404 for an
 * OCI tag.
 */
final class AlternateDigests {
  private static final Logger LOG = LoggerFactory.getLogger(AlternateDigests.class);

  /** What to ask for when the main answer was schema 2 or OCI. */
  static final List<MediaType> SCHEMA1 =
      List.of(MediaType.DOCKER_SCHEMA1_SIGNED_MANIFEST, MediaType.DOCKER_SCHEMA1_MANIFEST);

  /** What to ask for when the main answer was schema 1. */
  static final List<MediaType> SCHEMA2_AND_OCI =
      List.of(
          MediaType.OCI_INDEX,
          MediaType.OCI_MANIFEST,
          MediaType.DOCKER_MANIFEST_LIST,
          MediaType.DOCKER_MANIFEST);

  private AlternateDigests() {}

  /** The family {@code served} is not in: schema 1 for schema 2 / OCI, and the other way round. */
  static List<MediaType> familyOtherThan(MediaType served) {
    return served.isSchema1() ? SCHEMA2_AND_OCI : SCHEMA1;
  }

  /**
   * The manifest of the other family the registry serves for {@code tagged}, if its digest differs
   * from {@code served}'s; empty for a digest reference, which names one document.
   */
  static List<Descriptor> of(ManifestFetcher fetcher, ImageReference tagged, Descriptor served) {
    if (tagged.digest().isPresent()) {
      return List.of();
    }
    List<MediaType> wanted = familyOtherThan(served.mediaType());
    Descriptor other;
    try {
      other = fetcher.resolve(tagged.repository(), tagged.reference(), wanted);
    } catch (RegistryException e) {
      // 404, 400 MANIFEST_INVALID, a registry that does not negotiate: simply no alternate
      LOG.debug("{} in the other schema: {}", tagged, e.getMessage());
      return List.of();
    }
    boolean otherFamily = wanted.stream().anyMatch(t -> other.mediaType().is(t));
    if (!otherFamily || other.digest().equals(served.digest())) {
      LOG.debug("{} answered {} when asked for the other schema", tagged, other.mediaType());
      return List.of();
    }
    return List.of(other);
  }
}
