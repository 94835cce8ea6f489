package dev.registryclient.oci.client;

import dev.registryclient.api.Descriptor;
import dev.registryclient.api.Digest;
import dev.registryclient.api.ImageReference;
import dev.registryclient.api.manifest.Manifest;
import dev.registryclient.core.transport.RetryListener;
import dev.registryclient.oci.copy.CopySource;
import dev.registryclient.oci.manifest.ManifestFetcher;
import dev.registryclient.oci.push.BlobContent;
import java.util.Optional;

/**
 * A repository of a registry as the source of a copy: manifests through the {@link ManifestFetcher}
 * (digests verified), blobs streamed through {@link BlobOpener} (CDN redirects, {@code Range}
 * resumes, one retry budget per blob).
 */
final class RegistryCopySource implements CopySource {
  private final Registry registry;
  private final ImageReference reference;
  private final ManifestFetcher fetcher;

  RegistryCopySource(Registry registry, ImageReference reference, ManifestFetcher fetcher) {
    this.registry = registry;
    this.reference = reference;
    this.fetcher = fetcher;
  }

  @Override
  public String name() {
    return reference.toString();
  }

  @Override
  public Manifest top() {
    return fetcher.fetch(reference.repository(), reference.reference());
  }

  @Override
  public Manifest manifest(Descriptor child) {
    return fetcher.fetch(reference.repository(), child.digest().toString());
  }

  @Override
  public BlobContent blob(Digest digest, long size, RetryListener retries) {
    return () -> BlobOpener.open(registry, reference.repository(), digest, size, retries).body();
  }

  @Override
  public Optional<Location> location() {
    return Optional.of(
        new Location(registry.endpoints().base().toString(), reference.repository()));
  }
}
