package dev.registryclient.oci.client;

import dev.registryclient.api.Digest;
import dev.registryclient.core.transport.RetryListener;
import dev.registryclient.oci.manifest.ManifestFetcher;
import dev.registryclient.oci.pull.BlobStream;
import dev.registryclient.oci.pull.FetchedManifest;
import dev.registryclient.oci.pull.ImageSource;
import java.util.Optional;

/** One repository of a registry, as the pull engine reads it. */
final class RegistryImageSource implements ImageSource {
  private final Registry registry;
  private final String repository;
  private final ManifestFetcher manifests;

  RegistryImageSource(Registry registry, String repository, ManifestFetcher manifests) {
    this.registry = registry;
    this.repository = repository;
    this.manifests = manifests;
  }

  @Override
  public String registry() {
    return registry.name();
  }

  @Override
  public String repository() {
    return repository;
  }

  @Override
  public FetchedManifest manifest(String reference) {
    return new FetchedManifest(
        manifests.fetch(repository, reference), registry.endpoints().base().getAuthority());
  }

  @Override
  public BlobStream openBlob(Digest digest, long size, RetryListener retries) {
    return BlobOpener.open(registry, repository, digest, size, retries);
  }

  @Override
  public Optional<BlobStream> openBlobRange(
      Digest digest, long size, long from, long to, RetryListener retries) {
    return BlobOpener.openRange(registry, repository, digest, size, from, to, retries);
  }
}
