package dev.registryclient.core.transport.tls;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One host's directory in the containers {@code certs.d} layout: {@code *.crt} CA certificates and
 * {@code NAME.cert} + {@code NAME.key} client certificates. Files are read when found; a broken
 * file fails with an exception naming it, never silently.
 */
final class CertsDirectory {
  private final Path dir;
  private final List<X509Certificate> caCertificates;
  private final Optional<ClientKey> clientKey;

  /** A client certificate chain with its private key. */
  record ClientKey(PrivateKey key, List<X509Certificate> chain) {}

  private CertsDirectory(Path dir) throws IOException {
    this.dir = dir;
    List<X509Certificate> cas = new ArrayList<>();
    ClientKey client = null;
    for (Path file : sorted(dir)) {
      String name = file.getFileName().toString();
      if (name.endsWith(".crt")) {
        cas.addAll(certificates(file));
      } else if (name.endsWith(".cert") && client == null) {
        Path keyFile = dir.resolve(name.substring(0, name.length() - ".cert".length()) + ".key");
        if (!Files.isRegularFile(keyFile)) {
          throw new IOException("client certificate " + file + " has no key file " + keyFile);
        }
        client = new ClientKey(PemKeys.read(keyFile), certificates(file));
      }
    }
    this.caCertificates = List.copyOf(cas);
    this.clientKey = Optional.ofNullable(client);
  }

  /** The directory for {@code host:port} in the first base directory that has one. */
  static Optional<CertsDirectory> find(List<Path> bases, String host, int port) throws IOException {
    List<String> names = port == 443 ? List.of(host + ":443", host) : List.of(host + ":" + port);
    for (Path base : bases) {
      for (String name : names) {
        Path candidate;
        try {
          candidate = base.resolve(name);
        } catch (java.nio.file.InvalidPathException e) {
          continue; // a host name that cannot be a file name on this system
        }
        if (Files.isDirectory(candidate)) {
          return Optional.of(new CertsDirectory(candidate));
        }
      }
    }
    return Optional.empty();
  }

  List<X509Certificate> caCertificates() {
    return caCertificates;
  }

  Optional<ClientKey> clientKey() {
    return clientKey;
  }

  private static List<Path> sorted(Path dir) throws IOException {
    List<Path> files = new ArrayList<>();
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
      stream.forEach(files::add);
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    files.sort(null);
    return files;
  }

  private static List<X509Certificate> certificates(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      List<X509Certificate> certs = new ArrayList<>();
      for (var c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
        certs.add((X509Certificate) c);
      }
      if (certs.isEmpty()) {
        throw new IOException("no certificate in " + file);
      }
      return certs;
    } catch (CertificateException e) {
      throw new IOException("unreadable certificate file " + file + ": " + e.getMessage(), e);
    }
  }

  @Override
  public String toString() {
    return "CertsDirectory[" + dir + "]";
  }
}
