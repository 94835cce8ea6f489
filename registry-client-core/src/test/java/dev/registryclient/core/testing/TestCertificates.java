package dev.registryclient.core.testing;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A throw-away CA issuing a server certificate for 127.0.0.1 and a client certificate, generated in
 * the test with Bouncy Castle (EC P-256; the client RSA; valid one day), plus the PEM files a
 * {@code certs.d} holds.
 */
public final class TestCertificates {
  private static final AtomicLong SERIAL = new AtomicLong(System.nanoTime());

  /** A key with its certificate. */
  public record Issued(KeyPair keys, X509Certificate certificate) {}

  private final Issued ca;
  private final Issued server;
  private final Issued client;

  /** A new CA with a server and a client certificate. */
  public TestCertificates() throws Exception {
    ca = issue("CN=test CA", null, true, false, ecKeys());
    server = issue("CN=127.0.0.1", ca, false, true, ecKeys());
    client = issue("CN=test client", ca, false, false, rsaKeys());
  }

  private static KeyPair ecKeys() throws Exception {
    KeyPairGenerator gen = KeyPairGenerator.getInstance("EC");
    gen.initialize(new ECGenParameterSpec("secp256r1"));
    return gen.generateKeyPair();
  }

  // RSA, so the client key file is PKCS#1 ("RSA PRIVATE KEY"), which the JDK cannot read
  private static KeyPair rsaKeys() throws Exception {
    KeyPairGenerator gen = KeyPairGenerator.getInstance("RSA");
    gen.initialize(2048);
    return gen.generateKeyPair();
  }

  private static Issued issue(
      String subject, Issued issuer, boolean isCa, boolean loopbackSan, KeyPair keys)
      throws Exception {
    Instant now = Instant.now();
    GeneralName[] names =
        loopbackSan
            ? new GeneralName[] {
              new GeneralName(GeneralName.iPAddress, "127.0.0.1"),
              new GeneralName(GeneralName.dNSName, "localhost")
            }
            : new GeneralName[0];
    return issue(
        subject,
        issuer,
        isCa,
        names,
        now.minus(Duration.ofMinutes(5)),
        now.plus(Duration.ofDays(1)),
        keys);
  }

  private static Issued issue(
      String subject,
      Issued issuer,
      boolean isCa,
      GeneralName[] names,
      Instant notBefore,
      Instant notAfter,
      KeyPair keys)
      throws Exception {
    X500Name issuerName = new X500Name(issuer == null ? subject : issuerSubject(issuer));
    JcaX509v3CertificateBuilder builder =
        new JcaX509v3CertificateBuilder(
            issuerName,
            BigInteger.valueOf(SERIAL.incrementAndGet()),
            Date.from(notBefore),
            Date.from(notAfter),
            new X500Name(subject),
            keys.getPublic());
    builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(isCa));
    if (names.length > 0) {
      builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names));
    }
    KeyPair signer = issuer == null ? keys : issuer.keys();
    X509Certificate cert =
        new JcaX509CertificateConverter()
            .getCertificate(
                builder.build(
                    new JcaContentSignerBuilder("SHA256withECDSA").build(signer.getPrivate())));
    return new Issued(keys, cert);
  }

  private static String issuerSubject(Issued issuer) {
    return issuer.certificate().getSubjectX500Principal().getName();
  }

  /** The server's TLS context; when {@code requireClientCertificate}, clients must show one. */
  public SSLContext serverContext() throws Exception {
    return serverContext(server);
  }

  /**
   * A TLS context for a server certificate from this CA naming only {@code dnsName} and valid from
   * {@code notBefore} to {@code notAfter}: a host-name mismatch on 127.0.0.1, or an expired
   * certificate, for tests of what a client says about them.
   */
  public SSLContext serverContext(String dnsName, Instant notBefore, Instant notAfter)
      throws Exception {
    GeneralName[] names = {new GeneralName(GeneralName.dNSName, dnsName)};
    return serverContext(issue("CN=" + dnsName, ca, false, names, notBefore, notAfter, ecKeys()));
  }

  private SSLContext serverContext(Issued issued) throws Exception {
    KeyStore keys = KeyStore.getInstance("PKCS12");
    keys.load(null, null);
    keys.setKeyEntry(
        "server",
        issued.keys().getPrivate(),
        new char[0],
        new X509Certificate[] {issued.certificate(), ca.certificate()});
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(keys, new char[0]);
    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    trust.setCertificateEntry("ca", ca.certificate());
    TrustManagerFactory tmf =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(trust);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
    return context;
  }

  /** Writes {@code ca.crt} into {@code dir}. */
  public void writeCa(Path dir) throws IOException {
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("ca.crt"), pem(ca.certificate()), StandardCharsets.US_ASCII);
  }

  /** Writes {@code client.cert} and {@code client.key} (PKCS#1 {@code RSA PRIVATE KEY}). */
  public void writeClient(Path dir) throws IOException {
    Files.createDirectories(dir);
    Files.writeString(
        dir.resolve("client.cert"), pem(client.certificate()), StandardCharsets.US_ASCII);
    Files.writeString(dir.resolve("client.key"), pem(client.keys()), StandardCharsets.US_ASCII);
  }

  private static String pem(Object o) throws IOException {
    StringWriter out = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
      writer.writeObject(o);
    }
    return out.toString();
  }

  /** The loopback address the server certificate names. */
  public static InetAddress loopback() throws IOException {
    return InetAddress.getByName("127.0.0.1");
  }
}
