package dev.registryclient.examples.cli;

import dev.registryclient.api.ImageReference;
import dev.registryclient.api.auth.CredentialProvider;
import dev.registryclient.api.auth.Credentials;
import dev.registryclient.api.auth.Secret;
import dev.registryclient.core.auth.credentials.AuthJsonCredentialProvider;
import dev.registryclient.core.auth.credentials.CredentialProviders;
import dev.registryclient.core.auth.credentials.Environment;
import dev.registryclient.core.auth.credentials.StaticCredentialProvider;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
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

  /** Where credentials come from for {@code reference}'s registry. */
  CredentialProvider credentials(ImageReference reference) {
    if (user != null && authfile != null) {
      throw usage("give --user or --authfile, not both");
    }
    if (user != null) {
      int colon = user.indexOf(':');
      if (colon <= 0) {
        throw usage("--user must be USER:PASS"); // the value is not echoed: it holds a password
      }
      Credentials credentials =
          Credentials.usernamePassword(
              user.substring(0, colon), Secret.of(user.substring(colon + 1)));
      return CredentialProviders.chain(
          StaticCredentialProvider.builder()
              .add(reference.registry(), credentials)
              .add(reference.registryApiHost(), credentials)
              .build(),
          CredentialProviders.anonymous());
    }
    if (authfile != null) {
      if (!Files.isRegularFile(authfile)) {
        throw usage("--authfile " + authfile + ": no such file");
      }
      Environment only =
          Environment.of(
              java.util.Map.of("REGISTRY_AUTH_FILE", authfile.toString()), missingHome());
      return CredentialProviders.chain(
          new AuthJsonCredentialProvider(only), CredentialProviders.anonymous());
    }
    return CredentialProviders.defaultChain();
  }

  /** Whether to speak plain http to {@code reference}'s registry. */
  boolean plainHttpFor(ImageReference reference) {
    // --insecure says the registry speaks TLS, overriding the loopback default of plain http
    return plainHttp || !insecure && isLoopback(reference.registry());
  }

  /** The flags that only affect connections, for the client settings. */
  Optional<Boolean> plainHttpSetting() {
    return plainHttp ? Optional.of(true) : Optional.empty();
  }

  static boolean isLoopback(String registry) {
    String host =
        registry.startsWith("[")
            ? registry.substring(1, Math.max(1, registry.indexOf(']')))
            : registry.replaceFirst(":\\d+$", "");
    return host.equalsIgnoreCase("localhost")
        || host.equals("::1")
        || host.matches("127(\\.\\d{1,3}){3}");
  }

  private ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }

  /** A home without credential files, so --authfile is the only file read. */
  private static Path missingHome() {
    return Path.of(System.getProperty("java.io.tmpdir"), "registry-client-no-home");
  }
}
