package dev.registryclient.examples.cli;

import dev.registryclient.api.ImageReference;
import dev.registryclient.api.auth.Credentials;
import dev.registryclient.api.auth.Secret;
import dev.registryclient.api.client.RegistryClientBuilder;
import dev.registryclient.api.client.RegistrySettings;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * How to reach and authenticate to the registry: {@code --user}, {@code --authfile}, {@code
 * --plain-http}, {@code --insecure}. Without {@code --user} or {@code --authfile} the usual files
 * are read (podman/skopeo {@code auth.json}, Docker {@code config.json} and its helpers).
 */
final class ConnectionOptions {
  @Spec(Spec.Target.MIXEE)
  CommandSpec spec;

  @Option(
      names = "--user",
      paramLabel = "USER:PASS",
      description = "Credentials for the registry of REF (never printed or logged).")
  String user;

  @Option(
      names = "--authfile",
      paramLabel = "FILE",
      description = "Read credentials from this auth.json / config.json only.")
  Path authfile;

  @Option(
      names = "--plain-http",
      description = "Speak http instead of https (loopback registries use http anyway).")
  boolean plainHttp;

  @Option(
      names = "--insecure",
      description =
          "Do not verify the registry's TLS certificate (hosts it redirects to still are); a"
              + " loopback registry is then reached over https too.")
  boolean insecure;

  /**
   * {@code builder} with the credentials and connection settings these flags give for {@code
   * reference}'s registry.
   */
  RegistryClientBuilder applyTo(RegistryClientBuilder builder, ImageReference reference) {
    if (user != null && authfile != null) {
      throw usage("give --user or --authfile, not both");
    }
    if (user != null) {
      // for this registry (and its token server) only: other registries stay anonymous
      builder.credentials(reference.registry(), userPass(spec, "--user", user));
    } else if (authfile != null) {
      if (!Files.isRegularFile(authfile)) {
        throw usage("--authfile " + authfile + ": no such file");
      }
      builder.authFile(authfile);
    } else {
      builder.defaultCredentials();
    }
    return builder.registry(reference.registry(), settings(insecure, plainHttp));
  }

  /**
   * The credentials of a {@code USER:PASS} flag value; a value without a user and a colon is a
   * usage error that names the flag but not the value, which holds a password.
   */
  static Credentials userPass(CommandSpec spec, String flag, String value) {
    int colon = value.indexOf(':');
    if (colon <= 0) {
      throw new ParameterException(spec.commandLine(), flag + " must be USER:PASS");
    }
    return Credentials.usernamePassword(
        value.substring(0, colon), Secret.of(value.substring(colon + 1)));
  }

  /** The settings {@code --insecure} and {@code --plain-http} give a registry. */
  static RegistrySettings settings(boolean insecure, boolean plainHttp) {
    RegistrySettings settings = RegistrySettings.defaults().withInsecureTls(insecure);
    return plainHttp ? settings.withPlainHttp(true) : settings;
  }

  private ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }
}
