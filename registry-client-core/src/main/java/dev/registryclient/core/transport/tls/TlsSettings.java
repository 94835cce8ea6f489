package dev.registryclient.core.transport.tls;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javax.net.ssl.SSLContext;

/**
 * How TLS connections are verified, per host: the JDK's trust store always; plus the extra CA
 * bundles and client certificates of the containers {@code certs.d} layout; and, for hosts the user
 * lists as {@linkplain Builder#insecure insecure}, no verification at all. Verification is on by
 * default.
 *
 * <pre>{@code
 * TlsSettings tls = TlsSettings.builder()
 *     .certsDirectories(List.of(Path.of("/etc/containers/certs.d")))
 *     .insecure("registry.lab:5000")
 *     .build();
 * }</pre>
 *
 * <p>For {@code registry.example:5000} the directory {@code <certs.d>/registry.example:5000/} is
 * read ({@code registry.example/} when the port is 443): {@code *.crt} files are CA certificates
 * trusted in addition to the JDK's, and each {@code NAME.cert} with its {@code NAME.key} is a
 * client certificate. The first {@code certs.d} directory that has a directory for the host wins,
 * as in containers/image.
 */
public final class TlsSettings {
  private final List<Path> certsDirectories;
  private final Set<String> insecureHosts;

  private TlsSettings(Builder b) {
    this.certsDirectories = List.copyOf(b.certsDirectories);
    this.insecureHosts = Set.copyOf(b.insecureHosts);
  }

  /**
   * Verification on, with the standard {@code certs.d} directories: {@code
   * ~/.config/containers/certs.d}, {@code /etc/containers/certs.d}, {@code /etc/docker/certs.d}.
   *
   * @return the default settings
   */
  public static TlsSettings defaults() {
    return builder().build();
  }

  /**
   * A builder starting from the defaults.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The {@code certs.d} directories, searched in order.
   *
   * @return the directories
   */
  public List<Path> certsDirectories() {
    return certsDirectories;
  }

  /**
   * Whether certificates and host names are not checked for this host.
   *
   * @param host the host name
   * @param port the port
   * @return whether {@code host} or {@code host:port} was marked insecure
   */
  public boolean isInsecure(String host, int port) {
    String h = host.toLowerCase(Locale.ROOT);
    return insecureHosts.contains(h) || insecureHosts.contains(h + ":" + port);
  }

  /**
   * The TLS context for connections to {@code host:port}.
   *
   * @param host the host name
   * @param port the port
   * @return the TLS context: the JDK's trust plus the host's {@code certs.d} CAs and client key, or
   *     trusting everything for an insecure host; from Conscrypt when it is available, unless the
   *     system property {@code registry.client.tls.provider=jdk} asks for the JDK's TLS
   * @throws IOException if a {@code certs.d} file cannot be read or parsed (naming the file)
   */
  public SSLContext contextFor(String host, int port) throws IOException {
    boolean insecure = isInsecure(host, port);
    Optional<CertsDirectory> dir = CertsDirectory.find(certsDirectories, host, port);
    try {
      return HostContexts.build(
          dir.map(CertsDirectory::caCertificates).orElse(List.of()),
          dir.flatMap(CertsDirectory::clientKey),
          insecure,
          TlsProviders.chosen());
    } catch (GeneralSecurityException e) {
      throw new IOException(
          "cannot set up TLS for " + host + ":" + port + ": " + e.getMessage(), e);
    }
  }

  @Override
  public String toString() {
    return "TlsSettings[certs.d=" + certsDirectories + ", insecure=" + insecureHosts + "]";
  }

  /** Builds {@link TlsSettings}. */
  public static final class Builder {
    private List<Path> certsDirectories = new ArrayList<>(standardDirectories());
    private final Set<String> insecureHosts = new LinkedHashSet<>();

    private Builder() {}

    private static List<Path> standardDirectories() {
      List<Path> dirs = new ArrayList<>();
      String home = System.getProperty("user.home");
      if (home != null && !home.isEmpty()) {
        dirs.add(Path.of(home, ".config", "containers", "certs.d"));
      }
      dirs.add(Path.of("/etc/containers/certs.d"));
      dirs.add(Path.of("/etc/docker/certs.d"));
      return dirs;
    }

    /**
     * The {@code certs.d} directories to search, in order (replaces the standard ones).
     *
     * @param directories the directories
     * @return this builder
     */
    public Builder certsDirectories(List<Path> directories) {
      this.certsDirectories = new ArrayList<>(Objects.requireNonNull(directories, "directories"));
      return this;
    }

    /**
     * Skips certificate and host name checks for {@code host} or {@code host:port}.
     *
     * @param host a host name, or {@code host:port}
     * @return this builder
     * @throws IllegalArgumentException if {@code host} is blank
     */
    public Builder insecure(String host) {
      Objects.requireNonNull(host, "host");
      if (host.isBlank()) {
        throw new IllegalArgumentException("insecure host must not be blank");
      }
      insecureHosts.add(host.toLowerCase(Locale.ROOT));
      return this;
    }

    /**
     * The immutable settings.
     *
     * @return the settings
     */
    public TlsSettings build() {
      return new TlsSettings(this);
    }
  }
}
