package dev.registryclient.testkit;

import dev.registryclient.api.Digest;
import java.util.Objects;

/**
 * Signs images with throwaway keys, so a test can check a client's trust policy ({@code
 * containers-policy.json}: {@code signedBy}, {@code sigstoreSigned}) without gpg, cosign or a key
 * on disk. It holds an {@link OpenPgpKey} for simple signing and a {@link CosignKey} for sigstore
 * signatures; both are made with the JDK.
 *
 * <pre>{@code
 * ImageSigner signer = ImageSigner.generate();
 * PushedImage image = registry.image("app").layer(100).push("1.0");
 *
 * // simple signing, in a lookaside directory (containers-registries.d "lookaside: file://...")
 * LookasideDirectory lookaside = LookasideDirectory.at(tmp.resolve("sigstore"));
 * lookaside.add(image, signer.signSimple(image));      // sigstore/app@sha256=<hex>/signature-1
 * signer.openPgpKey().writePublicKey(tmp.resolve("key.asc")); // policy.json "signedBy" keyPath
 *
 * // or served by the registry (TestRegistry.builder().lookaside() or .signatureApi())
 * registry.addSignature(image, signer.signSimple(image));
 *
 * // sigstore: a layer of the manifest tagged sha256-<hex>.sig
 * registry.addSignature(image, signer.signSigstore(image));
 * signer.cosignKey().writePublicKey(tmp.resolve("cosign.pub")); // "sigstoreSigned" keyPath
 *
 * // wrong signatures for negative tests
 * signer.signSimple(image).tampered();                            // does not verify
 * signer.signSimple(other.digest(), image.reference());           // signs another manifest
 * signer.signSimple(image.digest(), image.registry() + "/evil:1.0"); // another identity
 * ImageSigner.generate().signSimple(image);                       // a key nobody trusts
 * }</pre>
 */
public final class ImageSigner {
  private final OpenPgpKey openPgpKey;
  private final CosignKey cosignKey;

  private ImageSigner(OpenPgpKey openPgpKey, CosignKey cosignKey) {
    this.openPgpKey = Objects.requireNonNull(openPgpKey, "openPgpKey");
    this.cosignKey = Objects.requireNonNull(cosignKey, "cosignKey");
  }

  /**
   * A signer with a fresh RSA 2048 OpenPGP key and a fresh P-256 cosign key.
   *
   * @return a new signer with new keys
   */
  public static ImageSigner generate() {
    return new ImageSigner(OpenPgpKey.generate(), CosignKey.generate());
  }

  /**
   * A signer with these keys (to share a key between signers or choose its size).
   *
   * @param openPgpKey the key for simple signing signatures; not null
   * @param cosignKey the key for sigstore signatures; not null
   * @return a signer using these keys
   */
  public static ImageSigner of(OpenPgpKey openPgpKey, CosignKey cosignKey) {
    return new ImageSigner(openPgpKey, cosignKey);
  }

  /**
   * The key of simple signing signatures.
   *
   * @return the OpenPGP key
   */
  public OpenPgpKey openPgpKey() {
    return openPgpKey;
  }

  /**
   * The key of sigstore signatures.
   *
   * @return the cosign key
   */
  public CosignKey cosignKey() {
    return cosignKey;
  }

  /**
   * A simple signing signature of {@code image} under its own reference ({@code
   * host:port/repo:tag}).
   *
   * @param image the image to sign
   * @return the signature, signed with {@link #openPgpKey()}
   */
  public SimpleSignature signSimple(PushedImage image) {
    return signSimple(image.digest(), image.reference());
  }

  /**
   * A simple signing signature claiming that {@code dockerReference} is {@code manifestDigest}.
   *
   * @param manifestDigest the manifest digest the signature names
   * @param dockerReference the identity the signature names, e.g. {@code host:port/repo:tag}
   * @return the signature, signed with {@link #openPgpKey()}
   */
  public SimpleSignature signSimple(Digest manifestDigest, String dockerReference) {
    return SimpleSignature.sign(openPgpKey, manifestDigest, dockerReference);
  }

  /**
   * A sigstore signature of {@code image} under its own reference ({@code host:port/repo:tag}).
   *
   * @param image the image to sign
   * @return the signature, signed with {@link #cosignKey()}
   */
  public SigstoreSignature signSigstore(PushedImage image) {
    return signSigstore(image.digest(), image.reference());
  }

  /**
   * A sigstore signature claiming that {@code dockerReference} is {@code manifestDigest}.
   *
   * @param manifestDigest the manifest digest the signature names
   * @param dockerReference the identity the signature names, e.g. {@code host:port/repo:tag}
   * @return the signature, signed with {@link #cosignKey()}
   */
  public SigstoreSignature signSigstore(Digest manifestDigest, String dockerReference) {
    return SigstoreSignature.sign(cosignKey, manifestDigest, dockerReference);
  }

  @Override
  public String toString() {
    return "ImageSigner[" + openPgpKey + ", " + cosignKey + "]";
  }
}
