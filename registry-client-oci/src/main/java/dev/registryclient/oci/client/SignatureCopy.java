package dev.registryclient.oci.client;

import dev.registryclient.api.Descriptor;
import dev.registryclient.api.ImageReference;
import dev.registryclient.api.client.CopyResult;
import dev.registryclient.api.config.Source;
import dev.registryclient.api.exception.ErrorContext;
import dev.registryclient.api.exception.InvalidContentException;
import dev.registryclient.api.exception.NotFoundException;
import dev.registryclient.api.exception.Phase;
import dev.registryclient.api.trust.SignatureStores;
import dev.registryclient.oci.copy.CopySelection;
import dev.registryclient.oci.trust.FoundSignature;
import dev.registryclient.oci.trust.LookasideWriter;
import dev.registryclient.oci.trust.SignatureFetcher;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Carries an image's signatures along a copy, as {@code skopeo copy} does: simple-signing
 * signatures (from the source's lookaside store or signature API) go to the target's {@code
 * lookaside-staging} directory, and the sigstore {@code sha256-<hex>.sig} tag is copied to the
 * target repository. Everything is read, and the target checked for a place to write, before the
 * image is copied, so a copy that could not keep its signatures fails before pushing anything.
 */
final class SignatureCopy {
  /** The copies a {@link SignatureCopy} makes: the {@code .sig} tag's, by the client's engine. */
  @FunctionalInterface
  interface TagCopier {
    /** Copies {@code source} (every platform, no trust policy) to {@code target}. */
    CopyResult copy(Source source, ImageReference target);
  }

  private final SignatureStores stores;
  private final Function<Source, SignatureFetcher> fetchers;
  private final Function<ImageReference, Served> resolve;
  private final TagCopier tags;

  /** The top manifest of a reference, and the source that served it. */
  record Served(Source source, Descriptor manifest) {}

  SignatureCopy(
      SignatureStores stores,
      Function<Source, SignatureFetcher> fetchers,
      Function<ImageReference, Served> resolve,
      TagCopier tags) {
    this.stores = stores;
    this.fetchers = fetchers;
    this.resolve = resolve;
    this.tags = tags;
  }

  /** What was read before the copy; {@link #write} stores it at the target after. */
  final class Prepared {
    private final Served served;
    private final List<FoundSignature> simple;
    private final Optional<String> sigTag;
    private final Optional<URI> staging;
    private final ImageReference target;

    private Prepared(
        Served served,
        List<FoundSignature> simple,
        Optional<String> sigTag,
        Optional<URI> staging,
        ImageReference target) {
      this.served = served;
      this.simple = simple;
      this.sigTag = sigTag;
      this.staging = staging;
      this.target = target;
    }

    /** Writes the signatures for the copied image; where each went. */
    List<String> write(CopyResult result) {
      if (!result.manifest().digest().equals(served.manifest().digest())) {
        throw new InvalidContentException(
            context(target),
            "the source changed during the copy: its signatures are for "
                + served.manifest().digest()
                + ", the copy pushed "
                + result.manifest().digest()
                + "; no signature was written");
      }
      List<String> written = new ArrayList<>();
      if (!simple.isEmpty()) {
        List<byte[]> bytes = simple.stream().map(FoundSignature::bytes).toList();
        for (Path file :
            LookasideWriter.add(staging.orElseThrow(), target, served.manifest().digest(), bytes)) {
          written.add(file.toUri().toString());
        }
      }
      if (sigTag.isPresent()) {
        ImageReference from =
            served.source().reference().withoutTagOrDigest().withTag(sigTag.get());
        ImageReference to = target.withoutTagOrDigest().withTag(sigTag.get());
        tags.copy(new Source(from, served.source().mirror(), served.source().insecure()), to);
        written.add(to.toString());
      }
      return written;
    }
  }

  /**
   * Reads the signatures of {@code source} and checks that {@code target} can take them.
   *
   * @throws IllegalStateException if a subset of an index's platforms is copied (the signatures
   *     sign the whole index), or the source has simple-signing signatures and the target no {@code
   *     file://} lookaside staging directory
   */
  Prepared prepare(
      ImageReference source, ImageReference target, CopySelection.Platforms platforms) {
    Served served = resolve.apply(source);
    if (served.manifest().mediaType().isIndex()
        && !(platforms instanceof CopySelection.Platforms.All)) {
      throw new IllegalStateException(
          "the signatures of "
              + source
              + " sign its index "
              + served.manifest().digest()
              + ": copy all platforms (allPlatforms()) to carry them");
    }
    SignatureFetcher fetcher = fetchers.apply(served.source());
    ImageReference physical = served.source().reference();
    List<FoundSignature> simple = fetcher.simpleSigning(physical, served.manifest().digest());
    Optional<URI> staging = stagingFor(target);
    if (!simple.isEmpty() && staging.isEmpty()) {
      throw new IllegalStateException(
          source
              + " has "
              + simple.size()
              + " simple-signing signature(s) and "
              + target
              + " has no file:// lookaside-staging (or lookaside) directory in the"
              + " registries.d configuration to write them to");
    }
    String tag = SignatureFetcher.sigstoreTag(served.manifest().digest());
    Optional<String> sigTag;
    try {
      fetcher.resolveTag(physical, tag);
      sigTag = Optional.of(tag);
    } catch (NotFoundException e) {
      sigTag = Optional.empty();
    }
    return new Prepared(served, simple, sigTag, staging, target);
  }

  private Optional<URI> stagingFor(ImageReference target) {
    return stores
        .storeFor(target)
        .flatMap(s -> s.lookasideStaging().or(s::lookaside))
        .filter(uri -> "file".equals(uri.getScheme()));
  }

  private static ErrorContext context(ImageReference target) {
    return ErrorContext.of(Phase.SIGNATURE, target.registry(), target.repository());
  }
}
