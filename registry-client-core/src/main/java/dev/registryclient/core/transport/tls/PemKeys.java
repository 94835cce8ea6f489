package dev.registryclient.core.transport.tls;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

/**
 * Reads an unencrypted PEM private key in any of the forms {@code certs.d} key files come in:
 * PKCS#8 ({@code BEGIN PRIVATE KEY}), PKCS#1 RSA ({@code BEGIN RSA PRIVATE KEY}) and SEC1 EC
 * ({@code BEGIN EC PRIVATE KEY}). The JDK reads only the first, hence Bouncy Castle.
 */
final class PemKeys {
  private PemKeys() {}

  static PrivateKey read(Path file) throws IOException {
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII);
        PEMParser parser = new PEMParser(reader)) {
      Object pem = parser.readObject();
      JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
      if (pem instanceof PEMKeyPair pair) {
        return converter.getPrivateKey(pair.getPrivateKeyInfo()); // SEC1 may omit the public key
      }
      if (pem instanceof PrivateKeyInfo info) {
        return converter.getPrivateKey(info);
      }
      throw new IOException(
          "no unencrypted private key in "
              + file
              + (pem == null ? "" : " (found " + pem.getClass().getSimpleName() + ")"));
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw new IOException("unreadable private key file " + file + ": " + e.getMessage(), e);
    }
  }
}
