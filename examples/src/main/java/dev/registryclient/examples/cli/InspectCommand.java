package dev.registryclient.examples.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.registryclient.api.Descriptor;
import dev.registryclient.api.ImageReference;
import dev.registryclient.api.client.ClientSettings;
import dev.registryclient.api.client.RegistryClient;
import dev.registryclient.api.exception.ErrorContext;
import dev.registryclient.api.exception.ImageRejectedException;
import dev.registryclient.api.exception.Phase;
import dev.registryclient.api.manifest.ImageIndex;
import dev.registryclient.api.manifest.Manifest;
import dev.registryclient.api.trust.TrustVerdict;
import dev.registryclient.oci.platform.PlatformMatcher;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code inspect REF [--platform P] [--raw]}: the manifest as JSON (digest, media type, platforms
 * and attestations of an index, config and layers of an image), or its bytes exactly as served.
 * {@code --platform} picks among the index's images, never an attestation manifest.
 *
 * <p>For a tag the JSON also has {@code alternateDigests} when the registry serves the same tag in
 * the other manifest schema (schema 1 next to schema 2 / OCI, see {@link
 * RegistryClient#alternateDigests}): one entry of {@code mediaType}, {@code digest}, {@code size}.
 * The field is absent when there is none, for a reference without a tag, for a digest reference,
 * for a platform picked from an index, and with {@code --raw}.
 */
@Command(
    name = "inspect",
    mixinStandardHelpOptions = true,
    description = {
      "Show a manifest or index as JSON, or with --raw exactly as the registry sent it.",
      "For a tag the registry also serves in the other schema (Docker schema 1 vs schema 2/OCI),"
          + " alternateDigests lists that document's digest: the same image, another digest."
    })
final class InspectCommand implements Callable<Integer> {
  private final Terminal terminal;

  @Parameters(
      index = "0",
      paramLabel = "REF",
      converter = ReferenceConverter.class,
      description = "The image, e.g. localhost:5000/app:1.0 or ghcr.io/org/app@sha256:...")
  ImageReference reference;

  @Option(
      names = "--platform",
      paramLabel = "OS/ARCH[/VARIANT]",
      converter = PlatformChoice.Converter.class,
      description = "For an index: show this platform's manifest instead of the index.")
  PlatformChoice platform;

  @Option(names = "--raw", description = "Print the manifest bytes exactly as served.")
  boolean raw;

  @Mixin ConnectionOptions connection;
  @Mixin MirrorOptions mirrors;
  @Mixin TrustOptions trust;
  @Mixin Verbosity verbosity;

  InspectCommand(Terminal terminal) {
    this.terminal = terminal;
  }

  @Override
  public Integer call() {
    try (RegistryClient client =
        trust
            .applyTo(
                Clients.builder(reference, connection, mirrors, ClientSettings.DEFAULT_PARALLELISM))
            .build()) {
      if (trust.active()) {
        TrustVerdict verdict = client.verify(reference);
        if (!verdict.accepted()) {
          throw new ImageRejectedException(
              ErrorContext.of(Phase.SIGNATURE, reference.registry(), reference.repository()),
              verdict);
        }
      }
      Manifest manifest = client.manifest(reference);
      ImageReference shown = reference;
      if (manifest instanceof ImageIndex index && platform != null && !platform.isAll()) {
        ErrorContext context =
            ErrorContext.of(Phase.MANIFEST, reference.registry(), reference.repository());
        Descriptor chosen = PlatformMatcher.select(index, platform.platform().get(), context);
        shown = reference.withDigest(chosen.digest());
        manifest = client.manifest(shown);
      }
      if (raw) {
        terminal.writeRaw(manifest.raw());
      } else {
        ObjectNode json = ManifestJson.describe(shown.toString(), manifest);
        if (shown != reference) {
          json.put("index", reference.toString());
        } else if (reference.tag().isPresent()) {
          Descriptor served =
              Descriptor.of(manifest.mediaType(), manifest.digest(), manifest.size());
          client
              .alternateDigests(reference, served)
              .forEach(other -> ManifestJson.addAlternate(json, other));
        }
        terminal.out().println(ManifestJson.render(json));
      }
    }
    return Main.OK;
  }
}
