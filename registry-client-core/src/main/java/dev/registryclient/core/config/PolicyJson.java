package dev.registryclient.core.config;

import dev.registryclient.api.exception.ConfigurationException;
import dev.registryclient.api.trust.PolicyRequirement;
import dev.registryclient.api.trust.TrustPolicy;
import dev.registryclient.core.auth.credentials.Environment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads {@code containers-policy.json(5)}, the signature policy of podman, skopeo, buildah and
 * CRI-O, into a {@link TrustPolicy}.
 *
 * <pre>{@code
 * TrustPolicy policy = PolicyJson.load();   // the file podman would use
 * TrustPolicy mine = PolicyJson.read(Path.of("policy.json"));
 * }</pre>
 *
 * <p>{@link #load()} reads {@code ~/.config/containers/policy.json} if it exists, else {@code
 * /etc/containers/policy.json}; neither existing is an error (containers/image has no built-in
 * policy either). Only the {@code docker} transport is kept: its {@code ""} scope, when present, is
 * the default for docker images in place of the global {@code default}, which is still required.
 * Other transports are not checked beyond being JSON objects.
 *
 * <p>The file is read as strictly as containers/image reads it: unknown or duplicate keys, an empty
 * requirement list, and a {@code signedBy} without exactly one of {@code keyPath}, {@code keyPaths}
 * and {@code keyData} are errors. So is what registry-client cannot check, instead of being
 * skipped: {@code keyType} other than {@code GPGKeys}, {@code sigstoreSigned} with {@code fulcio},
 * {@code pki} or a Rekor key, and {@code signedBaseLayer}. Key paths are kept as written (a
 * relative one is read from the working directory, as containers/image does); {@code keyData} is
 * base64-decoded. Every error names the file, the line and the JSON path ({@code
 * transports.docker["registry.redhat.io"][0].keyType}). Files are capped at 1 MiB.
 */
public final class PolicyJson {
  /** The file name, in {@code /etc/containers} and {@code ~/.config/containers}. */
  public static final String FILE = "policy.json";

  private static final Logger LOG = LoggerFactory.getLogger(PolicyJson.class);

  private PolicyJson() {}

  /**
   * The policy podman would use on this machine, for this user.
   *
   * @return the policy of the user's {@code policy.json}, else the system one
   */
  public static TrustPolicy load() {
    return load(Environment.system());
  }

  /**
   * The policy for this environment's home directory, else {@code /etc/containers}.
   *
   * @param environment supplies the home directory
   * @return the policy of the user's {@code policy.json}, else the system one
   */
  public static TrustPolicy load(Environment environment) {
    return load(environment, RegistriesConf.SYSTEM_DIRECTORY);
  }

  /**
   * The policy for this environment with system-wide files under {@code systemDirectory} instead of
   * {@code /etc/containers}: for tests, containers and chroots.
   *
   * @param environment supplies the home directory
   * @param systemDirectory the directory to use instead of {@code /etc/containers}
   * @return the policy of the user's {@code policy.json}, else the system one
   * @throws ConfigurationException if neither file exists, or the one used is invalid
   */
  public static TrustPolicy load(Environment environment, Path systemDirectory) {
    Path user = environment.home().resolve(".config").resolve("containers").resolve(FILE);
    Path system = systemDirectory.resolve(FILE);
    Path file = Files.exists(user) ? user : system;
    LOG.debug("reading the signature policy {}", file);
    Optional<String> text = ConfigFile.readIfExists(file);
    if (text.isEmpty()) {
      throw ConfigFile.error(
          system.toString(), "no policy.json, neither " + user + " nor " + system + " exists");
    }
    return parse(text.get(), file.toString());
  }

  /**
   * One policy file.
   *
   * @param file the file to read
   * @return its policy
   * @throws ConfigurationException if it is missing, unreadable, over 1 MiB or invalid
   */
  public static TrustPolicy read(Path file) {
    return parse(ConfigFile.read(file), file.toString());
  }

  /**
   * A policy text.
   *
   * @param origin what to call it in error messages
   * @param json the policy's JSON text
   * @return the policy
   * @throws ConfigurationException if it is invalid
   */
  public static TrustPolicy parse(String json, String origin) {
    if (json.length() > ConfigFile.MAX_SIZE) {
      throw ConfigFile.error(origin, "larger than 1 MiB, not a configuration file");
    }
    Located root = LocatedTree.json(json, origin);
    List<PolicyRequirement> defaults = null;
    Map<String, List<PolicyRequirement>> docker = new LinkedHashMap<>();
    for (Map.Entry<String, Located> member : root.members("a policy")) {
      switch (member.getKey()) {
        case "default" -> defaults = PolicyRequirements.list(member.getValue());
        case "transports" -> transports(member.getValue(), docker);
        default ->
            throw member
                .getValue()
                .error(
                    "unknown key \""
                        + member.getKey()
                        + "\" (default, transports; policy.json is read strictly, as"
                        + " containers/image reads it)");
      }
    }
    if (defaults == null) {
      throw root.error("the \"default\" requirements are missing; they are required");
    }
    List<PolicyRequirement> dockerDefault = docker.remove("");
    if (dockerDefault != null) {
      LOG.debug("{}: transports.docker[\"\"] replaces \"default\" for docker images", origin);
    }
    return TrustPolicy.of(dockerDefault != null ? dockerDefault : defaults, docker);
  }

  private static void transports(Located transports, Map<String, List<PolicyRequirement>> docker) {
    for (Map.Entry<String, Located> transport : transports.members("transports")) {
      List<Map.Entry<String, Located>> scopes = transport.getValue().members("a transport");
      if (!transport.getKey().equals("docker")) {
        LOG.debug(
            "{}: ignoring transport \"{}\", registry-client pulls from registries only",
            transports.document().origin(),
            transport.getKey());
        continue;
      }
      for (Map.Entry<String, Located> scope : scopes) {
        if (neverMatches(scope.getKey())) {
          LOG.debug(
              "{}: docker scope \"{}\" never matches: a '*' only works as \"*.domain\"",
              transports.document().origin(),
              scope.getKey());
        }
        docker.put(scope.getKey(), PolicyRequirements.list(scope.getValue()));
      }
    }
  }

  /** A wildcard anywhere but in front of a port-less host: containers/image never looks it up. */
  private static boolean neverMatches(String scope) {
    if (scope.startsWith("*.")) {
      return scope.indexOf('*', 1) >= 0 || scope.indexOf('/') >= 0 || scope.indexOf(':') >= 0;
    }
    return scope.indexOf('*') >= 0;
  }
}
