package dev.registryclient.core.config;

import dev.registryclient.api.trust.KeySource;
import dev.registryclient.api.trust.PolicyRequirement;
import dev.registryclient.api.trust.SignedIdentity;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The requirement lists of a {@code policy.json}, read as strictly as containers/image reads them
 * ({@code policy_config.go}, {@code policy_config_sigstore.go}): unknown and duplicate keys are
 * errors, and so is everything registry-client cannot check (other key types, Fulcio, PKI, Rekor,
 * {@code signedBaseLayer}) rather than being skipped: a policy is never weakened silently.
 */
final class PolicyRequirements {
  private static final Set<String> SIGNED_BY =
      Set.of("type", "keyType", "keyPath", "keyPaths", "keyData", "signedIdentity");
  private static final Set<String> SIGSTORE_SIGNED =
      Set.of("type", "keyPath", "keyPaths", "keyData", "keyDatas", "signedIdentity");
  private static final Map<String, String> SIGSTORE_UNSUPPORTED =
      Map.of(
          "fulcio", "keyless verification with Fulcio certificates is not supported",
          "pki", "verification with X.509 certificates (pki) is not supported",
          "rekorPublicKeyPath", "Rekor inclusion proofs are not supported",
          "rekorPublicKeyPaths", "Rekor inclusion proofs are not supported",
          "rekorPublicKeyData", "Rekor inclusion proofs are not supported",
          "rekorPublicKeyDatas", "Rekor inclusion proofs are not supported");
  private static final Set<String> NOT_IMPLEMENTED_KEY_TYPES =
      Set.of("signedByGPGKeys", "X509Certificates", "signedByX509CAs");

  private PolicyRequirements() {}

  /** A requirement list: at least one requirement, all of which must be met. */
  static List<PolicyRequirement> list(Located value) {
    List<Located> items = value.items("a requirement list");
    if (items.isEmpty()) {
      throw value.error("the requirement list is empty (use [{\"type\": \"reject\"}] to refuse)");
    }
    List<PolicyRequirement> requirements = new ArrayList<>();
    for (Located item : items) {
      requirements.add(requirement(item));
    }
    return requirements;
  }

  private static PolicyRequirement requirement(Located value) {
    String type = type(value, "a requirement");
    switch (type) {
      case "insecureAcceptAnything":
        onlyKeys(value, type, Set.of("type"));
        return new PolicyRequirement.InsecureAcceptAnything();
      case "reject":
        onlyKeys(value, type, Set.of("type"));
        return new PolicyRequirement.Reject();
      case "signedBy":
        onlyKeys(value, type, SIGNED_BY);
        checkKeyType(value);
        return new PolicyRequirement.SignedBy(
            keys(value, List.of("keyPath", "keyPaths", "keyData")), identity(value));
      case "sigstoreSigned":
        for (Map.Entry<String, Located> member : value.members(type)) {
          String unsupported = SIGSTORE_UNSUPPORTED.get(member.getKey());
          if (unsupported != null) {
            throw member
                .getValue()
                .error(
                    unsupported + "; only public keys are (keyPath, keyPaths, keyData, keyDatas)");
          }
        }
        onlyKeys(value, type, SIGSTORE_SIGNED);
        return new PolicyRequirement.SigstoreSigned(
            keys(value, List.of("keyPath", "keyPaths", "keyData", "keyDatas")), identity(value));
      case "signedBaseLayer":
        throw value.error(
            "signedBaseLayer is not supported (containers/image rejects every image with it too)");
      default:
        throw value.error(
            "unknown requirement type \""
                + type
                + "\" (insecureAcceptAnything, reject, signedBy, sigstoreSigned)");
    }
  }

  private static void checkKeyType(Located value) {
    Located keyType =
        value
            .get("keyType")
            .orElseThrow(() -> value.error("signedBy needs \"keyType\": \"GPGKeys\""));
    String name = keyType.text("keyType");
    if (NOT_IMPLEMENTED_KEY_TYPES.contains(name)) {
      throw keyType.error(
          "keyType \""
              + name
              + "\" is not supported, only GPGKeys (containers/image accepts the name but rejects"
              + " every signature with it)");
    }
    if (!name.equals("GPGKeys")) {
      throw keyType.error("unknown keyType \"" + name + "\" (GPGKeys)");
    }
  }

  /** The keys of exactly one of {@code sources}: a path, paths, base64 data or a list of them. */
  private static List<KeySource> keys(Located value, List<String> sources) {
    List<String> present = sources.stream().filter(s -> value.get(s).isPresent()).toList();
    if (present.size() != 1) {
      throw value.error(
          "exactly one of "
              + String.join(", ", sources)
              + " is needed"
              + (present.isEmpty() ? ", there is none" : ", not " + String.join(" and ", present)));
    }
    String source = present.get(0);
    Located keys = value.get(source).orElseThrow();
    List<KeySource> result = new ArrayList<>();
    switch (source) {
      case "keyPath" -> result.add(path(keys));
      case "keyData" -> result.add(data(keys));
      case "keyPaths", "keyDatas" -> {
        List<Located> items = keys.items(source);
        if (items.isEmpty()) {
          throw keys.error(source + " is empty");
        }
        for (Located item : items) {
          result.add(source.equals("keyPaths") ? path(item) : data(item));
        }
      }
      default -> throw new IllegalStateException(source);
    }
    return result;
  }

  /** A key file; a relative path is taken from the working directory, as containers/image does. */
  private static KeySource path(Located value) {
    String path = value.text("a key path");
    if (path.isEmpty()) {
      throw value.error("the key path is empty");
    }
    try {
      return new KeySource.FromFile(Path.of(path));
    } catch (InvalidPathException e) {
      throw value.error("the key path is not a valid path: " + e.getReason());
    }
  }

  /** Key bytes in base64 with padding; line breaks are ignored, as Go's decoder ignores them. */
  private static KeySource data(Located value) {
    String text = value.text("key data").replace("\r", "").replace("\n", "");
    if (text.isEmpty()) {
      throw value.error("the key data is empty");
    }
    try {
      return new KeySource.Inline(Base64.getDecoder().decode(text));
    } catch (IllegalArgumentException e) {
      throw value.error("the key data is not base64: " + e.getMessage());
    }
  }

  private static SignedIdentity identity(Located requirement) {
    return requirement
        .get("signedIdentity")
        .map(PolicyIdentities::identity)
        .orElseGet(SignedIdentity.MatchRepoDigestOrExact::new);
  }

  /** The {@code type} of an object. */
  static String type(Located value, String what) {
    value.members(what);
    Located type = value.get("type").orElseThrow(() -> value.error(what + " needs a \"type\""));
    return type.text("type");
  }

  /** Every key of the object is one of {@code allowed}. */
  static void onlyKeys(Located value, String type, Set<String> allowed) {
    for (Map.Entry<String, Located> member : value.members(type)) {
      if (!allowed.contains(member.getKey())) {
        throw member
            .getValue()
            .error(
                "unknown key \""
                    + member.getKey()
                    + "\" in "
                    + type
                    + " (policy.json is read strictly, as containers/image reads it)");
      }
    }
  }
}
