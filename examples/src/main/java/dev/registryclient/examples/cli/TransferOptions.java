package dev.registryclient.examples.cli;

import dev.registryclient.api.ImageReference;
import dev.registryclient.api.auth.Credentials;
import dev.registryclient.api.client.RegistryClient;
import dev.registryclient.api.client.RegistryClientBuilder;
import dev.registryclient.api.client.RegistrySettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The flags of a transfer to a registry ({@code push}, {@code copy}, {@code sync}): {@code
 * --dest-user}, {@code --authfile} (read by host, so it serves source and target), {@code
 * --plain-http} and {@code --insecure} (for both registries), {@code --parallel}, {@code --quiet}.
 * Without {@code --authfile} the usual files are read, as {@code pull} reads them.
 */
final class TransferOptions {
  @Spec(Spec.Target.MIXEE)
  CommandSpec spec;

  @Option(
      names = "--dest-user",
      paramLabel = "USER:PASS",
      description = "Credentials for the target's registry (never printed or logged).")
  String destinationUser;

  @Option(
      names = "--authfile",
      paramLabel = "FILE",
      description =
          "Read credentials from this auth.json / config.json only, for every registry it names"
              + " (--src-user and --dest-user win for their registry).")
  Path authfile;

  @Option(
      names = "--plain-http",
      description = "Speak http instead of https (loopback registries use http anyway).")
  boolean plainHttp;

  @Option(
      names = "--insecure",
      description =
          "Do not verify the registries' TLS certificates (hosts they redirect to still are); a"
              + " loopback registry is then reached over https too.")
  boolean insecure;

  @Option(
      names = "--parallel",
      paramLabel = "N",
      description = "Blobs transferred at once, 1..64 (default ${DEFAULT-VALUE}).",
      defaultValue = "4")
  int parallel;

  @Option(names = "--quiet", description = "Print only the last line (and failures).")
  boolean quiet;

  /** A client for a push to {@code target}. */
  RegistryClient client(ImageReference target) {
    return builder(Optional.empty(), null, target).build();
  }

  /**
   * A client for a copy from {@code source}, with {@code --src-user} {@code sourceUser}, reading
   * the source through the mirrors {@code mirrors} chooses (the target is written as named).
   */
  RegistryClient client(
      ImageReference source, String sourceUser, ImageReference target, MirrorOptions mirrors) {
    return mirrors.applyTo(builder(Optional.of(source), sourceUser, target)).build();
  }

  /** {@link #client(ImageReference, String, ImageReference, MirrorOptions)} under {@code trust}. */
  RegistryClient client(
      ImageReference source,
      String sourceUser,
      ImageReference target,
      MirrorOptions mirrors,
      TrustOptions trust) {
    return trust.applyTo(mirrors.applyTo(builder(Optional.of(source), sourceUser, target))).build();
  }

  /**
   * {@code --src-user} or {@code --dest-user}, whichever gives credentials for {@code registry}.
   */
  static CredentialFlag flagFor(ImageReference target) {
    return registry ->
        registry.map(r -> sameRegistry(r, target.registry())).orElse(true)
            ? "--dest-user"
            : "--src-user";
  }

  private RegistryClientBuilder builder(
      Optional<ImageReference> source, String sourceUser, ImageReference target) {
    if (parallel < 1 || parallel > 64) {
      throw usage("--parallel must be 1..64, got " + parallel);
    }
    RegistryClientBuilder builder = Clients.create(parallel);
    if (authfile != null) {
      if (!Files.isRegularFile(authfile)) {
        throw usage("--authfile " + authfile + ": no such file");
      }
      builder.authFile(authfile);
    } else {
      builder.defaultCredentials();
    }
    RegistrySettings settings = ConnectionOptions.settings(insecure, plainHttp);
    if (source.isPresent()) {
      String registry = source.get().registry();
      builder.registry(registry, settings);
      if (sourceUser != null) {
        if (destinationUser != null
            && sameRegistry(registry, target.registry())
            && !sourceUser.equals(destinationUser)) {
          // a client holds one set of credentials per registry
          throw usage(
              "source and target are both on "
                  + registry
                  + ": give one account for both (--src-user or --dest-user)");
        }
        builder.credentials(registry, credentials("--src-user", sourceUser));
      }
    }
    builder.registry(target.registry(), settings);
    if (destinationUser != null) {
      builder.credentials(target.registry(), credentials("--dest-user", destinationUser));
    }
    return builder;
  }

  private Credentials credentials(String flag, String value) {
    return ConnectionOptions.userPass(spec, flag, value);
  }

  private static boolean sameRegistry(String a, String b) {
    return a.toLowerCase(Locale.ROOT).equals(b.toLowerCase(Locale.ROOT));
  }

  private ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }
}
