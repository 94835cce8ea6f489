package dev.registryclient.core.trust;

import dev.registryclient.api.Digest;
import dev.registryclient.api.exception.ConfigurationException;
import dev.registryclient.api.trust.KeySource;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

/**
 * The public keys of a {@code sigstoreSigned} requirement ({@code keyPath}, {@code keyPaths},
 * {@code keyData}): PEM files as {@code cosign generate-key-pair} writes them ({@code -----BEGIN
 * PUBLIC KEY-----}, PKIX), also {@code -----BEGIN RSA PUBLIC KEY-----} (PKCS#1), one or more keys
 * per file. Accepted: ECDSA on P-256, P-384 or P-521, RSA of 2048 to 16384 bits, Ed25519. A
 * certificate, a private key or another key type is a configuration error.
 *
 * <p>Keyless signatures (a Fulcio certificate and a Rekor entry instead of a key) are not
 * supported.
 *
 * <pre>{@code
 * SigstorePublicKeys keys = SigstorePublicKeys.load(List.of(
 *     new KeySource.FromFile(Path.of("/etc/containers/cosign.pub"))));
 * }</pre>
 */
public final class SigstorePublicKeys {
  private static final Set<ASN1ObjectIdentifier> CURVES =
      Set.of(
          SECObjectIdentifiers.secp256r1,
          SECObjectIdentifiers.secp384r1,
          SECObjectIdentifiers.secp521r1);
  private static final int MIN_RSA_BITS = 2048;
  // Verification cost grows with the modulus; 16384 bits is the largest anyone generates.
  private static final int MAX_RSA_BITS = 16384;

  private final List<Key> keys;

  private SigstorePublicKeys(List<Key> keys) {
    this.keys = List.copyOf(keys);
  }

  /**
   * Reads every key source, in order.
   *
   * @param sources the key files and inline keys, in order
   * @return the keys of every source
   * @throws ConfigurationException naming the file (or {@code keyData}) that cannot be read, is
   *     larger than 1 MiB, holds no public key or a key of a type not accepted
   */
  public static SigstorePublicKeys load(List<KeySource> sources) {
    List<Key> keys = new ArrayList<>();
    for (KeySource source : sources) {
      keys.addAll(parse(KeyMaterial.read(source)));
    }
    if (keys.isEmpty()) {
      throw new ConfigurationException(
          "sigstoreSigned", java.util.OptionalInt.empty(), "no key source given", null);
    }
    return new SigstorePublicKeys(keys);
  }

  /**
   * Keys from PEM text, like a {@code keyData} value.
   *
   * @param pem one or more PEM public keys
   * @return the keys
   * @throws ConfigurationException when the text holds no accepted public key
   */
  public static SigstorePublicKeys of(String pem) {
    return load(List.of(new KeySource.Inline(pem.getBytes(StandardCharsets.UTF_8))));
  }

  private static List<Key> parse(KeyMaterial material) {
    List<Key> found = new ArrayList<>();
    String text = new String(material.bytes(), StandardCharsets.UTF_8);
    try (PEMParser parser = new PEMParser(new StringReader(text))) {
      for (Object pem = parser.readObject(); pem != null; pem = parser.readObject()) {
        if (!(pem instanceof SubjectPublicKeyInfo info)) {
          throw material.invalid(
              "holds a " + pem.getClass().getSimpleName() + ", not a PEM public key", null);
        }
        found.add(toKey(material, info));
      }
    } catch (ConfigurationException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      // PEMParser reports unknown block types and broken base64 or DER this way.
      throw material.invalid("not a PEM public key: " + e.getMessage(), e);
    }
    if (found.isEmpty()) {
      throw material.invalid("no PEM public key (-----BEGIN PUBLIC KEY-----) in it", null);
    }
    return found;
  }

  private static Key toKey(KeyMaterial material, SubjectPublicKeyInfo info) throws IOException {
    ASN1ObjectIdentifier type = info.getAlgorithm().getAlgorithm();
    String algorithm;
    if (type.equals(X9ObjectIdentifiers.id_ecPublicKey)) {
      if (!(info.getAlgorithm().getParameters() instanceof ASN1ObjectIdentifier curve)
          || !CURVES.contains(curve)) {
        throw material.invalid("an ECDSA key on a curve other than P-256, P-384, P-521", null);
      }
      algorithm = "ecdsa-" + curveName(curve);
    } else if (type.equals(PKCSObjectIdentifiers.rsaEncryption)) {
      algorithm = "rsa";
    } else if (type.equals(EdECObjectIdentifiers.id_Ed25519)) {
      algorithm = "ed25519";
    } else {
      throw material.invalid(
          "a public key of type " + type + "; ECDSA, RSA or Ed25519 needed", null);
    }
    PublicKey key = new JcaPEMKeyConverter().getPublicKey(info);
    if (key instanceof RSAPublicKey rsa) {
      int bits = rsa.getModulus().bitLength();
      if (bits < MIN_RSA_BITS || bits > MAX_RSA_BITS) {
        throw material.invalid(
            "an RSA key of " + bits + " bits; 2048 to 16384 bits are accepted", null);
      }
      if (rsa.getPublicExponent().compareTo(BigInteger.ONE) <= 0) {
        throw material.invalid("an RSA key with an invalid exponent", null);
      }
      algorithm = "rsa" + bits;
    }
    String fingerprint = Digest.sha256(info.getEncoded()).toString();
    return new Key(material.origin(), algorithm, fingerprint, key);
  }

  private static String curveName(ASN1ObjectIdentifier curve) {
    if (curve.equals(SECObjectIdentifiers.secp256r1)) {
      return "p256";
    }
    return curve.equals(SECObjectIdentifiers.secp384r1) ? "p384" : "p521";
  }

  /**
   * The keys, in the order of the sources.
   *
   * @return the keys
   */
  public List<Key> keys() {
    return keys;
  }

  @Override
  public String toString() {
    return "SigstorePublicKeys" + keys.stream().map(Key::fingerprint).toList();
  }

  /**
   * One public key.
   *
   * @param origin the file it came from, or {@code keyData}
   * @param algorithm {@code ecdsa-p256}, {@code ecdsa-p384}, {@code ecdsa-p521}, {@code rsa<bits>}
   *     or {@code ed25519}
   * @param fingerprint {@code sha256:} and the hex SHA-256 of the key's DER (SubjectPublicKeyInfo)
   *     form, the name a signature is reported under
   * @param publicKey the key
   */
  public record Key(String origin, String algorithm, String fingerprint, PublicKey publicKey) {
    /**
     * Checks for nulls.
     *
     * @param origin the file it came from, or {@code keyData}
     * @param algorithm {@code ecdsa-p256}, {@code ecdsa-p384}, {@code ecdsa-p521}, {@code
     *     rsa<bits>} or {@code ed25519}
     * @param fingerprint {@code sha256:} and the hex SHA-256 of the key's DER
     *     (SubjectPublicKeyInfo) form
     * @param publicKey the key
     */
    public Key {
      Objects.requireNonNull(origin, "origin");
      Objects.requireNonNull(algorithm, "algorithm");
      Objects.requireNonNull(fingerprint, "fingerprint");
      Objects.requireNonNull(publicKey, "publicKey");
    }
  }
}
