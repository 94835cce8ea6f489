package dev.registryclient.oci.client;

import dev.registryclient.api.Digest;
import dev.registryclient.api.ImageReference;
import dev.registryclient.api.config.Source;
import dev.registryclient.api.exception.Phase;
import dev.registryclient.api.exception.RegistryException;
import dev.registryclient.core.transport.RetryListener;
import dev.registryclient.oci.pull.BlobStream;
import dev.registryclient.oci.pull.FetchedManifest;
import dev.registryclient.oci.pull.ImageSource;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * An image as a pull reads it from the sources a registry configuration names: the manifest the
 * reference names comes from the first source that has it (mirrors, then the registry); once it is
 * known, every later request (child manifests, config, layers) asks by digest, the source that
 * served last first (at the start, the manifest's), then the others that serve pulls by digest,
 * those that failed during this pull last ({@link SourceRanking}). Each blob fails over on its own,
 * at its first response (an unreachable mirror, or the CDN a mirror redirects to). Without a
 * configuration it is the one registry the reference names.
 */
final class FailoverImageSource implements ImageSource {
  private final ImageReference reference;
  private final Function<ImageReference, SourceChain> chains;
  private final Function<Source, ImageSource> open;
  private final BiConsumer<Source, RegistryException> warn;
  private final SourceRanking ranking = new SourceRanking();

  /**
   * @param chains the sources of a reference
   * @param open reads one source (its registry and repository)
   * @param warn told about sources that failed before another served
   */
  FailoverImageSource(
      ImageReference reference,
      Function<ImageReference, SourceChain> chains,
      Function<Source, ImageSource> open,
      BiConsumer<Source, RegistryException> warn) {
    this.reference = reference;
    this.chains = chains;
    this.open = open;
    this.warn = warn;
  }

  @Override
  public String registry() {
    return reference.registry();
  }

  @Override
  public String repository() {
    return reference.repository();
  }

  @Override
  public FetchedManifest manifest(String wanted) {
    ImageReference asked =
        Digest.isValid(wanted)
            ? reference.withoutTagOrDigest().withDigest(Digest.parse(wanted))
            : reference.withoutTagOrDigest().withTag(wanted);
    SourceChain.Served<FetchedManifest> served =
        ranking.first(
            chains.apply(asked),
            Phase.MANIFEST,
            source -> open.apply(source).manifest(source.reference().reference()),
            warn);
    return served.value().from(served.source());
  }

  @Override
  public BlobStream openBlob(Digest digest, long size, RetryListener retries) {
    ImageReference blob = reference.withoutTagOrDigest().withDigest(digest);
    SourceChain.Served<BlobStream> served =
        ranking.first(
            chains.apply(blob),
            Phase.BLOB,
            source -> open.apply(source).openBlob(digest, size, retries),
            warn);
    return served.value().from(served.source());
  }

  /** Like {@link #openBlob}: the first source that answers serves the range (or says it cannot). */
  @Override
  public Optional<BlobStream> openBlobRange(
      Digest digest, long size, long from, long to, RetryListener retries) {
    ImageReference blob = reference.withoutTagOrDigest().withDigest(digest);
    SourceChain.Served<Optional<BlobStream>> served =
        ranking.first(
            chains.apply(blob),
            Phase.BLOB,
            source -> open.apply(source).openBlobRange(digest, size, from, to, retries),
            warn);
    return served.value().map(stream -> stream.from(served.source()));
  }
}
