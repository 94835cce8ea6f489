package dev.registryclient.examples.cli;

import dev.registryclient.api.client.RegistryClientBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Signature verification flags: {@code --policy FILE} (a {@code containers-policy.json}), {@code
 * --registries.d DIR} (where lookaside signatures are), or {@code --verify} for the files podman
 * and skopeo use. Without any of them nothing is verified; the standard files are read only when
 * asked with {@code --verify}.
 */
final class TrustOptions {
  @Spec(Spec.Target.MIXEE)
  CommandSpec spec;

  @Option(
      names = "--policy",
      paramLabel = "FILE",
      description =
          "Verify signatures under this containers-policy.json before anything is stored; a"
              + " rejected image exits 1 and stores nothing.")
  Path policy;

  @Option(
      names = "--registries.d",
      paramLabel = "DIR",
      description =
          "Lookaside signature stores from this containers-registries.d directory (default with"
              + " --verify: ~/.config/containers/registries.d or /etc/containers/registries.d).")
  Path registriesD;

  @Option(
      names = "--verify",
      description =
          "Verify signatures under the policy podman uses: ~/.config/containers/policy.json or"
              + " /etc/containers/policy.json (and its registries.d).")
  boolean verify;

  /** Whether a policy applies. */
  boolean active() {
    return policy != null || verify;
  }

  /**
   * {@code builder} with the policy and signature stores these flags choose.
   *
   * @throws ParameterException if a named file or directory does not exist, or {@code --verify}
   *     finds no policy
   */
  RegistryClientBuilder applyTo(RegistryClientBuilder builder) {
    Optional<Path> stores = Optional.ofNullable(registriesD);
    if (registriesD != null && !Files.isDirectory(registriesD)) {
      throw usage("--registries.d " + registriesD + ": no such directory");
    }
    if (policy != null) {
      if (!Files.isRegularFile(policy)) {
        throw usage("--policy " + policy + ": no such file");
      }
      builder.policyJson(policy);
    } else if (verify) {
      Path standard =
          standard("policy.json", Files::isRegularFile)
              .orElseThrow(
                  () ->
                      usage(
                          "--verify: no policy at ~/.config/containers/policy.json or"
                              + " /etc/containers/policy.json; give one with --policy FILE"));
      builder.policyJson(standard);
    }
    if (verify && stores.isEmpty()) {
      stores = standard("registries.d", Files::isDirectory);
    }
    stores.ifPresent(builder::registriesD);
    return builder;
  }

  /** The user's file if it exists, else the system's, as containers/image looks them up. */
  private static Optional<Path> standard(String name, java.util.function.Predicate<Path> exists) {
    String home = System.getProperty("user.home");
    if (home != null) {
      Path user = Path.of(home, ".config", "containers", name);
      if (exists.test(user)) {
        return Optional.of(user);
      }
    }
    Path system = Path.of("/etc/containers", name);
    return exists.test(system) ? Optional.of(system) : Optional.empty();
  }

  private ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }
}
