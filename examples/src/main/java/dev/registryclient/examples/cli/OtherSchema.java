package dev.registryclient.examples.cli;

import dev.registryclient.api.Descriptor;
import dev.registryclient.api.ImageReference;
import dev.registryclient.api.MediaType;
import dev.registryclient.api.exception.RegistryException;
import dev.registryclient.api.manifest.Manifest;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds out whether a registry also serves a tag in the other manifest schema: the same image as
 * Docker schema 1 and as schema 2 / OCI has two different digests (schema 1's is over its payload
 * without signatures, schema 2's over its own bytes), and users comparing digests across old and
 * new tools see either one. {@code inspect} shows the other one as {@code alternateDigests}.
 *
 * <p>One extra request: a HEAD (a GET if the HEAD carries no digest) accepting only the other
 * family. Anything but a manifest of that family with a different digest means "no alternate"; a
 * registry that refuses the narrowed {@code Accept} is never an error for the main answer.
 *
 * <p>A tag holds one manifest in docker-registry (distribution 2.x); with schema 1 compatibility on
 * it answers a schema-1-only request for a schema 2 tag with a schema 1 conversion it signs on the
 * fly (stable digest, new signature each time); for a manifest list that is the conversion of its
 * linux/amd64 image. It serves a schema 1 tag as schema 1 whatever is asked, and answers 404 for an
 * OCI tag.
 */
final class OtherSchema {
  private static final Logger LOG = LoggerFactory.getLogger(OtherSchema.class);

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

  private OtherSchema() {}

  /** The family {@code served} is not in: schema 1 for schema 2 / OCI, and the other way round. */
  static List<MediaType> familyOtherThan(MediaType served) {
    return served.isSchema1() ? SCHEMA2_AND_OCI : SCHEMA1;
  }

  /**
   * The manifest of the other family the registry serves for {@code tagged}, if it has one whose
   * digest differs from {@code served}'s. Empty for a digest reference: a digest names one
   * document, there is nothing else to ask for.
   */
  static Optional<Descriptor> of(CliRegistry registry, ImageReference tagged, Manifest served) {
    if (tagged.digest().isPresent() || tagged.tag().isEmpty()) {
      return Optional.empty();
    }
    List<MediaType> wanted = familyOtherThan(served.mediaType());
    Descriptor other;
    try {
      other = registry.resolve(tagged, wanted);
    } catch (RegistryException e) {
      // 404, 400 MANIFEST_INVALID, a registry that does not negotiate: simply no alternate
      LOG.debug("{} in the other schema: {}", tagged, e.getMessage());
      return Optional.empty();
    }
    boolean otherFamily = wanted.stream().anyMatch(t -> other.mediaType().is(t));
    if (!otherFamily || other.digest().equals(served.digest())) {
      LOG.debug("{} answered {} when asked for the other schema", tagged, other.mediaType());
      return Optional.empty();
    }
    return Optional.of(other);
  }
}
