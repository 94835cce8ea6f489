package dev.registryclient.oci.client;

import dev.registryclient.api.Descriptor;
import dev.registryclient.api.Digest;
import dev.registryclient.api.ImageReference;
import dev.registryclient.api.config.Source;
import dev.registryclient.api.exception.Phase;
import dev.registryclient.api.exception.RegistryException;
import dev.registryclient.api.manifest.Manifest;
import dev.registryclient.core.transport.RetryListener;
import dev.registryclient.oci.copy.CopySource;
import dev.registryclient.oci.push.BlobContent;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * The source of a copy when a registry configuration names mirrors: the top manifest from the first
 * source that has it, then child manifests and blobs by digest, the source that served last first
 * and those that failed last (see {@link FailoverImageSource} and {@link SourceRanking}). Blobs
 * from a mirror are not mounted at the target: a mount names a repository of the target's own
 * registry.
 */
final class FailoverCopySource implements CopySource {
  private final ImageReference reference;
  private final Function<ImageReference, SourceChain> chains;
  private final Function<Source, CopySource> open;
  private final BiConsumer<Source, RegistryException> warn;
  private final SourceRanking ranking = new SourceRanking();
  private volatile CopySource servingSource;
  private volatile Source serving;

  FailoverCopySource(
      ImageReference reference,
      Function<ImageReference, SourceChain> chains,
      Function<Source, CopySource> open,
      BiConsumer<Source, RegistryException> warn) {
    this.reference = reference;
    this.chains = chains;
    this.open = open;
    this.warn = warn;
  }

  @Override
  public String name() {
    return reference.toString();
  }

  @Override
  public Manifest top() {
    SourceChain.Served<Manifest> served =
        ranking.first(
            chains.apply(reference), Phase.MANIFEST, source -> open.apply(source).top(), warn);
    serving = served.source();
    servingSource = open.apply(served.source());
    return served.value();
  }

  /** The source that served the top manifest, once {@link #top()} returned. */
  Optional<Source> serving() {
    return Optional.ofNullable(serving);
  }

  @Override
  public Manifest manifest(Descriptor child) {
    return byDigest(child.digest(), Phase.MANIFEST, source -> source.manifest(child));
  }

  @Override
  public BlobContent blob(Digest digest, long size, RetryListener retries) {
    return () -> {
      try {
        return byDigest(digest, Phase.BLOB, source -> open(source.blob(digest, size, retries)));
      } catch (java.io.UncheckedIOException e) {
        throw e.getCause();
      }
    };
  }

  private static java.io.InputStream open(BlobContent content) {
    try {
      return content.open();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Override
  public Optional<Location> location() {
    CopySource current = servingSource;
    return current == null ? Optional.empty() : current.location();
  }

  private <T> T byDigest(Digest digest, Phase phase, Function<CopySource, T> attempt) {
    ImageReference asked = reference.withoutTagOrDigest().withDigest(digest);
    SourceChain.Served<T> served =
        ranking.first(
            chains.apply(asked), phase, source -> attempt.apply(open.apply(source)), warn);
    return served.value();
  }
}
