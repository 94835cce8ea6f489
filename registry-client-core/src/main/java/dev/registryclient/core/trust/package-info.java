/**
 * Verification of container image signatures, as {@code containers-policy.json(5)} requires them:
 * the cryptography and the payload format. The policy (which requirement applies, whether the
 * payload names the pulled manifest and an accepted identity) is evaluated by the caller.
 *
 * <p>Start at {@link dev.registryclient.core.trust.SignatureVerification}; keys are read by {@link
 * dev.registryclient.core.trust.OpenPgpKeyRing} and {@link
 * dev.registryclient.core.trust.SigstorePublicKeys}, payloads by {@link
 * dev.registryclient.core.trust.SimpleSigningPayload}.
 *
 * <h2>Simple signing ({@code signedBy}, {@code keyType: GPGKeys})</h2>
 *
 * <p>Keys: OpenPGP public key rings, armored or binary, several certificates and armored blocks per
 * file, with sub-keys; RSA (2000 bits or more), ECDSA, EdDSA (Ed25519, Ed448), DSA only where
 * Bouncy Castle's default policy accepts it. A signature is a binary OpenPGP signed message
 * (one-pass signature, literal data, signature; possibly compressed), as gpg and containers/image
 * write it.
 *
 * <p>Refused, with the reason in the result: a key not in the ring; a signature that does not
 * verify; a key revoked or expired <em>now</em> (as gpg judges it, even when the signature is older
 * than the expiry), a sub-key not bound to its primary key, a key without the signing flag; a
 * signature made before its key or in the future, or past its own expiry; SHA-1 and weaker hashes;
 * unknown critical subpackets; more than one signature in the message; armored signatures; bytes
 * after the signature; encrypted messages; a signature or payload over 4 MiB.
 *
 * <h2>Sigstore ({@code sigstoreSigned} with {@code keyPath}/{@code keyData})</h2>
 *
 * <p>Keys: PEM public keys ({@code BEGIN PUBLIC KEY}, or {@code BEGIN RSA PUBLIC KEY}): ECDSA on
 * P-256, P-384 or P-521, RSA of 2048 to 16384 bits, Ed25519. The signature is the base64 {@code
 * dev.cosignproject.cosign/signature} annotation over the payload layer, hashed with SHA-256 for
 * every key type, as containers/image verifies it. Keyless signatures (Fulcio certificates, Rekor
 * transparency log) are not supported.
 *
 * <h2>Payload</h2>
 *
 * <p>Both formats carry the same JSON; its {@code critical.type} tells them apart ({@code atomic
 * container signature} or {@code cosign container image signature}). Unknown or missing {@code
 * critical} members, duplicate keys and values of the wrong type are refused.
 */
package dev.registryclient.core.trust;
