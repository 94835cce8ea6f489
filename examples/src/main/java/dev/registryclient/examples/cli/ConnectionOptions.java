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
      int colon = user.indexOf(':');
      if (colon <= 0) {
        throw usage("--user must be USER:PASS"); // the value is not echoed: it holds a password
      }
      // for this registry (and its token server) only: other registries stay anonymous
      builder.credentials(
          reference.registry(),
          Credentials.usernamePassword(
              user.substring(0, colon), Secret.of(user.substring(colon + 1))));
    } else if (authfile != null) {
      if (!Files.isRegularFile(authfile)) {
        throw usage("--authfile " + authfile + ": no such file");
      }
      builder.authFile(authfile);
    } else {
      builder.defaultCredentials();
    }
    RegistrySettings settings = RegistrySettings.defaults().withInsecureTls(insecure);
    if (plainHttp) {
      settings = settings.withPlainHttp(true);
    }
    return builder.registry(reference.registry(), settings);
  }

  private ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }
}
