package dev.registryclient.testkit;

import dev.registryclient.api.Digest;
import dev.registryclient.testkit.internal.SignaturePayload;
import java.time.Instant;
import java.util.Objects;

/**
 * A sigstore (cosign) signature made with a key: the JSON payload {@code
 * {"critical":{"identity":{"docker-reference":..},"image":{"docker-manifest-digest":..},"type":
 * "cosign container image signature"},"optional":{"creator":..,"timestamp":..}}} and the base64 of
 * an ECDSA P-256 signature of it. Made by {@link ImageSigner#signSigstore}; stored as a layer of
 * the {@code sha256-<hex>.sig} manifest with {@link TestRegistry#addSignature(PushedImage,
 * SigstoreSignature)}.
 *
 * <p>The payload is the one {@code skopeo copy --sign-by-sigstore-private-key} writes; cosign
 * itself writes {@code "optional":null} and only the repository as {@code docker-reference} (so
 * policies for cosign-signed images use {@code matchRepository}). Sign {@code image.registry() +
 * "/" + image.repository()} to imitate that identity.
 *
 * <pre>{@code
 * SigstoreSignature good = signer.signSigstore(image);
 * SigstoreSignature bad = good.tampered();   // payload changed after signing
 * }</pre>
 */
public final class SigstoreSignature {
  /** The media type of a signature layer in a {@code .sig} manifest. */
  public static final String MEDIA_TYPE = "application/vnd.dev.cosign.simplesigning.v1+json";

  /** The layer annotation holding the base64 signature. */
  public static final String SIGNATURE_ANNOTATION = "dev.cosignproject.cosign/signature";

  private final Digest manifestDigest;
  private final String dockerReference;
  private final long timestamp;
  private final byte[] payload;
  private final String signature;

  private SigstoreSignature(
      Digest manifestDigest,
      String dockerReference,
      long timestamp,
      byte[] payload,
      String signature) {
    this.manifestDigest = manifestDigest;
    this.dockerReference = dockerReference;
    this.timestamp = timestamp;
    this.payload = payload;
    this.signature = signature;
  }

  /** Signs {@code manifestDigest} as the image {@code dockerReference} with {@code key}, now. */
  static SigstoreSignature sign(CosignKey key, Digest manifestDigest, String dockerReference) {
    Objects.requireNonNull(manifestDigest, "manifestDigest");
    Objects.requireNonNull(dockerReference, "dockerReference");
    long timestamp = Instant.now().getEpochSecond();
    byte[] payload = payload(manifestDigest, dockerReference, timestamp);
    return new SigstoreSignature(
        manifestDigest, dockerReference, timestamp, payload, key.sign(payload));
  }

  private static byte[] payload(Digest manifestDigest, String dockerReference, long timestamp) {
    return SignaturePayload.json(
        SignaturePayload.SIGSTORE,
        manifestDigest,
        dockerReference,
        SimpleSignature.CREATOR,
        timestamp);
  }

  /**
   * The manifest digest the payload names.
   *
   * @return the digest in the payload's {@code docker-manifest-digest}
   */
  public Digest manifestDigest() {
    return manifestDigest;
  }

  /**
   * The identity the payload names.
   *
   * @return the reference in the payload's {@code docker-reference}
   */
  public String dockerReference() {
    return dockerReference;
  }

  /**
   * The signed JSON payload: the layer blob (a copy).
   *
   * @return a copy of the payload bytes
   */
  public byte[] payload() {
    return payload.clone();
  }

  /**
   * The base64 DER signature: the {@value #SIGNATURE_ANNOTATION} annotation.
   *
   * @return the signature in base64
   */
  public String signature() {
    return signature;
  }

  /**
   * The same signature over a payload changed after signing ({@code optional.timestamp} one second
   * later): well-formed JSON and DER, but the signature does not verify.
   *
   * @return a new signature with the same digest and reference that does not verify
   */
  public SigstoreSignature tampered() {
    return new SigstoreSignature(
        manifestDigest,
        dockerReference,
        timestamp + 1,
        payload(manifestDigest, dockerReference, timestamp + 1),
        signature);
  }

  @Override
  public String toString() {
    return "SigstoreSignature[" + dockerReference + ", " + manifestDigest + "]";
  }
}
