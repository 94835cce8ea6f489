package dev.registryclient.api.client;

import dev.registryclient.api.auth.CredentialProvider;
import dev.registryclient.api.config.RegistryConfig;
import dev.registryclient.api.trust.SignatureStores;
import dev.registryclient.api.trust.TrustPolicy;
import java.nio.file.Path;

/**
 * The service that builds {@link RegistryClient}s; {@link RegistryClientBuilder#build()} finds it
 * with {@link java.util.ServiceLoader}. The {@code registry-client-oci} module provides the
 * implementation, so applications only need it on the class or module path.
 *
 * <p>An implementation is registered with {@code provides
 * dev.registryclient.api.client.RegistryClientFactory with ...} in its {@code module-info} and in
 * {@code META-INF/services/dev.registryclient.api.client.RegistryClientFactory} for the class path.
 *
 * <pre>{@code
 * public final class MyFactory implements RegistryClientFactory {
 *   public RegistryClient create(ClientSettings settings) { return new MyClient(settings); }
 *   public CredentialProvider defaultCredentials() { return MyLoginFiles.provider(); }
 *   public CredentialProvider authFileCredentials(Path file) { return MyLoginFiles.of(file); }
 * }
 * }</pre>
 */
public interface RegistryClientFactory {
  /**
   * A new client with these settings; the caller closes it.
   *
   * @param settings the client's settings
   * @return a new client
   */
  RegistryClient create(ClientSettings settings);

  /**
   * The credentials behind {@link RegistryClientBuilder#defaultCredentials()}: what {@code podman
   * login} and {@code docker login} stored, anonymous where they stored nothing.
   *
   * @return the default credential provider
   */
  CredentialProvider defaultCredentials();

  /**
   * The credentials behind {@link RegistryClientBuilder#authFile(Path)}: this {@code auth.json}
   * only, anonymous for registries it does not name.
   *
   * @param file the {@code auth.json} file to read
   * @return a provider answering from that file only
   */
  CredentialProvider authFileCredentials(Path file);

  /**
   * The mirrors and relocations behind {@link RegistryClientBuilder#defaultRegistryConfig()}: the
   * user's or the system's {@code registries.conf}. None unless an implementation reads them.
   *
   * @return the registry configuration; {@link RegistryConfig#none()} by default
   */
  default RegistryConfig defaultRegistryConfig() {
    return RegistryConfig.none();
  }

  /**
   * The rules of one {@code containers-registries.conf(5)} file, behind {@link
   * RegistryClientBuilder#registriesConf(Path)}.
   *
   * @param file the {@code registries.conf} file to read
   * @return the file's rules
   * @throws UnsupportedOperationException if this implementation cannot read such files
   */
  default RegistryConfig registriesConf(Path file) {
    throw new UnsupportedOperationException(getClass().getName() + " cannot read " + file);
  }

  /**
   * The trust policy of one {@code containers-policy.json(5)} file, behind {@link
   * RegistryClientBuilder#policyJson(Path)}.
   *
   * @param file the {@code policy.json} file to read
   * @return the file's policy
   * @throws UnsupportedOperationException if this implementation cannot read such files
   */
  default TrustPolicy policyJson(Path file) {
    throw new UnsupportedOperationException(getClass().getName() + " cannot read " + file);
  }

  /**
   * The signature stores of a {@code containers-registries.d(5)} directory (every {@code *.yaml}
   * file in it), behind {@link RegistryClientBuilder#registriesD(Path)}.
   *
   * @param directory the {@code registries.d} directory to read
   * @return the signature stores it configures
   * @throws UnsupportedOperationException if this implementation cannot read such files
   */
  default SignatureStores registriesD(Path directory) {
    throw new UnsupportedOperationException(getClass().getName() + " cannot read " + directory);
  }
}
