package dev.registryclient.oci.client;

import dev.registryclient.api.auth.CredentialProvider;
import dev.registryclient.api.client.ClientSettings;
import dev.registryclient.api.client.RegistryClient;
import dev.registryclient.api.client.RegistryClientFactory;
import dev.registryclient.api.config.RegistryConfig;
import dev.registryclient.api.trust.SignatureStores;
import dev.registryclient.api.trust.TrustPolicy;
import dev.registryclient.core.auth.credentials.AuthJsonCredentialProvider;
import dev.registryclient.core.auth.credentials.CredentialProviders;
import dev.registryclient.core.auth.credentials.Environment;
import dev.registryclient.core.config.PolicyJson;
import dev.registryclient.core.config.RegistriesConf;
import dev.registryclient.core.config.RegistriesD;
import dev.registryclient.oci.trust.CoreSignatureCrypto;
import java.nio.file.Path;
import java.util.Map;

/**
 * The {@link RegistryClientFactory} of this module, found by {@link java.util.ServiceLoader}
 * through {@code module-info} ({@code provides}) and {@code META-INF/services}. Credentials come
 * from core's providers ({@link CredentialProviders}).
 */
public final class OciRegistryClientFactory implements RegistryClientFactory {
  /** Called by {@link java.util.ServiceLoader}. */
  public OciRegistryClientFactory() {}

  @Override
  public RegistryClient create(ClientSettings settings) {
    return new DefaultRegistryClient(settings, new CoreSignatureCrypto());
  }

  @Override
  public CredentialProvider defaultCredentials() {
    return CredentialProviders.defaultChain();
  }

  @Override
  public RegistryConfig defaultRegistryConfig() {
    return RegistriesConf.load();
  }

  @Override
  public RegistryConfig registriesConf(Path file) {
    return RegistriesConf.read(file);
  }

  @Override
  public TrustPolicy policyJson(Path file) {
    return PolicyJson.read(file);
  }

  @Override
  public SignatureStores registriesD(Path directory) {
    return RegistriesD.read(directory);
  }

  @Override
  public CredentialProvider authFileCredentials(Path file) {
    // auth.json's own lookup with the file as $REGISTRY_AUTH_FILE. Its other places hang off the
    // home directory: the file itself stands in for it, and nothing can exist under a regular file
    Environment onlyThisFile = Environment.of(Map.of("REGISTRY_AUTH_FILE", file.toString()), file);
    return CredentialProviders.chain(
        new AuthJsonCredentialProvider(onlyThisFile), CredentialProviders.anonymous());
  }
}
