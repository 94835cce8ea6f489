package dev.registryclient.core.trust;

import dev.registryclient.api.exception.ConfigurationException;
import dev.registryclient.api.trust.KeySource;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.bouncycastle.bcpg.KeyIdentifier;
import org.bouncycastle.bcpg.PublicKeyAlgorithmTags;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.api.OpenPGPCertificate;
import org.bouncycastle.openpgp.api.OpenPGPCertificate.OpenPGPComponentKey;
import org.bouncycastle.openpgp.api.OpenPGPCertificate.OpenPGPComponentSignature;
import org.bouncycastle.openpgp.api.OpenPGPDefaultPolicy;
import org.bouncycastle.openpgp.api.OpenPGPKeyReader;
import org.bouncycastle.openpgp.api.OpenPGPPolicy;
import org.bouncycastle.openpgp.api.OpenPGPSignature;
import org.bouncycastle.openpgp.api.bc.BcOpenPGPImplementation;

/**
 * The OpenPGP public keys of a {@code signedBy} requirement ({@code keyPath}, {@code keyPaths},
 * {@code keyData}), as gpg would import them: armored ({@code -----BEGIN PGP PUBLIC KEY
 * BLOCK-----}, several blocks one after the other allowed) or binary, any number of certificates
 * per file, each with its sub-keys. RSA, DSA, ECDSA and EdDSA (Ed25519, Ed448) keys are read;
 * Bouncy Castle's default policy decides which are strong enough to verify with (RSA of 2000 bits
 * or more, for example).
 *
 * <p>Each key's state comes from its self-signatures, which are verified: {@link Key#expires()} and
 * {@link Key#revoked()} say when it expired or was revoked, and verification refuses such keys. A
 * ring is immutable and may be shared by threads.
 *
 * <pre>{@code
 * OpenPgpKeyRing ring = OpenPgpKeyRing.load(List.of(
 *     new KeySource.FromFile(Path.of("/etc/pki/rpm-gpg/RPM-GPG-KEY-redhat-release"))));
 * ring.primaryFingerprints();   // [567E347AD0044ADE55BA8A5F199E2F91FD431D51, ...]
 * }</pre>
 */
public final class OpenPgpKeyRing {
  private static final HexFormat HEX = HexFormat.of().withUpperCase();

  /** The policy that judges key strength and self-signature hash algorithms (SHA-1 until 2023). */
  static final OpenPGPPolicy POLICY = new OpenPGPDefaultPolicy();

  private final List<OpenPGPCertificate> certificates;
  private final List<Key> keys;
  private final Object lock = new Object();

  private OpenPgpKeyRing(List<OpenPGPCertificate> certificates) {
    this.certificates = List.copyOf(certificates);
    List<Key> all = new ArrayList<>();
    for (OpenPGPCertificate certificate : certificates) {
      for (OpenPGPComponentKey key : certificate.getKeys()) {
        all.add(describe(key));
      }
    }
    this.keys = List.copyOf(all);
  }

  /**
   * Reads every key source, in order.
   *
   * @param sources the key files and inline keys, in order
   * @return a key ring holding the keys of every source
   * @throws ConfigurationException naming the file (or {@code keyData}) that cannot be read, is
   *     larger than 1 MiB, is not an OpenPGP key ring or holds no public key
   */
  public static OpenPgpKeyRing load(List<KeySource> sources) {
    List<OpenPGPCertificate> certificates = new ArrayList<>();
    for (KeySource source : sources) {
      certificates.addAll(parse(KeyMaterial.read(source)));
    }
    if (certificates.isEmpty()) {
      throw new ConfigurationException(
          "signedBy", java.util.OptionalInt.empty(), "no key source given", null);
    }
    return new OpenPgpKeyRing(certificates);
  }

  /**
   * A key ring from bytes (armored or binary), like a {@code keyData} value.
   *
   * @param keyRing the key ring's bytes, armored or binary
   * @return the key ring
   * @throws ConfigurationException when the bytes are not an OpenPGP key ring
   */
  public static OpenPgpKeyRing of(byte[] keyRing) {
    return load(List.of(new KeySource.Inline(keyRing)));
  }

  private static List<OpenPGPCertificate> parse(KeyMaterial material) {
    List<OpenPGPCertificate> found;
    try {
      found =
          new OpenPGPKeyReader(new BcOpenPGPImplementation(), POLICY)
              .parseCertificates(material.bytes());
    } catch (IOException | RuntimeException e) {
      // Bouncy Castle reports malformed packets, and secret keys where public ones belong, with
      // IOExceptions and, for some packets, runtime exceptions; either way not a public key ring.
      throw material.invalid("not an OpenPGP public key ring (armored or binary): " + e, e);
    }
    if (found.isEmpty()) {
      throw material.invalid("no OpenPGP public key in it", null);
    }
    return found;
  }

  /**
   * Every key, primary keys each followed by their sub-keys, in file order.
   *
   * @return the keys
   */
  public List<Key> keys() {
    return keys;
  }

  /**
   * The fingerprints of the primary keys: the identities a signature is reported under.
   *
   * @return the primary keys' fingerprints, in file order
   */
  public Set<String> primaryFingerprints() {
    Set<String> fingerprints = new LinkedHashSet<>();
    keys.stream().filter(Key::isPrimary).forEach(k -> fingerprints.add(k.fingerprint()));
    return fingerprints;
  }

  /**
   * The key with this fingerprint or 16-digit key id (upper- or lower-case hex), if any.
   *
   * @param fingerprintOrKeyId a full fingerprint, or a 16-digit key id
   * @return the matching key, or empty if the ring has none
   */
  public Optional<Key> key(String fingerprintOrKeyId) {
    String wanted = fingerprintOrKeyId.toUpperCase(java.util.Locale.ROOT);
    return keys.stream()
        .filter(k -> k.fingerprint().equals(wanted) || k.keyId().equals(wanted))
        .findFirst();
  }

  /**
   * What verifications hold while they read the certificates: Bouncy Castle caches the outcome of
   * self-signature checks inside them, unsynchronized.
   */
  Object lock() {
    return lock;
  }

  /** The keys (primary or sub-keys) whose fingerprint or key id the signature names as issuer. */
  List<OpenPGPComponentKey> issuersOf(PGPSignature signature) {
    List<OpenPGPComponentKey> matching = new ArrayList<>();
    for (OpenPGPCertificate certificate : certificates) {
      for (OpenPGPComponentKey key : certificate.getKeys()) {
        if (isNamedBy(signature.getKeyIdentifiers(), key.getPGPPublicKey())) {
          matching.add(key);
        }
      }
    }
    return matching;
  }

  /** Matches fingerprints where the signature gives one, else the 64-bit key id (never 0). */
  private static boolean isNamedBy(List<KeyIdentifier> issuers, PGPPublicKey key) {
    for (KeyIdentifier issuer : issuers) {
      byte[] fingerprint = issuer.getFingerprint();
      if (fingerprint != null
          ? key.hasFingerprint(fingerprint)
          : issuer.getKeyId() != 0 && issuer.getKeyId() == key.getKeyID()) {
        return true;
      }
    }
    return false;
  }

  /** The description of a key of this ring. */
  static Key describe(OpenPGPComponentKey key) {
    PGPPublicKey pgp = key.getPGPPublicKey();
    OpenPGPComponentKey primary = key.getCertificate().getPrimaryKey();
    Instant created = pgp.getCreationTime().toInstant();
    Optional<Instant> revoked = revocation(key);
    if (!key.isPrimaryKey()) {
      Optional<Instant> primaryRevoked = revocation(primary);
      if (primaryRevoked.isPresent()
          && (revoked.isEmpty() || primaryRevoked.get().isBefore(revoked.get()))) {
        revoked = primaryRevoked;
      }
    }
    return new Key(
        hex(pgp.getFingerprint()),
        keyId(pgp.getKeyID()),
        hex(primary.getPGPPublicKey().getFingerprint()),
        algorithm(pgp),
        created,
        expiry(key),
        revoked);
  }

  /**
   * When the key expires according to its latest self-signature. Bouncy Castle's certificate view
   * reads direct-key and binding signatures; the packet view also reads the user ID self-signatures
   * where gpg puts the expiry of a primary key. The earlier of the two wins.
   */
  private static Optional<Instant> expiry(OpenPGPComponentKey key) {
    PGPPublicKey pgp = key.getPGPPublicKey();
    Optional<Instant> fromPackets =
        pgp.getValidSeconds() > 0
            ? Optional.of(pgp.getCreationTime().toInstant().plusSeconds(pgp.getValidSeconds()))
            : Optional.empty();
    OpenPGPComponentSignature latest = key.getLatestSelfSignature();
    Optional<Instant> fromCertificate =
        latest == null
            ? Optional.empty()
            : Optional.ofNullable(latest.getKeyExpirationTime()).map(Date::toInstant);
    if (fromPackets.isEmpty() || fromCertificate.isEmpty()) {
      return fromPackets.isPresent() ? fromPackets : fromCertificate;
    }
    return fromPackets.get().isBefore(fromCertificate.get()) ? fromPackets : fromCertificate;
  }

  /** When a verified revocation of the key itself takes effect, if it has one. */
  private static Optional<Instant> revocation(OpenPGPComponentKey key) {
    OpenPGPSignature revocation = key.getRevocation();
    return revocation != null && revocation.isRevocation()
        ? Optional.of(revocation.getCreationTime().toInstant())
        : Optional.empty();
  }

  /** Whether Bouncy Castle finds the key validly bound (not expired, not revoked) at a time. */
  static boolean isBoundAt(OpenPGPComponentKey key, Instant time) {
    return key.isBoundAt(Date.from(time));
  }

  static String hex(byte[] bytes) {
    return HEX.formatHex(bytes);
  }

  static String keyId(long keyId) {
    return HEX.toHexDigits(keyId);
  }

  /** The algorithm as gpg names it in key listings: rsa4096, ed25519, ecdsa256, dsa3072. */
  private static String algorithm(PGPPublicKey key) {
    int bits = key.getBitStrength();
    return switch (key.getAlgorithm()) {
      case PublicKeyAlgorithmTags.RSA_GENERAL -> "rsa" + bits;
      case PublicKeyAlgorithmTags.DSA -> "dsa" + bits;
      case PublicKeyAlgorithmTags.ECDSA -> "ecdsa" + bits;
      case PublicKeyAlgorithmTags.EDDSA_LEGACY, PublicKeyAlgorithmTags.Ed25519 -> "ed25519";
      case PublicKeyAlgorithmTags.Ed448 -> "ed448";
      case PublicKeyAlgorithmTags.ECDH,
          PublicKeyAlgorithmTags.X25519,
          PublicKeyAlgorithmTags.X448 ->
          "ecdh" + bits + " (encrypt only)";
      case PublicKeyAlgorithmTags.ELGAMAL_ENCRYPT -> "elgamal" + bits + " (encrypt only)";
      // also the deprecated sign-only and encrypt-only RSA identifiers (2, 3)
      default -> "algorithm " + key.getAlgorithm();
    };
  }

  @Override
  public String toString() {
    return "OpenPgpKeyRing" + primaryFingerprints();
  }

  /**
   * One key of the ring: a primary key or a sub-key.
   *
   * @param fingerprint the fingerprint in upper-case hex without spaces, as {@code gpg
   *     --with-colons} prints it
   * @param keyId the 64-bit key id in upper-case hex (16 digits)
   * @param primaryFingerprint the fingerprint of its primary key (its own for a primary key)
   * @param algorithm e.g. {@code rsa4096}, {@code ed25519}, {@code ecdsa256}
   * @param created when the key was created
   * @param expires when it expires, if its self-signature sets an expiry
   * @param revoked when it (or, for a sub-key, its primary key) was revoked, if it was
   */
  public record Key(
      String fingerprint,
      String keyId,
      String primaryFingerprint,
      String algorithm,
      Instant created,
      Optional<Instant> expires,
      Optional<Instant> revoked) {
    /**
     * Checks for nulls.
     *
     * @param fingerprint the fingerprint in upper-case hex without spaces, as {@code gpg
     *     --with-colons} prints it
     * @param keyId the 64-bit key id in upper-case hex (16 digits)
     * @param primaryFingerprint the fingerprint of its primary key (its own for a primary key)
     * @param algorithm e.g. {@code rsa4096}, {@code ed25519}, {@code ecdsa256}
     * @param created when the key was created
     * @param expires when it expires, if its self-signature sets an expiry
     * @param revoked when it (or, for a sub-key, its primary key) was revoked, if it was
     */
    public Key {
      Objects.requireNonNull(fingerprint, "fingerprint");
      Objects.requireNonNull(keyId, "keyId");
      Objects.requireNonNull(primaryFingerprint, "primaryFingerprint");
      Objects.requireNonNull(algorithm, "algorithm");
      Objects.requireNonNull(created, "created");
      Objects.requireNonNull(expires, "expires");
      Objects.requireNonNull(revoked, "revoked");
    }

    /**
     * Whether it is a primary key rather than a sub-key.
     *
     * @return whether the key is its own primary key
     */
    public boolean isPrimary() {
      return fingerprint.equals(primaryFingerprint);
    }

    /**
     * Whether it has expired at {@code time}.
     *
     * @param time the time to judge at
     * @return whether the key has an expiry and {@code time} is not before it
     */
    public boolean isExpiredAt(Instant time) {
      return expires.isPresent() && !time.isBefore(expires.get());
    }
  }
}
