package dev.registryclient.api.client;

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
 * }
 * }</pre>
 */
public interface RegistryClientFactory {
  /** A new client with these settings; the caller closes it. */
  RegistryClient create(ClientSettings settings);
}
