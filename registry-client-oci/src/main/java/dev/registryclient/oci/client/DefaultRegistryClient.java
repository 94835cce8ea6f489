package dev.registryclient.oci.client;

import dev.registryclient.api.Descriptor;
import dev.registryclient.api.Digest;
import dev.registryclient.api.DigestingInputStream;
import dev.registryclient.api.ImageReference;
import dev.registryclient.api.MediaType;
import dev.registryclient.api.Platform;
import dev.registryclient.api.client.ClientSettings;
import dev.registryclient.api.client.CopyEvent;
import dev.registryclient.api.client.CopyListener;
import dev.registryclient.api.client.CopyRequest;
import dev.registryclient.api.client.CopyResult;
import dev.registryclient.api.client.PullEvent;
import dev.registryclient.api.client.PullListener;
import dev.registryclient.api.client.PullRequest;
import dev.registryclient.api.client.PushSource;
import dev.registryclient.api.client.ReachabilityReport;
import dev.registryclient.api.client.RegistryClient;
import dev.registryclient.api.client.RegistrySettings;
import dev.registryclient.api.client.SyncRequest;
import dev.registryclient.api.config.Source;
import dev.registryclient.api.exception.ErrorContext;
import dev.registryclient.api.exception.NotFoundException;
import dev.registryclient.api.exception.Phase;
import dev.registryclient.api.exception.RegistryException;
import dev.registryclient.api.manifest.ImageConfig;
import dev.registryclient.api.manifest.Manifest;
import dev.registryclient.api.trust.TrustPolicy;
import dev.registryclient.api.trust.TrustVerdict;
import dev.registryclient.core.transport.RetryListener;
import dev.registryclient.oci.copy.BlobLocations;
import dev.registryclient.oci.copy.CopyEngine;
import dev.registryclient.oci.copy.CopySelection;
import dev.registryclient.oci.copy.CopySource;
import dev.registryclient.oci.copy.StoreCopySource;
import dev.registryclient.oci.listing.RegistryListings;
import dev.registryclient.oci.manifest.ManifestCodec;
import dev.registryclient.oci.manifest.ManifestFetcher;
import dev.registryclient.oci.pull.InFlightBlobs;
import dev.registryclient.oci.pull.ManifestVerifier;
import dev.registryclient.oci.pull.PullEngine;
import dev.registryclient.oci.pull.TransferScope;
import dev.registryclient.oci.push.BlobUploader;
import dev.registryclient.oci.push.ManifestPusher;
import dev.registryclient.oci.trust.SignatureCrypto;
import dev.registryclient.oci.trust.SignatureFetcher;
import java.io.InputStream;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The {@link RegistryClient} on the core transport, the oci protocol pieces and the pull engine.
 * Users get it from {@link RegistryClient#builder()}.
 */
final class DefaultRegistryClient implements RegistryClient {
  private static final AtomicInteger CLIENTS = new AtomicInteger();

  private final ClientSettings settings;
  private final ClientTransports transports;
  private final InsecureSchemes insecureSchemes;
  private final ExecutorService workers;
  private final ManifestCodec codec = ManifestCodec.defaults();
  private final PullEngine engine;
  private final CopyEngine copier;
  private final ImageTrust trust;
  private final SignatureCopy signatureCopy;

  DefaultRegistryClient(ClientSettings settings, SignatureCrypto crypto) {
    this.settings = settings;
    this.transports = new ClientTransports(settings);
    this.insecureSchemes = new InsecureSchemes(transports);
    this.workers =
        Executors.newCachedThreadPool(threads("registry-client-" + CLIENTS.incrementAndGet()));
    this.engine = new PullEngine(workers, new InFlightBlobs(), codec);
    this.copier = new CopyEngine(workers, codec, new BlobLocations(10_000));
    this.trust = new ImageTrust(settings.signatureStores(), crypto, this::registry, this::fetcher);
    this.signatureCopy =
        new SignatureCopy(
            settings.signatureStores(),
            source -> {
              Registry r = registry(source);
              return new SignatureFetcher(
                  r.transport(), r.endpoints(), fetcher(r), settings.signatureStores());
            },
            this::resolveServed,
            this::copyUnverified);
  }

  /** The top manifest's descriptor and the source that served it. */
  private SignatureCopy.Served resolveServed(ImageReference reference) {
    SourceChain.Served<Descriptor> served = served(reference, Phase.MANIFEST, this::descriptorAt);
    return new SignatureCopy.Served(served.source(), served.value());
  }

  /** Copies every platform of {@code from} as it is, without a trust policy (a .sig tag). */
  private CopyResult copyUnverified(Source from, ImageReference to) {
    Registry r = registry(from);
    return copier.copy(
        new RegistryCopySource(r, from.reference(), fetcher(r)),
        copyTarget(to),
        new CopyEngine.Options(
            new CopySelection.Platforms.All(),
            CopyListener.NONE,
            Optional.empty(),
            settings.parallelism()),
        new TransferScope(ErrorContext.of(Phase.SIGNATURE, to.registry(), to.repository())));
  }

  private static ThreadFactory threads(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return task -> {
      Thread t = new Thread(task, prefix + "-worker-" + n.incrementAndGet());
      t.setDaemon(true); // a forgotten close() must not keep the JVM alive
      return t;
    };
  }

  private Registry registry(ImageReference reference) {
    return Registry.of(
        reference,
        settings.forRegistry(reference.registry()),
        transports.forRegistry(reference.registry(), reference.registryApiHost()));
  }

  /**
   * The registry of one source. A source the configuration marks insecure skips TLS verification
   * for its host, or speaks plain http if its host does not answer https ({@link InsecureSchemes}),
   * unless the caller configured that host or it is a loopback host (plain http).
   */
  private Registry registry(Source source) {
    RegistrySettings s = settingsFor(source);
    ImageReference reference = source.reference();
    return Registry.of(reference, s, transports.forRegistry(reference.registryApiHost(), s));
  }

  private RegistrySettings settingsFor(Source source) {
    String registry = source.reference().registry();
    RegistrySettings s = settings.forRegistry(registry);
    if (source.insecure()
        && !settings.hasSettingsFor(registry)
        && s.scheme(registry).equals("https")) {
      s = insecureSchemes.settings(registry, source.reference().registryApiHost(), s);
    }
    return s;
  }

  /** The sources of {@code reference} under the client's registry configuration. */
  private SourceChain sources(ImageReference reference, Phase phase) {
    return SourceChain.of(reference, settings.registryConfig(), phase);
  }

  /** Tells a pull's listener that a source failed before another served; never fails the pull. */
  private static void warn(PullListener listener, Source source, RegistryException failure) {
    try {
      listener.onEvent(new PullEvent.SourceFailed(source.toString(), failure.getMessage()));
    } catch (RuntimeException e) {
      // a listener's failure is its own business
    }
  }

  /** Tells a copy's listener that a source failed before another served; never fails the copy. */
  private static void warn(CopyListener listener, Source source, RegistryException failure) {
    try {
      listener.onEvent(new CopyEvent.SourceFailed(source.toString(), failure.getMessage()));
    } catch (RuntimeException e) {
      // a listener's failure is its own business
    }
  }

  /** Asks the sources of {@code reference} in turn (one, without a registry configuration). */
  private <T> T first(ImageReference reference, Phase phase, Function<Source, T> attempt) {
    return served(reference, phase, attempt).value();
  }

  /** Like {@link #first}, with the source that answered. */
  private <T> SourceChain.Served<T> served(
      ImageReference reference, Phase phase, Function<Source, T> attempt) {
    return sources(reference, phase).first(phase, attempt, (source, failure) -> {});
  }

  /** The manifest {@code source} names, from its registry. */
  private Manifest manifestAt(Source source) {
    return fetcher(registry(source))
        .fetch(source.reference().repository(), source.reference().reference());
  }

  /** The descriptor of the manifest {@code source} names, from its registry. */
  private Descriptor descriptorAt(Source source) {
    return fetcher(registry(source))
        .resolve(source.reference().repository(), source.reference().reference());
  }

  /** A pull's (or copy's) view of one source: its registry and repository. */
  private RegistryImageSource imageSource(Source source) {
    Registry r = registry(source);
    return new RegistryImageSource(r, source.reference().repository(), fetcher(r));
  }

  private ManifestFetcher fetcher(Registry registry) {
    return ManifestFetcher.create(registry.transport(), registry.endpoints(), codec)
        .namingRegistry(registry.name());
  }

  private RegistryListings listings(Registry registry) {
    return RegistryListings.create(registry.transport(), registry.endpoints());
  }

  @Override
  public PullRequest pull(ImageReference reference) {
    Objects.requireNonNull(reference, "reference");
    return new DefaultPullRequest(
        reference,
        listener ->
            new FailoverImageSource(
                reference,
                ref -> sources(ref, Phase.MANIFEST),
                this::imageSource,
                (source, failure) -> warn(listener, source, failure)),
        engine,
        workers,
        settings.parallelism(),
        settings.trustPolicy().map(this::verifier));
  }

  /** Checks the manifest a pull read first against {@code policy}. */
  private ManifestVerifier verifier(TrustPolicy policy) {
    return (named, top) ->
        trust.require(
            policy,
            named,
            top.source().orElseGet(() -> new Source(named, false, false)),
            top.manifest());
  }

  @Override
  public TrustVerdict verify(ImageReference reference) {
    return verify(
        reference,
        settings
            .trustPolicy()
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "this client has no trust policy: build it with trustPolicy(...) or"
                            + " policyJson(...)")));
  }

  @Override
  public TrustVerdict verify(ImageReference reference, TrustPolicy policy) {
    Objects.requireNonNull(reference, "reference");
    Objects.requireNonNull(policy, "policy");
    SourceChain.Served<Manifest> served = served(reference, Phase.MANIFEST, this::manifestAt);
    return trust.verdict(policy, reference, served.source(), served.value());
  }

  @Override
  public CopyRequest copy(ImageReference source, ImageReference target) {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(target, "target");
    return new DefaultCopyRequest(
        listener -> copySource(source, listener),
        () -> copyTarget(target),
        target,
        copier,
        workers,
        settings.parallelism(),
        Optional.of(signatureCopy),
        Optional.of(source));
  }

  @Override
  public CopyRequest push(PushSource source, ImageReference target) {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(target, "target");
    return new DefaultCopyRequest(
        listener -> new StoreCopySource(source, codec),
        () -> copyTarget(target),
        target,
        copier,
        workers,
        settings.parallelism(),
        Optional.empty(),
        Optional.empty());
  }

  @Override
  public SyncRequest sync(ImageReference sourceRepository, ImageReference targetRepository) {
    Objects.requireNonNull(sourceRepository, "sourceRepository");
    Objects.requireNonNull(targetRepository, "targetRepository");
    return new DefaultSyncRequest(
        tags ->
            tagsOf(sourceRepository, tags).stream()
                .map(
                    tag ->
                        new SyncPlanner.Pair(
                            sourceRepository.withTag(tag), targetRepository.withTag(tag)))
                .toList(),
        syncPlanner(),
        pair -> copy(pair.source(), pair.target()));
  }

  @Override
  public SyncRequest sync(List<ImageReference> images, String targetNamespace) {
    List<ImageReference> all = List.copyOf(images);
    String namespace =
        targetNamespace.endsWith("/")
            ? targetNamespace.substring(0, targetNamespace.length() - 1)
            : targetNamespace;
    return new DefaultSyncRequest(
        tags ->
            all.stream()
                .map(
                    ref ->
                        new SyncPlanner.Pair(
                            ref,
                            ImageReference.parse(
                                namespace
                                    + "/"
                                    + ref.repository()
                                    + (ref.digest().isPresent()
                                        ? "@" + ref.digest().get()
                                        : ":" + ref.reference()))))
                .toList(),
        syncPlanner(),
        pair -> copy(pair.source(), pair.target()));
  }

  private List<String> tagsOf(ImageReference repository, Optional<Pattern> filter) {
    try (Stream<String> tags = tags(repository)) {
      return tags.filter(t -> filter.map(p -> p.matcher(t).matches()).orElse(true)).toList();
    }
  }

  private SyncPlanner syncPlanner() {
    return new SyncPlanner(
        ref -> copySource(ref, CopyListener.NONE), // the copy that follows reports failovers
        ref -> {
          Registry r = registry(ref);
          try {
            return Optional.of(fetcher(r).resolve(ref.repository(), ref.reference()));
          } catch (NotFoundException e) {
            return Optional.empty();
          }
        },
        codec);
  }

  private CopySource copySource(ImageReference source, CopyListener listener) {
    FailoverCopySource copySource =
        new FailoverCopySource(
            source,
            ref -> sources(ref, Phase.MANIFEST),
            s -> {
              Registry r = registry(s);
              return new RegistryCopySource(r, s.reference(), fetcher(r));
            },
            (s, failure) -> warn(listener, s, failure));
    return settings
        .trustPolicy()
        .<CopySource>map(
            policy ->
                new VerifiedCopySource(
                    copySource,
                    top -> trust.require(policy, source, copySource.serving().orElseThrow(), top)))
        .orElse(copySource);
  }

  private CopyEngine.Target copyTarget(ImageReference target) {
    Registry r = registry(target);
    return new CopyEngine.Target(
        target,
        r.endpoints().base().toString(),
        r.transport(),
        new BlobUploader(
            r.transport(),
            r.endpoints(),
            r.name(),
            settings
                .forRegistry(target.registry())
                .uploadChunkSize()
                .orElse(BlobUploader.DEFAULT_CHUNK_SIZE)),
        new ManifestPusher(r.transport(), r.endpoints(), r.name(), fetcher(r)));
  }

  @Override
  public Manifest manifest(ImageReference reference) {
    return first(reference, Phase.MANIFEST, this::manifestAt);
  }

  @Override
  public Descriptor resolve(ImageReference reference) {
    return first(reference, Phase.MANIFEST, this::descriptorAt);
  }

  @Override
  public List<Descriptor> alternateDigests(ImageReference reference, Descriptor served) {
    Objects.requireNonNull(served, "served");
    return AlternateDigests.of(fetcher(registry(reference)), reference, served);
  }

  @Override
  public ImageConfig config(ImageReference reference, Platform platform) {
    return first(
        reference,
        Phase.CONFIG,
        source -> {
          Registry r = registry(source);
          return ConfigLookup.config(r, source.reference(), platform, fetcher(r), codec);
        });
  }

  @Override
  public InputStream blob(ImageReference repository, Digest digest) {
    ImageReference blob = repository.withoutTagOrDigest().withDigest(digest);
    var stream =
        first(
            blob,
            Phase.BLOB,
            source ->
                BlobOpener.open(
                    registry(source),
                    source.reference().repository(),
                    digest,
                    -1,
                    RetryListener.NONE));
    ErrorContext context =
        ErrorContext.of(Phase.BLOB, repository.registry(), repository.repository())
            .withContactedHost(stream.host());
    return new DigestingInputStream(stream.body(), digest, -1, context);
  }

  @Override
  public Stream<String> tags(ImageReference repository) {
    SourceChain chain = sources(repository.withoutTagOrDigest(), Phase.TAGS);
    if (chain.sources().size() == 1) {
      Source only = chain.sources().get(0);
      return listings(registry(only)).tags(only.reference().repository()); // lazy, page by page
    }
    // with mirrors, a source counts as answering once its first page came back
    return chain
        .first(
            Phase.TAGS,
            source -> {
              Stream<String> tags =
                  listings(registry(source)).tags(source.reference().repository());
              Iterator<String> it = tags.iterator();
              it.hasNext(); // fetches the first page: a failing source fails here
              Stream<String> rest =
                  StreamSupport.stream(
                      Spliterators.spliteratorUnknownSize(it, Spliterator.ORDERED), false);
              return rest.onClose(tags::close);
            },
            (source, failure) -> {})
        .value();
  }

  @Override
  public Stream<String> catalog(String registry) {
    ImageReference any = ImageReference.of(registry, "catalog");
    return listings(registry(any)).catalog();
  }

  @Override
  public List<Descriptor> referrers(ImageReference reference, Optional<MediaType> artifactType) {
    Registry r = registry(reference);
    Digest subject = reference.digest().orElseGet(() -> resolve(reference).digest());
    try (Stream<Descriptor> referrers =
        listings(r)
            .referrers(reference.repository(), subject, artifactType.map(MediaType::toString))) {
      return referrers.toList();
    }
  }

  @Override
  public ReachabilityReport reachability(ImageReference reference) {
    Objects.requireNonNull(reference, "reference");
    return ReachabilityProbe.check(
        reference, settings.forRegistry(reference.registry()), transports, codec);
  }

  @Override
  public List<ReachabilityReport> sourceReachability(ImageReference reference) {
    Objects.requireNonNull(reference, "reference");
    return sources(reference, Phase.MANIFEST).sources().stream()
        .map(
            source ->
                ReachabilityProbe.check(source.reference(), settingsFor(source), transports, codec))
        .toList();
  }

  @Override
  public void close() {
    workers.shutdownNow();
    transports.close();
  }

  @Override
  public String toString() {
    return "RegistryClient[parallelism=" + settings.parallelism() + "]";
  }
}
