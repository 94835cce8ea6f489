package dev.registryclient.examples.cli;

import dev.registryclient.api.ImageReference;
import dev.registryclient.api.client.PullRequest;
import dev.registryclient.api.client.PullResult;
import dev.registryclient.api.client.PulledBlob;
import dev.registryclient.api.client.RegistryClient;
import dev.registryclient.oci.layout.OciLayout;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code pull REF --layout DIR [--platform P|all] [--parallel N] ...}: pulls into an OCI image
 * layout, the tag becoming the {@code org.opencontainers.image.ref.name}; the last line is {@code
 * Pulled REF sha256:... (N blobs, X MB in Y s)}.
 */
@Command(
    name = "pull",
    mixinStandardHelpOptions = true,
    description = "Pull an image into an OCI image layout directory (created or updated).")
final class PullCommand implements Callable<Integer> {
  private final Terminal terminal;

  @Parameters(
      index = "0",
      paramLabel = "REF",
      description = "The image, e.g. localhost:5000/app:1.0 or quay.io/org/app@sha256:...")
  String ref;

  @Option(
      names = "--layout",
      required = true,
      paramLabel = "DIR",
      description = "The OCI image layout to pull into (skopeo inspect oci:DIR:TAG reads it).")
  Path layout;

  @Option(
      names = "--platform",
      paramLabel = "OS/ARCH[/VARIANT]|all",
      converter = PlatformChoice.Converter.class,
      description = "The platform to pull from an index (default: this machine's), or all.")
  PlatformChoice platform;

  @Option(
      names = "--parallel",
      paramLabel = "N",
      description = "Blobs downloaded at once, 1..64 (default ${DEFAULT-VALUE}).",
      defaultValue = "4")
  int parallel;

  @Option(
      names = "--verify-diff-ids",
      description =
          "Decompress each layer as it streams (gzip, zstd, tar) and check it against the"
              + " config's rootfs.diff_ids; a mismatch fails the pull and stores no tag.")
  boolean verifyDiffIds;

  @Option(names = "--quiet", description = "Print only the last line.")
  boolean quiet;

  @Spec CommandSpec spec;
  @Mixin ConnectionOptions connection;
  @Mixin MirrorOptions mirrors;
  @Mixin TrustOptions trust;
  @Mixin Verbosity verbosity;

  PullCommand(Terminal terminal) {
    this.terminal = terminal;
  }

  @Override
  public Integer call() {
    ImageReference reference = parseReference();
    if (parallel < 1 || parallel > 64) {
      throw new ParameterException(spec.commandLine(), "--parallel must be 1..64, got " + parallel);
    }
    ProgressPrinter progress = new ProgressPrinter(terminal.err(), terminal.interactive());
    try (RegistryClient client =
        trust.applyTo(Clients.builder(reference, connection, mirrors, parallel)).build()) {
      PullRequest pull = client.pull(reference).into(OciLayout.at(layout));
      PlatformChoice choice = platform != null ? platform : PlatformChoice.current();
      pull = choice.isAll() ? pull.allPlatforms() : pull.platform(choice.platform().get());
      pull = pull.onProgress(quiet ? progress.warningsOnly() : progress);
      PullResult result = pull.verifyDiffIds(verifyDiffIds).execute();
      if (verbosity.verbose) {
        sources(result).forEach(terminal.err()::println);
        terminal.err().flush();
      }
      if (!quiet) {
        result.trust().ifPresent(v -> terminal.out().println(VerifyCommand.summary(v)));
        if (verifyDiffIds) {
          diffIds(result).forEach(terminal.out()::println);
        }
      }
      terminal.out().println(summary(ref, result));
    }
    return Main.OK;
  }

  /**
   * Which source served what, for {@code --verbose}: {@code manifest from mirror m:5000/app:1},
   * then {@code sha256:0123456789ab from mirror m:5000/app} per blob downloaded.
   */
  static List<String> sources(PullResult result) {
    List<String> lines = new ArrayList<>();
    lines.add("manifest from " + result.source());
    for (PulledBlob blob : result.blobs()) {
      blob.source()
          .ifPresent(
              s ->
                  lines.add(
                      blob.digest().shortForm()
                          + " from "
                          + (s.mirror() ? "mirror " : "")
                          + s.reference().withoutTagOrDigest()));
    }
    return lines;
  }

  /**
   * For {@code --verify-diff-ids}: {@code diff_ids: 3 of 4 layers verified}, then {@code
   * sha256:0123456789ab not checked: REASON} per layer passed through unchecked.
   */
  static List<String> diffIds(PullResult result) {
    long layers = result.blobs().stream().filter(b -> b.diffIdCheck().isPresent()).count();
    List<PulledBlob> unchecked = result.diffIdsNotChecked();
    List<String> lines = new ArrayList<>();
    lines.add("diff_ids: " + (layers - unchecked.size()) + " of " + layers + " layers verified");
    for (PulledBlob blob : unchecked) {
      lines.add(
          blob.digest().shortForm() + " not checked: " + blob.diffIdCheck().orElseThrow().detail());
    }
    return lines;
  }

  /** {@code Pulled REF sha256:... (N blobs, X MB in Y s)}. */
  static String summary(String ref, PullResult result) {
    return String.format(
        Locale.ROOT,
        "Pulled %s %s (%d blobs, %s MB in %.1f s)",
        ref,
        result.manifest().digest(),
        result.blobs().size(),
        ProgressPrinter.megabytes(result.totalBytes()),
        result.elapsed().toMillis() / 1000.0);
  }

  private ImageReference parseReference() {
    try {
      return ImageReference.parse(ref);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "REF: " + e.getMessage());
    }
  }
}
