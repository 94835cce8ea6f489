package dev.registryclient.testkit;

import dev.registryclient.api.Digest;
import dev.registryclient.testkit.internal.AccessRules;
import dev.registryclient.testkit.internal.ContentStore;
import dev.registryclient.testkit.internal.RandomContent;
import dev.registryclient.testkit.internal.RegistryConfig;
import dev.registryclient.testkit.internal.RegistryServer;
import dev.registryclient.testkit.internal.Schema1Signer;
import dev.registryclient.testkit.internal.UploadHistory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An in-process container registry for tests, speaking the Docker Registry HTTP API V2 / OCI
 * Distribution API on 127.0.0.1 with an ephemeral port, and able to play the hard parts of real
 * registries: bearer token auth with its own token endpoint, blob downloads redirected to a CDN
 * with signed expiring URLs, paginated tag lists, and injected faults. Blobs live on disk.
 *
 * <pre>{@code
 * try (TestRegistry registry = TestRegistry.builder()
 *         .tokenAuth("alice", "secret")          // bearer tokens; alice may pull and push anywhere
 *         .publicRepository("library/*")         // anonymous pulls here
 *         .cdnRedirects(Duration.ofMinutes(5))   // blob GETs answer 302 to 127.0.0.2
 *         .faults(Fault.status(503).on("/manifests/").times(1))
 *         .start()) {
 *   PushedImage image = registry.image("library/app").layer(4096).push("v1");
 *   // pull image.reference() with the client under test, then:
 *   assertThat(registry.journal().cdn()).noneMatch(RecordedRequest::hasAuthorization);
 * }
 * }</pre>
 *
 * <p>{@link #close()} stops all servers and worker threads and deletes the temporary blob
 * directory. See {@link Builder} for every option, {@link Fault} for the faults and {@link Journal}
 * for what is recorded.
 */
public final class TestRegistry implements AutoCloseable {
  private final RegistryServer server;
  private final Journal journal;
  private final UploadHistory uploads;
  private final Schema1Signer schema1Signer = new Schema1Signer();
  private final SigstoreAttachments sigstore = new SigstoreAttachments(this);
  private final AtomicLong seeds = new AtomicLong(0x5eed);

  private final boolean signatureApi;

  private TestRegistry(
      RegistryServer server, Journal journal, UploadHistory uploads, boolean signatureApi) {
    this.server = server;
    this.journal = journal;
    this.uploads = uploads;
    this.signatureApi = signatureApi;
  }

  /**
   * A builder; with no options the registry needs no auth and serves blobs itself.
   *
   * @return a new builder with no options set
   */
  public static Builder builder() {
    return new Builder();
  }

  static TestRegistry start(Builder builder) {
    UploadHistory uploads = new UploadHistory();
    Journal journal = new Journal(uploads);
    try {
      RegistryConfig config = builder.config();
      return new TestRegistry(
          new RegistryServer(config, journal::add, uploads),
          journal,
          uploads,
          config.signatures().apiExtension());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the test registry", e);
    }
  }

  /**
   * {@code http://127.0.0.1:PORT}.
   *
   * @return the registry's base URL, without a path
   */
  public URI url() {
    return URI.create("http://" + hostAndPort());
  }

  /**
   * {@code 127.0.0.1:PORT}, the registry part of image references.
   *
   * @return the registry's loopback address and port, as {@code 127.0.0.1:PORT}
   */
  public String hostAndPort() {
    var address = server.registryAddress();
    return address.getAddress().getHostAddress() + ":" + address.getPort();
  }

  /**
   * The CDN origin's URL ({@code http://127.0.0.2:PORT} where bindable), if CDN mode is on.
   *
   * @return the CDN origin's base URL, or empty if {@link Builder#cdnRedirects} is off
   */
  public Optional<URI> cdnUrl() {
    return Optional.ofNullable(server.cdnUrl()).map(URI::create);
  }

  /**
   * The lookaside server's base URL ({@code http://127.0.0.1:PORT/signatures}), if {@link
   * Builder#lookaside()} is on: the {@code lookaside:} of a registries.d entry for {@link
   * #hostAndPort()}.
   *
   * @return the lookaside base URL, or empty if {@link Builder#lookaside()} is off
   */
  public Optional<URI> lookasideUrl() {
    return Optional.ofNullable(server.lookasideUrl()).map(URI::create);
  }

  /**
   * The token endpoint (bearer realm) URL; meaningful only with token auth.
   *
   * @return the URL clients are sent to for bearer tokens
   */
  public URI tokenRealm() {
    return URI.create(server.tokenRealm());
  }

  /**
   * The requests answered so far.
   *
   * @return this registry's live request journal
   */
  public Journal journal() {
    return journal;
  }

  /**
   * The blob uploads clients made over HTTP, in the order they started: each session with its
   * requests, the bytes the registry kept and how it ended, and each mount the registry made.
   * {@link Journal#clear()} forgets those that ended. A snapshot: immutable, not updated later.
   *
   * <pre>{@code
   * assertThat(registry.uploads())
   *     .allSatisfy(u -> assertThat(u.state()).isIn(Upload.State.COMMITTED, Upload.State.MOUNTED));
   * assertThat(registry.uploads()).extracting(Upload::bytesReceived).containsOnly(0L); // copy
   * }</pre>
   *
   * @return an immutable snapshot of the upload sessions, oldest first
   */
  public List<Upload> uploads() {
    return uploads.snapshot();
  }

  /**
   * How often {@code fault} (the very instance passed to {@link Builder#faults}) fired in this
   * registry; 0 for a fault it was not given.
   *
   * @param fault a fault given to {@link Builder#faults}, compared by identity
   * @return how many requests the fault was applied to; 0 if it never fired or is not this
   *     registry's
   */
  public int timesFired(Fault fault) {
    return server.faults().timesFired(fault);
  }

  /**
   * The declared faults, optional ones included, that have not fired yet, in declaration order.
   *
   * @return an immutable list of the faults that never fired, possibly empty
   */
  public List<Fault> unusedFaults() {
    return server.faults().unfired();
  }

  /**
   * Fails if a declared fault that is not {@link Fault#optional() optional} never fired: a fault
   * test that passes without its fault proves nothing. {@link TestRegistryExtension} calls this
   * after each test; call it yourself at the end of a test that starts its own registry.
   *
   * <pre>{@code
   * try (TestRegistry registry = TestRegistry.builder().faults(Fault.wrongBytes().onBlobs()).start()) {
   *   // pull with the client under test, expect a digest mismatch ...
   *   registry.assertFaultsFired();
   * }
   * }</pre>
   *
   * @throws AssertionError naming each unfired fault, its rule, and how many journaled requests the
   *     rule matched
   */
  public void assertFaultsFired() {
    List<Fault> unfired = unusedFaults().stream().filter(f -> !f.isOptional()).toList();
    if (!unfired.isEmpty()) {
      throw new AssertionError(UnfiredFaults.describe(unfired, journal));
    }
  }

  /**
   * A builder for an image in {@code repository}.
   *
   * @param repository the repository name, e.g. {@code library/app}
   * @return a new image builder; nothing is stored until it pushes
   */
  public ImageBuilder image(String repository) {
    return new ImageBuilder(this, repository);
  }

  /**
   * A builder for a multi-platform index in {@code repository}.
   *
   * @param repository the repository name, e.g. {@code library/app}
   * @return a new index builder; nothing is stored until it pushes
   */
  public IndexBuilder index(String repository) {
    return new IndexBuilder(this, repository);
  }

  /**
   * Stores {@code content} as a blob of {@code repository}.
   *
   * @param repository the repository the blob is linked to
   * @param content the blob's bytes
   * @param mediaType the media type recorded in the result, for manifests to refer to the blob with
   * @return the stored blob's digest, size and media type
   */
  public PushedBlob pushBlob(String repository, byte[] content, String mediaType) {
    ContentStore store = server.content();
    Digest digest = store.blobs().put(content);
    store.metadata().linkBlob(repository, digest);
    return new PushedBlob(digest, content.length, mediaType);
  }

  /**
   * Stores {@code size} random bytes as a blob of {@code repository}, streamed to disk.
   *
   * @param repository the repository the blob is linked to
   * @param size the blob's size in bytes; the content is pseudo-random, from a new seed for each
   *     call
   * @param mediaType the media type recorded in the result, for manifests to refer to the blob with
   * @return the stored blob's digest, size and media type
   * @throws UncheckedIOException if the blob cannot be written to the blob directory
   */
  public PushedBlob pushRandomBlob(String repository, long size, String mediaType) {
    ContentStore store = server.content();
    try (InputStream in = new RandomContent(size, seeds.incrementAndGet())) {
      Digest digest = store.blobs().put(in);
      store.metadata().linkBlob(repository, digest);
      return new PushedBlob(digest, size, mediaType);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot store a random blob", e);
    }
  }

  /**
   * Stores a manifest as if it had been pushed, tagging it if {@code tag} is not null, and returns
   * the digest the registry serves for it.
   *
   * @param repository the repository to store the manifest in; the blobs and manifests it refers to
   *     must already be there
   * @param tag the tag to point at the manifest, or {@code null} to store it by digest only
   * @param mediaType the media type the registry serves the manifest with ({@code Content-Type})
   * @param manifest the manifest's bytes, stored and served unchanged
   * @return the digest of {@code manifest}
   * @throws IllegalArgumentException if the registry would refuse it (invalid JSON, unknown blobs)
   */
  public Digest pushManifest(String repository, String tag, String mediaType, byte[] manifest) {
    try {
      return server.content().putManifest(repository, tag, mediaType, manifest).digest();
    } catch (ContentStore.RejectedException e) {
      throw new IllegalArgumentException(
          "manifest refused with " + e.code() + ": " + e.getMessage(), e);
    }
  }

  /**
   * Serves {@code signature} as the next simple signing signature of {@code image}, whatever the
   * signature itself names (so a signature of another digest or identity can be planted): on the
   * lookaside server at {@code <lookasideUrl>/<repository>@sha256=<hex>/signature-N} and through
   * the signature API extension, whichever is on.
   *
   * <pre>{@code
   * TestRegistry registry = TestRegistry.builder().lookaside().start();
   * PushedImage image = registry.image("app").layer(100).push("1.0");
   * registry.addSignature(image, signer.signSimple(image));
   * // registries.d: docker: {"127.0.0.1:PORT": {lookaside: registry.lookasideUrl().get()}}
   * }</pre>
   *
   * @param image the image whose signatures the signature is served with
   * @param signature the signature to serve, after those added before
   * @throws IllegalStateException if neither {@link Builder#lookaside()} nor {@link
   *     Builder#signatureApi()} is on (the signature would be served nowhere)
   */
  public void addSignature(PushedImage image, SimpleSignature signature) {
    if (server.lookasideUrl() == null && !signatureApi) {
      throw new IllegalStateException(
          "simple signing signatures need TestRegistry.builder().lookaside() or .signatureApi();"
              + " for a lookaside directory on disk use LookasideDirectory");
    }
    server.signatures().add(image.repository(), image.digest(), signature.bytes());
  }

  /**
   * Adds {@code signature} to the sigstore signatures of {@code image}, whatever the signature
   * itself names, the way cosign stores them: as a layer of the manifest tagged {@code
   * sha256-<hex>.sig} in the image's repository, pushed again with each signature added.
   *
   * <pre>{@code
   * registry.addSignature(image, signer.signSigstore(image));
   * // registries.d: docker: {"127.0.0.1:PORT": {use-sigstore-attachments: true}}
   * }</pre>
   *
   * @param image the signed image, whose repository holds the signature manifest
   * @param signature the signature to add as a layer of the signature manifest
   * @return the signature manifest as now stored
   */
  public PushedImage addSignature(PushedImage image, SigstoreSignature signature) {
    return sigstore.add(image.repository(), image.digest(), signature);
  }

  /**
   * Whether the registry has the blob stored (in any repository).
   *
   * @param digest the blob's digest
   * @return {@code true} if a blob with this digest is stored
   */
  public boolean containsBlob(Digest digest) {
    return server.content().blobs().contains(digest);
  }

  /**
   * Moves the registry's clock forward, so tokens and signed CDN URLs expire without sleeping.
   * Clients keep their own clocks: they still believe cached tokens are valid.
   *
   * @param amount how far to move the clock; not negative
   * @throws IllegalArgumentException if {@code amount} is negative
   */
  public void advanceClock(Duration amount) {
    server.clock().advance(amount);
  }

  Schema1Signer schema1Signer() {
    return schema1Signer;
  }

  /**
   * The prefix of this registry's worker thread names (for leak checks).
   *
   * @return the prefix of the names of this registry's worker threads
   */
  public String threadNamePrefix() {
    return server.threadNamePrefix();
  }

  /** Stops the servers and worker threads and deletes a temporary blob directory. */
  @Override
  public void close() {
    server.close();
  }

  @Override
  public String toString() {
    return "TestRegistry[" + url() + cdnUrl().map(u -> ", cdn " + u).orElse("") + "]";
  }

  /**
   * Options of a {@link TestRegistry}. Reusable: each {@link #start()} starts an independent
   * registry with the options set so far.
   *
   * <pre>{@code
   * TestRegistry.builder()
   *     .tokenAuth()
   *     .user("alice", "secret").grant("alice", "team/*", "pull", "push")
   *     .user("bob", "hunter2").grant("bob", "team/app", "pull")
   *     .publicRepository("library/*")
   *     .tokenLifetime(Duration.ofSeconds(60))
   *     .tagPageSize(50)
   *     .start();
   * }</pre>
   */
  public static final class Builder {

    private RegistryConfig.AuthMode auth = RegistryConfig.AuthMode.NONE;
    private final AccessRules access = new AccessRules();
    private final List<Fault> faults = new ArrayList<>();
    private Duration tokenLifetime = Duration.ofMinutes(5);
    private boolean jwtTokens;
    private boolean tokenPostAnswers404;
    private boolean tokenRealmOnOwnPort;
    private Duration cdnTtl;
    private int cdnRedirectStatus = 302;
    private int tagPageSize = 50;
    private Path blobDirectory;
    private int threads = 32;
    private int port;
    private boolean ignoreMounts;
    private boolean unauthorizedMountsStartUploads;
    private long chunkMinLength;
    private boolean referrersApi = true;
    private boolean lookaside;
    private boolean signatureApi;

    private Builder() {}

    /**
     * No authentication at all (the default).
     *
     * @return this builder
     */
    public Builder noAuth() {
      auth = RegistryConfig.AuthMode.NONE;
      return this;
    }

    /**
     * HTTP Basic on every request; {@code user} may pull, push and delete everywhere.
     *
     * @param user the user name
     * @param password the user's password
     * @return this builder
     */
    public Builder basicAuth(String user, String password) {
      auth = RegistryConfig.AuthMode.BASIC;
      return user(user, password).grant(user, "*", "pull", "push", "delete");
    }

    /**
     * Bearer tokens from the registry's token endpoint; add users with {@link #user}.
     *
     * @return this builder
     */
    public Builder tokenAuth() {
      auth = RegistryConfig.AuthMode.TOKEN;
      return this;
    }

    /**
     * Bearer token auth where {@code user} may pull, push and delete everywhere.
     *
     * @param user the user name
     * @param password the user's password
     * @return this builder
     */
    public Builder tokenAuth(String user, String password) {
      return tokenAuth().user(user, password).grant(user, "*", "pull", "push", "delete");
    }

    /**
     * Adds a user, who may do nothing until granted (see {@link #grant}).
     *
     * @param user the user name; a user added again gets the new password
     * @param password the user's password
     * @return this builder
     */
    public Builder user(String user, String password) {
      access.user(user, password);
      return this;
    }

    /**
     * Lets {@code user} perform {@code actions} ({@code pull}, {@code push}, {@code delete}, or
     * {@code *}) in repositories matching {@code repositoryGlob} ({@code *} matches anything,
     * including {@code /}).
     *
     * @param user a user added with {@link #user} before
     * @param repositoryGlob the repositories the grant covers, e.g. {@code team/*}
     * @param actions the actions allowed there
     * @return this builder
     * @throws IllegalArgumentException if {@code user} has not been added
     */
    public Builder grant(String user, String repositoryGlob, String... actions) {
      access.grant(user, repositoryGlob, actions);
      return this;
    }

    /**
     * Lets anyone pull from repositories matching {@code repositoryGlob} without credentials.
     *
     * @param repositoryGlob the public repositories, e.g. {@code library/*} ({@code *} matches
     *     anything, including {@code /})
     * @return this builder
     */
    public Builder publicRepository(String repositoryGlob) {
      access.publicRepository(repositoryGlob);
      return this;
    }

    /**
     * How long bearer tokens stay valid (default 5 minutes; {@code expires_in} rounds up).
     *
     * @param lifetime the tokens' lifetime; positive
     * @return this builder
     * @throws IllegalArgumentException if {@code lifetime} is zero or negative
     */
    public Builder tokenLifetime(Duration lifetime) {
      if (lifetime.isNegative() || lifetime.isZero()) {
        throw new IllegalArgumentException("token lifetime must be positive: " + lifetime);
      }
      tokenLifetime = lifetime;
      return this;
    }

    /**
     * Issues bearer tokens as ES256 JWTs in the form distribution verifies ({@code kid} in libtrust
     * form, issuer {@code test-registry-token-issuer}, audience {@code test-registry}, {@code
     * access} claims) instead of opaque random strings. For a token server in front of a real
     * {@code docker-registry}, see {@link JwtTokenServer}.
     *
     * @return this builder
     */
    public Builder jwtTokens() {
      jwtTokens = true;
      return this;
    }

    /**
     * Makes the token endpoint answer 404 to OAuth2 POSTs, so clients must fall back to GET.
     *
     * @return this builder
     */
    public Builder tokenPostAnswers404() {
      tokenPostAnswers404 = true;
      return this;
    }

    /**
     * Serves the token endpoint on its own port instead of {@code /token} on the registry's.
     *
     * @return this builder
     */
    public Builder tokenRealmOnOwnPort() {
      tokenRealmOnOwnPort = true;
      return this;
    }

    /**
     * Redirects blob GETs to a CDN origin (on 127.0.0.2 where the OS allows, else another port of
     * 127.0.0.1) with a URL signed for {@code ttl}. The CDN refuses requests carrying {@code
     * Authorization} (400) and bad or expired signatures (403).
     *
     * @param ttl how long a signed CDN URL stays valid; positive
     * @return this builder
     * @throws IllegalArgumentException if {@code ttl} is zero or negative
     */
    public Builder cdnRedirects(Duration ttl) {
      if (ttl.isNegative() || ttl.isZero()) {
        throw new IllegalArgumentException("CDN URL lifetime must be positive: " + ttl);
      }
      cdnTtl = ttl;
      return this;
    }

    /**
     * The redirect status for CDN redirects: 302 (default) or 307.
     *
     * @param status 302 or 307
     * @return this builder
     * @throws IllegalArgumentException if {@code status} is neither 302 nor 307
     */
    public Builder cdnRedirectStatus(int status) {
      if (status != 302 && status != 307) {
        throw new IllegalArgumentException("CDN redirect status must be 302 or 307: " + status);
      }
      cdnRedirectStatus = status;
      return this;
    }

    /**
     * Tag list and catalog page size when the client sends no {@code n} (default 50).
     *
     * @param size the number of entries per page; at least 1
     * @return this builder
     * @throws IllegalArgumentException if {@code size} is less than 1
     */
    public Builder tagPageSize(int size) {
      if (size < 1) {
        throw new IllegalArgumentException("page size must be at least 1: " + size);
      }
      tagPageSize = size;
      return this;
    }

    /**
     * Adds faults to inject; the first matching one with uses left applies.
     *
     * @param toInject the faults, in order of precedence after those added before
     * @return this builder
     */
    public Builder faults(Fault... toInject) {
      faults.addAll(List.of(toInject));
      return this;
    }

    /**
     * Keeps blobs in {@code directory} (left in place on close) instead of a temporary one.
     *
     * @param directory the directory to keep blobs in; not null
     * @return this builder
     */
    public Builder blobStorage(Path directory) {
      blobDirectory = Objects.requireNonNull(directory, "directory");
      return this;
    }

    /**
     * Size of the request thread pool (default 32).
     *
     * @param count the number of request threads; at least 1
     * @return this builder
     * @throws IllegalArgumentException if {@code count} is less than 1
     */
    public Builder threads(int count) {
      if (count < 1) {
        throw new IllegalArgumentException("threads must be at least 1: " + count);
      }
      threads = count;
      return this;
    }

    /**
     * Serves the registry on this port of 127.0.0.1 instead of an ephemeral one (for trying other
     * tools against it; tests keep the default 0, a free port).
     *
     * @param port the port, or 0 for an ephemeral one
     * @return this builder
     * @throws IllegalArgumentException if not 0..65535
     */
    public Builder port(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port must be 0..65535, got " + port);
      }
      this.port = port;
      return this;
    }

    /**
     * Makes {@code POST /v2/<name>/blobs/uploads/?mount=<digest>&from=<repository>} start a new
     * upload (202 with a session) instead of mounting, like registries that do not support
     * cross-repository mounts; the spec lets them. The {@code from} repository then needs no
     * permission either. A client must upload the blob into that session.
     *
     * @return this builder
     */
    public Builder ignoreMounts() {
      ignoreMounts = true;
      return this;
    }

    /**
     * Makes a mount whose credentials may not pull the {@code from} repository start a new upload
     * (202) instead of being refused. By default the registry behaves like distribution: it
     * requires {@code pull} on the source and answers 401 {@code insufficient_scope} naming it (or
     * 403 with Basic auth), so the client has to ask for that scope or push without mounting.
     *
     * @return this builder
     */
    public Builder unauthorizedMountsStartUploads() {
      unauthorizedMountsStartUploads = true;
      return this;
    }

    /**
     * Announces a minimum chunk size: the answer to an upload {@code POST} carries {@code
     * OCI-Chunk-Min-Length: bytes}, and the registry holds clients to it as far as it can tell. The
     * spec lets only the final chunk be shorter and lets it come by {@code PATCH} or with the
     * closing {@code PUT}, so a short {@code PATCH} is accepted (it may be the last), but a chunk
     * after it, by {@code PATCH} or {@code PUT}, is refused with 416 {@code RANGE_INVALID}. See
     * {@link Upload.Step#received()} to assert chunk sizes directly.
     *
     * <pre>{@code
     * TestRegistry.builder().chunkMinLength(5 * 1024 * 1024).start();
     * }</pre>
     *
     * @param bytes the minimum chunk size in bytes
     * @return this builder
     * @throws IllegalArgumentException if not positive
     */
    public Builder chunkMinLength(long bytes) {
      if (bytes < 1) {
        throw new IllegalArgumentException("chunk minimum must be at least 1 byte: " + bytes);
      }
      chunkMinLength = bytes;
      return this;
    }

    /**
     * Switches the referrers API (OCI Distribution 1.1) on (the default) or off. Off, {@code GET
     * /v2/<name>/referrers/<digest>} answers 404 and a manifest {@code PUT} with a {@code subject}
     * answers no {@code OCI-Subject}, like an older registry, so a client must fall back to the
     * referrers tag schema: an index tagged {@code sha256-<hex of the subject digest>}.
     *
     * @param enabled {@code true} to serve the referrers API, {@code false} to answer 404
     * @return this builder
     */
    public Builder referrersApi(boolean enabled) {
      referrersApi = enabled;
      return this;
    }

    /**
     * Runs a lookaside signature server on its own port (127.0.0.1), as Red Hat publishes simple
     * signing signatures apart from its registry: it serves the signatures given to {@link
     * TestRegistry#addSignature(PushedImage, SimpleSignature)} at {@link
     * TestRegistry#lookasideUrl()}{@code /<repository>@sha256=<hex>/signature-N}, without
     * authentication, and answers 404 past the last one. The journal records its requests as {@link
     * RecordedRequest.Origin#LOOKASIDE}, and faults can target it with {@link Fault#at}.
     *
     * @return this builder
     */
    public Builder lookaside() {
      lookaside = true;
      return this;
    }

    /**
     * Offers the registry API extension for simple signing (OpenShift's registry has it): {@code
     * GET /v2/} answers {@code X-Registry-Supports-Signatures: 1}, and {@code GET
     * /extensions/v2/<name>/signatures/<digest>} answers the signatures given to {@link
     * TestRegistry#addSignature(PushedImage, SimpleSignature)} as {@code {"signatures":[{
     * "schemaVersion":2,"name":"<digest>@<id>","type":"atomic","content":"<base64>"}]}}, with the
     * registry's authentication ({@code pull}) and 404 for an unknown manifest. containers/image
     * prefers it to any lookaside.
     *
     * @return this builder
     */
    public Builder signatureApi() {
      signatureApi = true;
      return this;
    }

    /**
     * Starts a registry with these options.
     *
     * @return the started registry; close it to stop it
     * @throws UncheckedIOException if the servers cannot be started (e.g. the port is taken)
     */
    public TestRegistry start() {
      return TestRegistry.start(this);
    }

    RegistryConfig config() {
      return new RegistryConfig(
          auth,
          access.toPolicy(),
          tokenLifetime,
          jwtTokens,
          tokenPostAnswers404,
          tokenRealmOnOwnPort,
          cdnTtl,
          cdnRedirectStatus,
          tagPageSize,
          faults,
          blobDirectory,
          threads,
          port,
          new RegistryConfig.UploadRules(
              ignoreMounts, unauthorizedMountsStartUploads, chunkMinLength),
          referrersApi,
          new RegistryConfig.SignatureServing(lookaside, signatureApi));
    }
  }
}
