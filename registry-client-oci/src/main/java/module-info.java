/**
 * Protocol: Distribution API operations, manifest formats, schema 1, pagination, platform
 * selection, the pull engine and the OCI image layout.
 */
module dev.registryclient.oci {
  requires transitive dev.registryclient.api;
  requires transitive dev.registryclient.core; // Transport is part of the HTTP API here
  requires com.fasterxml.jackson.databind;
  requires org.slf4j;
  // optional: decodes zstd layers for the diff_id check; without it they are reported unchecked
  requires static com.github.luben.zstd_jni;

  exports dev.registryclient.oci;
  exports dev.registryclient.oci.layout;
  exports dev.registryclient.oci.listing;
  exports dev.registryclient.oci.manifest;
  exports dev.registryclient.oci.paging;
  exports dev.registryclient.oci.platform;

  provides dev.registryclient.api.client.RegistryClientFactory with
      dev.registryclient.oci.client.OciRegistryClientFactory;
}
