/**
 * Transport and storage: HTTP on Apache HttpClient 5, challenge/token auth, credentials, redirects,
 * retries, resume, the filesystem content-addressed blob store, the readers of mirror configuration
 * files, and the verification of image signatures.
 */
module dev.registryclient.core {
  requires transitive dev.registryclient.api;
  requires org.apache.httpcomponents.client5.httpclient5;
  requires org.apache.httpcomponents.core5.httpcore5;
  // HttpClient 5 (an automatic module) sets TCP keep-alive options through jdk.net.Sockets, which
  // it loads unconditionally. Automatic modules read every module but resolve none, so without this
  // a modular application fails on its first request. Not "static": that would not resolve it.
  requires jdk.net;
  requires org.slf4j;
  requires com.fasterxml.jackson.core;
  requires com.fasterxml.jackson.databind;
  // registries.conf (TOML) and OpenShift mirror sets (YAML): core.config
  requires com.fasterxml.jackson.dataformat.toml;
  requires com.fasterxml.jackson.dataformat.yaml;
  // PEM client keys in certs.d (PKCS#1 RSA, SEC1 EC) that the JDK cannot read: PemKeys
  requires org.bouncycastle.pkix;
  requires org.bouncycastle.provider;
  // OpenPGP key rings and signed messages (simple signing): core.trust
  requires org.bouncycastle.pg;
  // optional: TLS by Conscrypt (BoringSSL) when present and loadable, the JDK's otherwise
  requires static org.conscrypt;

  // The API: what users configure and extend. Stable within a minor version.
  exports dev.registryclient.core; // TransportBuilder, the composition root
  exports dev.registryclient.core.transport; // Transport, Request/Response, retry, redirect, errors
  exports dev.registryclient.core.transport.proxy; // ProxySettings for TransportBuilder.proxies
  exports dev.registryclient.core.store; // FileBlobStore, MemoryBlobStore
  exports dev.registryclient.core.auth.credentials; // credential providers: files, helpers, static
  exports dev.registryclient.core.config; // registries.conf, daemon.json, OpenShift mirror sets
  exports dev.registryclient.core.trust; // signature verification: OpenPGP, sigstore keys

  // Implementation the protocol module builds on; not API, may change in any release.
  exports dev.registryclient.core.transport.blob to
      dev.registryclient.oci;
  exports dev.registryclient.core.transport.tls to
      dev.registryclient.oci;

// Not exported: core.auth (the auth layer of the chain), core.transport.http5 (the engine),
// core.store.internal and core.internal.*.
}
