package dev.registryclient.examples.cli;

import dev.registryclient.api.ImageReference;
import dev.registryclient.api.client.CopyRequest;
import dev.registryclient.api.client.CopyResult;
import dev.registryclient.api.client.PushSource;
import dev.registryclient.api.client.RegistryClient;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code push DIR[:TAG] REF [--dest-user U:P] ...}: pushes an image of an OCI image layout to a
 * registry, every platform the layout holds, digests kept; the last line is {@code Copied DIR[:TAG]
 * sha256:... -> REF (N blobs: U uploaded, M mounted, S skipped, X MB in Y s)}.
 */
@Command(
    name = "push",
    mixinStandardHelpOptions = true,
    description = {
      "Push an image of an OCI image layout (e.g. one pull wrote) to a registry, with its"
          + " digests; blobs the registry has are not sent again.",
      "The image is pushed as the layout holds it, an index with every platform in it or one"
          + " image, so push has no --platform or --all (pull --platform chose what the layout"
          + " holds) and no --src-user (the source is a directory)."
    })
final class PushCommand implements Callable<Integer>, CredentialFlag {
  private final Terminal terminal;

  @Parameters(
      index = "0",
      paramLabel = "DIR[:TAG]",
      description =
          "The layout and the tag of its image; TAG may be left out when the layout holds one"
              + " image.")
  String sourceArgument;

  @Parameters(
      index = "1",
      paramLabel = "REF",
      description = "Where to, e.g. localhost:5000/app:1.0 (without a tag: latest).")
  String targetArgument;

  @Spec CommandSpec spec;
  @Mixin TransferOptions transfer;
  @Mixin Verbosity verbosity;

  PushCommand(Terminal terminal) {
    this.terminal = terminal;
  }

  @Override
  public Integer call() {
    ImageReference target = parseTarget();
    PushSource source = layoutImage();
    CopyProgressPrinter progress = new CopyProgressPrinter(terminal.err(), terminal.interactive());
    try (RegistryClient client = transfer.client(target)) {
      // a layout holds what was pulled: an index is pushed whole, never narrowed to one platform
      CopyRequest push = client.push(source, target).allPlatforms();
      if (!transfer.quiet) {
        push.onProgress(progress);
      }
      CopyResult result;
      try {
        result = push.execute();
      } finally {
        progress.finish();
      }
      terminal.out().println(CopyCommand.summary(sourceArgument, targetArgument, result));
    }
    return Main.OK;
  }

  private PushSource layoutImage() {
    try {
      return LayoutImage.parse(sourceArgument).open();
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "DIR[:TAG]: " + e.getMessage());
    }
  }

  private ImageReference parseTarget() {
    try {
      return ImageReference.parse(targetArgument);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "REF: " + e.getMessage());
    }
  }

  /** Push talks to one registry, the target's, whose credentials flag is {@code --dest-user}. */
  @Override
  public String forRegistry(Optional<String> registry) {
    return "--dest-user";
  }
}
