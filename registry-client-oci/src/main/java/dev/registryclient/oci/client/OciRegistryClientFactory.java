package dev.registryclient.oci.client;

import dev.registryclient.api.client.ClientSettings;
import dev.registryclient.api.client.RegistryClient;
import dev.registryclient.api.client.RegistryClientFactory;

/**
 * The {@link RegistryClientFactory} of this module, found by {@link java.util.ServiceLoader}
 * through {@code module-info} ({@code provides}) and {@code META-INF/services}.
 */
public final class OciRegistryClientFactory implements RegistryClientFactory {
  /** Called by {@link java.util.ServiceLoader}. */
  public OciRegistryClientFactory() {}

  @Override
  public RegistryClient create(ClientSettings settings) {
    return new DefaultRegistryClient(settings);
  }
}
