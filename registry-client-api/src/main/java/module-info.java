/**
 * The public face of registry-client: value types, the fluent client interfaces, the blob store SPI
 * and the exception hierarchy. Depends on the JDK only.
 */
module dev.registryclient.api {
  exports dev.registryclient.api;
  exports dev.registryclient.api.auth;
  exports dev.registryclient.api.client;
  exports dev.registryclient.api.config;
  exports dev.registryclient.api.exception;
  exports dev.registryclient.api.manifest;
  exports dev.registryclient.api.store;
  exports dev.registryclient.api.trust;

  uses dev.registryclient.api.client.RegistryClientFactory;
}
