package dev.registryclient.examples.cli;

import dev.registryclient.api.ImageReference;
import dev.registryclient.api.Platform;
import dev.registryclient.api.client.CopyRequest;
import dev.registryclient.api.client.CopyResult;
import dev.registryclient.api.client.RegistryClient;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code copy SRC-REF DST-REF [--all | --platform P] [--src-user U:P] [--dest-user U:P] ...}:
 * copies an image from one registry to another (or within one), blobs streamed and verified,
 * digests kept; the last line is {@code Copied SRC sha256:... -> DST (N blobs: U uploaded, M
 * mounted, S skipped, X MB in Y s)}.
 */
@Command(
    name = "copy",
    mixinStandardHelpOptions = true,
    description = {
      "Copy an image from one registry to another, or within one (blobs are then mounted, not"
          + " sent). Digests are kept; blobs the target has are not sent again.",
      "From an index, this machine's platform is copied and the target tag names its image, as"
          + " skopeo copy does; --all copies the index as it is; --platform P copies P's image"
          + " (repeat it to copy several platforms under a new index holding only them, the one"
          + " digest that then changes).",
      "Within one registry one account serves both sides (--src-user or --dest-user)."
    })
final class CopyCommand implements Callable<Integer>, CredentialFlag {
  private final Terminal terminal;

  @Parameters(
      index = "0",
      paramLabel = "SRC-REF",
      description = "The image to copy, e.g. quay.io/org/app:1.0 or ...@sha256:...")
  String sourceArgument;

  @Parameters(
      index = "1",
      paramLabel = "DST-REF",
      description = "Where to, a tag or digest, e.g. mirror.internal:5000/org/app:1.0.")
  String targetArgument;

  @Option(names = "--all", description = "Copy an index with every image in it, byte for byte.")
  boolean all;

  @Option(
      names = "--platform",
      paramLabel = "OS/ARCH[/VARIANT]",
      converter = PlatformChoice.Converter.class,
      description =
          "The platform to copy from an index (default: this machine's); repeat for several.")
  List<PlatformChoice> platforms = new ArrayList<>();

  @Spec CommandSpec spec;
  @Mixin SourceUser sourceUser;
  @Mixin TransferOptions transfer;
  @Mixin MirrorOptions mirrors;
  @Mixin TrustOptions trust;
  @Mixin Verbosity verbosity;

  @Option(
      names = "--copy-signatures",
      description =
          "Carry the image's signatures along: simple signing into the target's lookaside-staging"
              + " directory (--registries.d), sigstore .sig tags into the target repository.")
  boolean copySignatures;

  private ImageReference target;

  CopyCommand(Terminal terminal) {
    this.terminal = terminal;
  }

  @Override
  public Integer call() {
    ImageReference source = parse("SRC-REF", sourceArgument);
    target = parse("DST-REF", targetArgument);
    CopyProgressPrinter progress = new CopyProgressPrinter(terminal.err(), terminal.interactive());
    try (RegistryClient client =
        transfer.client(source, sourceUser.value, target, mirrors, trust)) {
      CopyRequest copy = choosePlatforms(client.copy(source, target));
      if (copySignatures) {
        copy.copySignatures();
      }
      copy.onProgress(transfer.quiet ? progress.warningsOnly() : progress);
      CopyResult result;
      try {
        result = copy.execute();
      } finally {
        progress.finish();
      }
      if (result.rewritten() && !transfer.quiet) {
        terminal
            .err()
            .println(
                "Wrote a new index holding only the platforms chosen: "
                    + result.manifest().digest()
                    + " (the source's index is "
                    + result.sourceManifest().digest()
                    + ")");
      }
      if (!transfer.quiet) {
        result.signatures().forEach(s -> terminal.out().println("Signature copied to " + s));
      }
      terminal.out().println(summary(sourceArgument, targetArgument, result));
    }
    return Main.OK;
  }

  @Override
  public String forRegistry(Optional<String> registry) {
    return target == null ? "--dest-user" : TransferOptions.flagFor(target).forRegistry(registry);
  }

  /**
   * {@code Copied SRC sha256:... -> DST (N blobs: U uploaded, M mounted, S skipped, X MB in Y s)},
   * the digest being what the target now holds; X counts the bytes sent.
   */
  static String summary(String source, String target, CopyResult result) {
    return String.format(
        Locale.ROOT,
        "Copied %s %s -> %s (%d blobs: %d uploaded, %d mounted, %d skipped, %s MB in %.1f s)",
        source,
        result.manifest().digest(),
        target,
        result.blobs().size(),
        result.uploaded(),
        result.mounted(),
        result.skipped(),
        ProgressPrinter.megabytes(result.bytesUploaded()),
        result.elapsed().toMillis() / 1000.0);
  }

  private CopyRequest choosePlatforms(CopyRequest copy) {
    if (all && !platforms.isEmpty()) {
      throw usage("give --all or --platform, not both");
    }
    if (all || platforms.contains(PlatformChoice.ALL)) {
      if (platforms.size() > 1) {
        throw usage("--platform all cannot be combined with other platforms");
      }
      return copy.allPlatforms();
    }
    Set<Platform> chosen = new LinkedHashSet<>();
    platforms.forEach(p -> chosen.add(p.platform().orElseThrow()));
    if (chosen.size() == 1) {
      return copy.platform(chosen.iterator().next());
    }
    // none: the SDK's default, this machine's platform
    return chosen.isEmpty() ? copy : copy.platforms(chosen);
  }

  private ImageReference parse(String label, String value) {
    try {
      return ImageReference.parse(value);
    } catch (IllegalArgumentException e) {
      throw usage(label + ": " + e.getMessage());
    }
  }

  private ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }
}
