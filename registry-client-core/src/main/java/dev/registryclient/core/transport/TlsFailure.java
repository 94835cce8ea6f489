package dev.registryclient.core.transport;

import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.util.Locale;
import java.util.Optional;
import javax.net.ssl.SSLPeerUnverifiedException;

/**
 * Says why a TLS handshake failed in the words a user can act on: a certificate signed by a CA this
 * machine does not trust, one issued for another name, one expired or not yet valid, or a server
 * that answered in plain http. The JDK reports these as an {@code SSLException} whose type, cause
 * chain or message tells which; so does Conscrypt, whose certificate checks are the JDK's trust
 * managers, but in its own words for a plain http answer.
 *
 * <pre>{@code
 * TlsFailure.Kind kind = TlsFailure.kind(e); // UNKNOWN_CA for "PKIX path building failed"
 * }</pre>
 */
final class TlsFailure {
  /** The certificate problems a user can fix, and {@code OTHER}. */
  enum Kind {
    UNKNOWN_CA,
    NAME_MISMATCH,
    EXPIRED,
    NOT_YET_VALID,
    /** The server answered in plain http: no TLS on this port, however often it is asked. */
    PLAIN_HTTP,
    OTHER
  }

  private static final int MAX_CAUSES = 16;

  private TlsFailure() {}

  /** Which problem {@code failure} (an {@code SSLException} or one wrapping it) reports. */
  static Kind kind(Throwable failure) {
    Kind byMessage = Kind.OTHER;
    Throwable c = failure;
    for (int i = 0; c != null && i < MAX_CAUSES; i++, c = c.getCause()) {
      if (c instanceof CertificateExpiredException) {
        return Kind.EXPIRED;
      }
      if (c instanceof CertificateNotYetValidException) {
        return Kind.NOT_YET_VALID;
      }
      String m = c.getMessage() == null ? "" : c.getMessage().toLowerCase(Locale.ROOT);
      // an http answer to the ClientHello, in the JDK's words, then Conscrypt's (BoringSSL's)
      if (m.contains("unrecognized ssl message")
          || m.contains("plaintext connection")
          || m.contains("unable to parse tls packet header")
          || m.contains("wrong_version_number")) {
        return Kind.PLAIN_HTTP;
      }
      if (c instanceof SSLPeerUnverifiedException) {
        byMessage = Kind.NAME_MISMATCH; // HttpClient's own host name check
      }
      if (c.getClass().getSimpleName().equals("SunCertPathBuilderException")
          || m.contains("pkix path building failed")
          || m.contains("unable to find valid certification path")) {
        byMessage = Kind.UNKNOWN_CA;
      } else if (m.contains("no subject alternative")
          || m.contains("no name matching")
          || m.contains("doesn't match any of the subject alternative names")) {
        byMessage = Kind.NAME_MISMATCH;
      }
    }
    return byMessage;
  }

  /** {@code "its certificate is not signed by a CA this machine trusts"}, or the JDK's words. */
  static String problem(Throwable failure, Origin host) {
    return switch (kind(failure)) {
      case UNKNOWN_CA -> "its certificate is not signed by a CA this machine trusts";
      case NAME_MISMATCH -> "its certificate is not issued for " + host.host();
      case EXPIRED -> "its certificate has expired";
      case NOT_YET_VALID -> "its certificate is not valid yet";
      case PLAIN_HTTP -> "it answered in plain http, not TLS";
      case OTHER -> String.valueOf(failure.getMessage());
    };
  }

  /**
   * What to do, e.g. {@code "Add the CA that signed it to /etc/containers/certs.d/host:5000/ca.crt
   * (...), or for a lab registry turn off verification for this host (insecure TLS)"}; empty for
   * failures a user cannot fix from here. Turning verification off is offered only for the
   * registry's own host, since it never applies to the hosts a registry redirects to.
   */
  static Optional<String> hint(Throwable failure, Origin host, boolean registryHost) {
    String insecure =
        registryHost
            ? ", or for a lab registry turn off verification for this host (insecure TLS)"
            : "";
    String dir = host.port() == 443 ? host.host() : host.hostWithPort();
    return switch (kind(failure)) {
      case UNKNOWN_CA ->
          Optional.of(
              "Add the CA that signed it to /etc/containers/certs.d/"
                  + dir
                  + "/ca.crt (or ~/.config/containers/certs.d/"
                  + dir
                  + "/ca.crt)"
                  + (registryHost
                      ? insecure
                      : "; if a proxy intercepts TLS, it is that proxy's CA"));
      case NAME_MISMATCH ->
          Optional.of("Use a host name the certificate was issued for" + insecure);
      case EXPIRED, NOT_YET_VALID ->
          Optional.of(
              "The certificate must be renewed, or this machine's clock is wrong" + insecure);
      case PLAIN_HTTP ->
          Optional.of(
              registryHost
                  ? "If this registry serves only plain http, use http for it (plain http in"
                      + " its registry settings, or insecure = true in registries.conf)"
                  : "The registry redirected to a port that does not serve TLS");
      case OTHER -> Optional.empty();
    };
  }
}
