package dev.registryclient.oci.client;

import dev.registryclient.api.ImageReference;
import dev.registryclient.api.client.RegistrySettings;
import dev.registryclient.core.transport.Transport;
import dev.registryclient.oci.RegistryEndpoints;
import java.net.URI;

/**
 * One registry as the client talks to it: its name in references, its endpoints (scheme chosen by
 * the settings) and the transport carrying its settings.
 *
 * @param name as in references, e.g. {@code docker.io}
 * @param endpoints URLs on the API host, e.g. {@code https://registry-1.docker.io}
 * @param transport the transport for this registry's settings
 */
record Registry(String name, RegistryEndpoints endpoints, Transport transport) {

  static Registry of(ImageReference reference, RegistrySettings settings, Transport transport) {
    return of(reference.registry(), reference.registryApiHost(), settings, transport);
  }

  static Registry of(String name, String apiHost, RegistrySettings settings, Transport transport) {
    URI base = URI.create(settings.scheme(apiHost) + "://" + apiHost);
    return new Registry(name, RegistryEndpoints.of(base), transport);
  }
}
