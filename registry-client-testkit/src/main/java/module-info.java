/**
 * An in-process registry for tests: token auth, CDN redirects with signed URLs, paging, faults and
 * a request journal; a JWT token server and a CDN front for real registries. Depends on the api
 * module and the JDK (HTTP server and client) only.
 */
module dev.registryclient.testkit {
  requires transitive dev.registryclient.api;
  requires java.net.http;
  requires jdk.httpserver;
  requires static transitive org.junit.jupiter.api;

  exports dev.registryclient.testkit;
  exports dev.registryclient.testkit.distribution;
  exports dev.registryclient.testkit.store;
}
