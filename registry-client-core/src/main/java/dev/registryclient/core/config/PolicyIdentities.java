package dev.registryclient.core.config;

import dev.registryclient.api.ImageReference;
import dev.registryclient.api.trust.SignedIdentity;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The {@code signedIdentity} objects of a {@code policy.json}, read strictly. */
final class PolicyIdentities {
  private static final Logger LOG = LoggerFactory.getLogger(PolicyIdentities.class);

  private PolicyIdentities() {}

  static SignedIdentity identity(Located value) {
    String type = PolicyRequirements.type(value, "signedIdentity");
    switch (type) {
      case "matchExact":
        PolicyRequirements.onlyKeys(value, type, Set.of("type"));
        return new SignedIdentity.MatchExact();
      case "matchRepoDigestOrExact":
        PolicyRequirements.onlyKeys(value, type, Set.of("type"));
        return new SignedIdentity.MatchRepoDigestOrExact();
      case "matchRepository":
        PolicyRequirements.onlyKeys(value, type, Set.of("type"));
        return new SignedIdentity.MatchRepository();
      case "exactReference":
        PolicyRequirements.onlyKeys(value, type, Set.of("type", "dockerReference"));
        Located reference = required(value, type, "dockerReference");
        ImageReference exact = reference(reference, "dockerReference");
        if (exact.tag().isEmpty() && exact.digest().isEmpty()) {
          throw reference.error(
              "dockerReference \"" + exact + "\" names neither a tag nor a digest");
        }
        return new SignedIdentity.ExactReference(exact);
      case "exactRepository":
        PolicyRequirements.onlyKeys(value, type, Set.of("type", "dockerRepository"));
        Located repository = required(value, type, "dockerRepository");
        ImageReference parsed = reference(repository, "dockerRepository");
        if (parsed.tag().isPresent() || parsed.digest().isPresent()) {
          LOG.debug(
              "{}: {}: the tag or digest of an exactRepository is ignored, as containers/image"
                  + " ignores it",
              repository.document().origin(),
              repository.path());
        }
        return new SignedIdentity.ExactRepository(parsed);
      case "remapIdentity":
        PolicyRequirements.onlyKeys(value, type, Set.of("type", "prefix", "signedPrefix"));
        Located prefix = required(value, type, "prefix");
        Located signedPrefix = required(value, type, "signedPrefix");
        String from = prefix.text("prefix");
        String to = signedPrefix.text("signedPrefix");
        try {
          new SignedIdentity.RemapIdentity(from, "localhost");
        } catch (IllegalArgumentException e) {
          throw prefix.error(e.getMessage());
        }
        try {
          return new SignedIdentity.RemapIdentity(from, to);
        } catch (IllegalArgumentException e) {
          throw signedPrefix.error(e.getMessage());
        }
      default:
        throw value.error(
            "unknown signedIdentity type \""
                + type
                + "\" (matchExact, matchRepoDigestOrExact, matchRepository, exactReference,"
                + " exactRepository, remapIdentity)");
    }
  }

  private static Located required(Located value, String type, String key) {
    return value.get(key).orElseThrow(() -> value.error(type + " needs \"" + key + "\""));
  }

  /** A reference, normalised as containers/image's ParseNormalizedNamed does. */
  private static ImageReference reference(Located value, String what) {
    String text = value.text(what);
    try {
      return ImageReference.parse(text);
    } catch (IllegalArgumentException e) {
      throw value.error(e.getMessage());
    }
  }
}
