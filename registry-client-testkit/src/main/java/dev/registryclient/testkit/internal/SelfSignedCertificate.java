package dev.registryclient.testkit.internal;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;

/**
 * A self-signed X.509 v3 CA certificate for a P-256 key, signed with ECDSA-SHA256, as the PEM that
 * distribution's {@code auth.token.rootcertbundle} expects. Built with the JDK alone so the test
 * kit needs no Bouncy Castle; {@link #create} parses the result back with the JDK's certificate
 * factory and checks the signature, so a malformed encoding fails here rather than in the registry.
 */
public final class SelfSignedCertificate {
  private static final String ECDSA_WITH_SHA256 = "1.2.840.10045.4.3.2";
  private static final String COMMON_NAME = "2.5.4.3";
  private static final String BASIC_CONSTRAINTS = "2.5.29.19";

  private final X509Certificate certificate;

  private SelfSignedCertificate(X509Certificate certificate) {
    this.certificate = certificate;
  }

  /** A certificate for {@code keys} named {@code CN=commonName}, valid from an hour ago. */
  public static SelfSignedCertificate create(KeyPair keys, String commonName, Duration validity) {
    Instant notBefore = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofHours(1));
    byte[] algorithm = Der.sequence(Der.oid(ECDSA_WITH_SHA256));
    byte[] name =
        Der.sequence(Der.set(Der.sequence(Der.oid(COMMON_NAME), Der.utf8String(commonName))));
    byte[] caConstraint =
        Der.sequence(
            Der.oid(BASIC_CONSTRAINTS),
            Der.bool(true),
            Der.octetString(Der.sequence(Der.bool(true))));
    byte[] tbs =
        Der.sequence(
            Der.explicit(0, Der.integer(BigInteger.TWO)), // v3
            Der.integer(new BigInteger(63, new SecureRandom()).add(BigInteger.ONE)),
            algorithm,
            name,
            Der.sequence(Der.utcTime(notBefore), Der.utcTime(notBefore.plus(validity))),
            name,
            keys.getPublic().getEncoded(),
            Der.explicit(3, Der.sequence(caConstraint)));
    try {
      Signature signer = Signature.getInstance("SHA256withECDSA");
      signer.initSign(keys.getPrivate());
      signer.update(tbs);
      byte[] der = Der.sequence(tbs, algorithm, Der.bitString(signer.sign()));
      X509Certificate parsed =
          (X509Certificate)
              CertificateFactory.getInstance("X.509")
                  .generateCertificate(new ByteArrayInputStream(der));
      parsed.verify(keys.getPublic());
      return new SelfSignedCertificate(parsed);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("could not create a self-signed certificate", e);
    }
  }

  /** The parsed certificate. */
  public X509Certificate x509() {
    return certificate;
  }

  /** {@code -----BEGIN CERTIFICATE-----} with base64 in 64-character lines. */
  public String pem() {
    try {
      String body =
          Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(certificate.getEncoded());
      return "-----BEGIN CERTIFICATE-----\n" + body + "\n-----END CERTIFICATE-----\n";
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("certificate cannot be encoded", e);
    }
  }
}
