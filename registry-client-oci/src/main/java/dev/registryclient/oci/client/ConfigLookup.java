package dev.registryclient.oci.client;

import dev.registryclient.api.Descriptor;
import dev.registryclient.api.DigestingInputStream;
import dev.registryclient.api.ImageReference;
import dev.registryclient.api.Platform;
import dev.registryclient.api.exception.ErrorContext;
import dev.registryclient.api.exception.InvalidContentException;
import dev.registryclient.api.exception.Phase;
import dev.registryclient.api.exception.TransportException;
import dev.registryclient.api.manifest.ImageConfig;
import dev.registryclient.api.manifest.ImageIndex;
import dev.registryclient.api.manifest.ImageManifest;
import dev.registryclient.api.manifest.Manifest;
import dev.registryclient.core.transport.RetryListener;
import dev.registryclient.oci.manifest.ManifestCodec;
import dev.registryclient.oci.manifest.ManifestFetcher;
import dev.registryclient.oci.platform.PlatformMatcher;
import dev.registryclient.oci.pull.BlobStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Finds and reads an image's config: manifest, platform choice in an index, config blob. */
final class ConfigLookup {
  private ConfigLookup() {}

  static ImageConfig config(
      Registry registry,
      ImageReference reference,
      Platform platform,
      ManifestFetcher fetcher,
      ManifestCodec codec) {
    String repository = reference.repository();
    ErrorContext context = ErrorContext.of(Phase.CONFIG, registry.name(), repository);
    Manifest manifest = fetcher.fetch(repository, reference.reference());
    if (manifest instanceof ImageIndex index) {
      Descriptor chosen = PlatformMatcher.select(index, platform, context);
      manifest = fetcher.fetch(repository, chosen.digest().toString());
    }
    if (!(manifest instanceof ImageManifest image)) {
      throw new InvalidContentException(
          context, reference + " is a " + manifest.mediaType() + ", which has no image config");
    }
    Descriptor config = image.config();
    try (BlobStream stream =
            BlobOpener.open(
                registry, repository, config.digest(), config.size(), RetryListener.NONE);
        InputStream in =
            new DigestingInputStream(
                stream.body(),
                config.digest(),
                config.size(),
                context.withContactedHost(stream.host()))) {
      byte[] bytes = codec.readLimited(in, context);
      return codec.decodeConfig(bytes, config.mediaType(), context);
    } catch (IOException | UncheckedIOException e) {
      throw new TransportException(
          context, "reading config " + config.digest() + " failed: " + e.getMessage(), e);
    }
  }
}
