/**
 * Transport and storage: HTTP on Apache HttpClient 5, challenge/token auth, credentials, redirects,
 * retries, resume, and the filesystem content-addressed blob store.
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
  // PEM client keys in certs.d (PKCS#1 RSA, SEC1 EC) that the JDK cannot read: PemKeys
  requires org.bouncycastle.pkix;
  requires org.bouncycastle.provider;

  exports dev.registryclient.core;
  exports dev.registryclient.core.store;
  exports dev.registryclient.core.transport;
  exports dev.registryclient.core.transport.blob;
  exports dev.registryclient.core.transport.proxy;
  exports dev.registryclient.core.transport.tls;
  exports dev.registryclient.core.auth;
  exports dev.registryclient.core.auth.credentials;
}
