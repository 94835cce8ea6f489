package dev.registryclient.testkit;

import dev.registryclient.api.Digest;
import dev.registryclient.testkit.internal.SignaturePayload;
import java.time.Instant;
import java.util.Objects;

/**
 * A simple signing signature, as podman, skopeo and containers/image make and Red Hat publishes: an
 * OpenPGP message (what {@code gpg --sign} writes) whose content is the JSON payload {@code
 * {"critical":{"identity":{"docker-reference":..},"image":{"docker-manifest-digest":..},"type":
 * "atomic container signature"},"optional":{"creator":..,"timestamp":..}}}. Made by {@link
 * ImageSigner#signSimple}; stored with {@link LookasideDirectory#add} or {@link
 * TestRegistry#addSignature(PushedImage, SimpleSignature)}.
 *
 * <pre>{@code
 * SimpleSignature good = signer.signSimple(image);
 * SimpleSignature bad = good.tampered();               // valid packets, signature does not verify
 * SimpleSignature otherImage = signer.signSimple(other.digest(), image.reference());
 * }</pre>
 */
public final class SimpleSignature {
  static final String CREATOR = "registry-client test kit";

  private final OpenPgpKey key;
  private final Digest manifestDigest;
  private final String dockerReference;
  private final long timestamp;
  private final byte[] payload;
  private final byte[] bytes;

  private SimpleSignature(
      OpenPgpKey key,
      Digest manifestDigest,
      String dockerReference,
      long timestamp,
      byte[] payload,
      byte[] bytes) {
    this.key = key;
    this.manifestDigest = manifestDigest;
    this.dockerReference = dockerReference;
    this.timestamp = timestamp;
    this.payload = payload;
    this.bytes = bytes;
  }

  /** Signs {@code manifestDigest} as the image {@code dockerReference} with {@code key}, now. */
  static SimpleSignature sign(OpenPgpKey key, Digest manifestDigest, String dockerReference) {
    Objects.requireNonNull(manifestDigest, "manifestDigest");
    Objects.requireNonNull(dockerReference, "dockerReference");
    long timestamp = Instant.now().getEpochSecond();
    byte[] payload = payload(manifestDigest, dockerReference, timestamp);
    return new SimpleSignature(
        key, manifestDigest, dockerReference, timestamp, payload, key.sign(payload));
  }

  private static byte[] payload(Digest manifestDigest, String dockerReference, long timestamp) {
    return SignaturePayload.json(
        SignaturePayload.SIMPLE_SIGNING, manifestDigest, dockerReference, CREATOR, timestamp);
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
   * The identity the payload names, e.g. {@code 127.0.0.1:PORT/app:1.0}.
   *
   * @return the reference in the payload's {@code docker-reference}
   */
  public String dockerReference() {
    return dockerReference;
  }

  /**
   * The signing key's fingerprint (40 upper-case hex digits).
   *
   * @return the fingerprint of the key that signed it
   */
  public String keyFingerprint() {
    return key.fingerprint();
  }

  /**
   * The signed JSON payload (a copy).
   *
   * @return a copy of the payload bytes
   */
  public byte[] payload() {
    return payload.clone();
  }

  /**
   * The OpenPGP message: the content of a lookaside {@code signature-N} file (a copy).
   *
   * @return a copy of the signed OpenPGP message
   */
  public byte[] bytes() {
    return bytes.clone();
  }

  /**
   * The same signature with its payload changed after signing ({@code optional.timestamp} one
   * second later): every packet and the JSON stay well formed, but the signature no longer
   * verifies, so a verifier must reject it as a bad signature rather than a malformed one.
   *
   * @return a new signature by the same key, naming the same digest and reference, that does not
   *     verify
   */
  public SimpleSignature tampered() {
    byte[] altered = payload(manifestDigest, dockerReference, timestamp + 1);
    return new SimpleSignature(
        key,
        manifestDigest,
        dockerReference,
        timestamp + 1,
        altered,
        key.signedMessage(altered, payload));
  }

  @Override
  public String toString() {
    return "SimpleSignature["
        + dockerReference
        + ", "
        + manifestDigest
        + ", key "
        + key.fingerprint()
        + "]";
  }
}
