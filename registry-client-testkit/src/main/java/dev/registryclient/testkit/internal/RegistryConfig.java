package dev.registryclient.testkit.internal;

import dev.registryclient.testkit.Fault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Everything a {@code TestRegistry.Builder} collected, handed to {@link RegistryServer}.
 *
 * @param auth how clients authenticate
 * @param access users, grants and public repositories
 * @param tokenLifetime how long bearer tokens are valid
 * @param jwtTokens whether bearer tokens are ES256 JWTs (as distribution verifies) or opaque
 * @param tokenPostAnswers404 whether the token endpoint answers 404 to OAuth2 POSTs
 * @param tokenRealmOnOwnPort whether the token endpoint listens on its own port
 * @param cdnTtl how long signed CDN URLs are valid, or null for no CDN redirects
 * @param cdnRedirectStatus 302 or 307
 * @param tagPageSize page size of tag and catalog lists when the client gives no {@code n}
 * @param faults faults to inject, in order
 * @param blobDirectory where blobs are stored, or null for a temporary directory
 * @param threads size of the request thread pool
 * @param port the registry port on 127.0.0.1, 0 for a free one
 * @param uploads how the registry treats blob uploads and mounts
 * @param referrersApi whether the referrers API is served and manifest PUTs answer {@code
 *     OCI-Subject}
 * @param signatures where simple signing signatures are served
 */
public record RegistryConfig(
    AuthMode auth,
    AccessPolicy access,
    Duration tokenLifetime,
    boolean jwtTokens,
    boolean tokenPostAnswers404,
    boolean tokenRealmOnOwnPort,
    Duration cdnTtl,
    int cdnRedirectStatus,
    int tagPageSize,
    List<Fault> faults,
    Path blobDirectory,
    int threads,
    int port,
    UploadRules uploads,
    boolean referrersApi,
    SignatureServing signatures) {

  /** The service name in challenges and token requests. */
  public static final String SERVICE = "test-registry";

  /** The issuer ({@code iss}) of JWT bearer tokens. */
  public static final String TOKEN_ISSUER = "test-registry-token-issuer";

  /** Authentication modes. */
  public enum AuthMode {
    /** No authentication. */
    NONE,
    /** HTTP Basic on every request. */
    BASIC,
    /** Bearer tokens from the kit's token endpoint. */
    TOKEN
  }

  /**
   * How blob uploads and mounts behave.
   *
   * @param ignoreMounts whether {@code POST ?mount=&from=} always starts an upload (202)
   * @param unauthorizedMountsStartUploads whether a mount the client may not pull the source of
   *     starts an upload (202) instead of being challenged for {@code pull} on the source
   * @param chunkMinLength the {@code OCI-Chunk-Min-Length} announced and enforced; 0 for none
   */
  public record UploadRules(
      boolean ignoreMounts, boolean unauthorizedMountsStartUploads, long chunkMinLength) {}

  /**
   * Where the signatures a test adds are served.
   *
   * @param lookaside whether a lookaside server runs on its own port
   * @param apiExtension whether the registry offers the {@code X-Registry-Supports-Signatures} API
   */
  public record SignatureServing(boolean lookaside, boolean apiExtension) {}

  /** Copies the fault list. */
  public RegistryConfig {
    faults = List.copyOf(faults);
  }
}
