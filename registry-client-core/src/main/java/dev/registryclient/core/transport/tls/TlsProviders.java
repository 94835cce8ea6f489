package dev.registryclient.core.transport.tls;

import java.security.Provider;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses who does TLS: Conscrypt (BoringSSL, native) when it is on the class or module path and
 * its native library loads, the JDK otherwise. Conscrypt's AES-GCM and handshakes are much faster
 * than the JDK's in a short-lived JVM. The system property {@value #PROPERTY}{@code =jdk} keeps the
 * JDK's TLS.
 *
 * <p>Conscrypt is only asked for the TLS contexts this library builds: it is never installed as a
 * JCA provider, so the rest of the process keeps the JDK's algorithms.
 *
 * <pre>{@code
 * Optional<Provider> p = TlsProviders.chosen(); // empty: the JDK's SunJSSE
 * }</pre>
 */
final class TlsProviders {
  /** The system property that turns Conscrypt off: {@code jdk}. */
  static final String PROPERTY = "registry.client.tls.provider";

  private static final Logger LOG = LoggerFactory.getLogger(TlsProviders.class);

  private TlsProviders() {}

  /** Conscrypt unless switched off or unavailable; empty for the JDK's own TLS. */
  static Optional<Provider> chosen() {
    return choose(System.getProperty(PROPERTY), () -> ConscryptHolder.PROVIDER);
  }

  /** {@code conscrypt} is not asked when switched off: no Conscrypt class is loaded then. */
  static Optional<Provider> choose(String setting, Supplier<Optional<Provider>> conscrypt) {
    if (setting != null && setting.trim().toLowerCase(Locale.ROOT).equals("jdk")) {
      return Optional.empty();
    }
    return conscrypt.get();
  }

  /**
   * The provider {@code factory} makes, or empty when it cannot: its classes missing, or its native
   * library not loadable (an unsupported platform, a {@code noexec} temporary directory).
   */
  static Optional<Provider> load(Callable<Provider> factory) {
    try {
      return Optional.of(factory.call());
    } catch (Exception | LinkageError e) {
      LOG.debug("Conscrypt not available, TLS by the JDK: {}", e.toString());
      return Optional.empty();
    }
  }

  /** Loaded once, on first use; without Conscrypt's classes its reference fails here, caught. */
  private static final class ConscryptHolder {
    static final Optional<Provider> PROVIDER = load(ConscryptHolder::newProvider);

    private static Provider newProvider() {
      return org.conscrypt.Conscrypt.newProvider();
    }
  }
}
