package dev.registryclient.examples.cli;

import dev.registryclient.api.ImageReference;
import dev.registryclient.api.client.CopyEvent;
import dev.registryclient.api.client.RegistryClient;
import dev.registryclient.api.client.SyncRequest;
import dev.registryclient.api.client.SyncResult;
import dev.registryclient.api.client.SyncedImage;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code sync SRC-REPO DST-REPO [--tags REGEX] [--all] ...}: copies every tag of a repository (or
 * those matching) to the same tags of another, skipping images already there; a line per image on
 * stderr, and the last line {@code Synced N images: C copied, P already present, F failed}.
 */
@Command(
    name = "sync",
    mixinStandardHelpOptions = true,
    description = {
      "Copy the tags of a repository to the same tags of another (a mirror). An image whose"
          + " target tag already names what a copy would write is not copied again, so a second"
          + " run transfers nothing.",
      "From an index, this machine's platform is copied (as copy does); --all copies every"
          + " index as it is. One image failing does not stop the others; the exit code is then"
          + " 1.",
      "Within one registry one account serves both sides (--src-user or --dest-user)."
    })
final class SyncCommand implements Callable<Integer>, CredentialFlag {
  private final Terminal terminal;

  @Parameters(
      index = "0",
      paramLabel = "SRC-REPO",
      description = "The repository to read, without tag, e.g. registry.redhat.io/ubi9/ubi.")
  String sourceArgument;

  @Parameters(
      index = "1",
      paramLabel = "DST-REPO",
      description = "The repository to write, without tag, e.g. mirror.internal:5000/ubi9/ubi.")
  String targetArgument;

  @Option(
      names = "--tags",
      paramLabel = "REGEX",
      description = "Sync only the tags this regular expression matches as a whole, e.g. '9\\..*'.")
  Pattern tags;

  @Option(names = "--all", description = "Copy each index with every image in it, byte for byte.")
  boolean all;

  @Spec CommandSpec spec;
  @Mixin SourceUser sourceUser;
  @Mixin TransferOptions transfer;
  @Mixin MirrorOptions mirrors;
  @Mixin TrustOptions trust;
  @Mixin Verbosity verbosity;

  @Option(
      names = "--copy-signatures",
      description = "Carry each copied image's signatures along (see copy --copy-signatures).")
  boolean copySignatures;

  private ImageReference target;

  SyncCommand(Terminal terminal) {
    this.terminal = terminal;
  }

  @Override
  public Integer call() {
    ImageReference source = repository("SRC-REPO", sourceArgument);
    target = repository("DST-REPO", targetArgument);
    CopyProgressPrinter progress = new CopyProgressPrinter(terminal.err(), terminal.interactive());
    SyncResult result;
    try (RegistryClient client =
        transfer.client(source, sourceUser.value, target, mirrors, trust)) {
      SyncRequest sync = client.sync(source, target);
      if (copySignatures) {
        sync.copySignatures();
      }
      if (tags != null) {
        sync.tags(tags);
      }
      if (all) {
        sync.allPlatforms();
      }
      // a line per image as soon as it is done; FAILED lines and warnings even with --quiet
      sync.onProgress(
          event -> {
            if (event instanceof CopyEvent.ImageSynced synced) {
              SyncedImage image = synced.image();
              if (image.status() == SyncedImage.Status.FAILED || !transfer.quiet) {
                progress.line(line(image));
              }
            } else if (!transfer.quiet || event instanceof CopyEvent.SourceFailed) {
              progress.onEvent(event);
            }
          });
      try {
        result = sync.execute();
      } finally {
        progress.finish();
      }
    }
    terminal.out().println(summary(result));
    return result.failed() > 0 ? Main.FAILED : Main.OK;
  }

  @Override
  public String forRegistry(Optional<String> registry) {
    return target == null ? "--dest-user" : TransferOptions.flagFor(target).forRegistry(registry);
  }

  /** {@code Synced N images: C copied, P already present, F failed}. */
  static String summary(SyncResult result) {
    return String.format(
        Locale.ROOT,
        "Synced %d images: %d copied, %d already present, %d failed",
        result.images().size(),
        result.copied(),
        result.present(),
        result.failed());
  }

  /** What happened to one image: the copy's summary, already present, or FAILED and why. */
  private String line(SyncedImage image) {
    String source = image.source().toString();
    String target = image.target().toString();
    return switch (image.status()) {
      case COPIED -> CopyCommand.summary(source, target, image.copy().orElseThrow());
      case PRESENT -> "Already present " + source + " -> " + target;
      case FAILED ->
          "FAILED "
              + source
              + " -> "
              + target
              + ": "
              + FailureReport.of(image.failure().orElseThrow(), this).reason();
    };
  }

  private ImageReference repository(String label, String value) {
    ImageReference reference;
    try {
      reference = ImageReference.parse(value);
    } catch (IllegalArgumentException e) {
      throw usage(label + ": " + e.getMessage());
    }
    if (reference.tag().isPresent() || reference.digest().isPresent()) {
      throw usage(label + ": a repository without tag or digest, got " + value);
    }
    return reference;
  }

  private ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }
}
