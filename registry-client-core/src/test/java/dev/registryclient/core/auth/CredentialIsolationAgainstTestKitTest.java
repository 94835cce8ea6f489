package dev.registryclient.core.auth;

import static dev.registryclient.core.auth.KitPulls.blob;
import static dev.registryclient.core.auth.KitPulls.get;
import static dev.registryclient.core.auth.KitPulls.manifest;
import static dev.registryclient.core.auth.KitPulls.password;
import static dev.registryclient.core.auth.KitPulls.transport;
import static org.assertj.core.api.Assertions.assertThat;

import dev.registryclient.core.transport.Transport;
import dev.registryclient.testkit.PushedBlob;
import dev.registryclient.testkit.PushedImage;
import dev.registryclient.testkit.RecordedRequest;
import dev.registryclient.testkit.RequestMatcher;
import dev.registryclient.testkit.TestRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Credentials stay with the registry: blob downloads redirected to the kit's CDN origin (another
 * host, which answers 400 to any {@code Authorization}) carry none, and nothing the servers
 * recorded shows a password.
 */
class CredentialIsolationAgainstTestKitTest {

  // the registry's own blob GETs (its 302s), not the CDN downloads they lead to
  private static RequestMatcher registryBlobGets(String repository) {
    return RequestMatcher.any()
        .method("GET")
        .on("^/v2/" + repository + "/blobs/")
        .at(RecordedRequest.Origin.REGISTRY);
  }

  private static void pullImageThroughCdn(TestRegistry registry, Transport t) throws Exception {
    PushedImage image = registry.image("team/app").layer(20_000).layer(3_000).push("v1");
    registry.journal().clear();

    assertThat(get(t, manifest(registry, image)).body()).isEqualTo(image.manifest());
    for (PushedBlob layer : image.layers()) {
      KitPulls.Fetched fetched = get(t, blob(registry, "team/app", layer));
      assertThat(fetched.status()).isEqualTo(200);
      assertThat(fetched.body()).hasSize((int) layer.size());
      assertThat(fetched.finalUri().getAuthority())
          .isEqualTo(registry.cdnUrl().orElseThrow().getAuthority());
    }

    assertThat(registry.journal().cdn())
        .hasSize(image.layers().size())
        .allSatisfy(r -> assertThat(r.status()).isEqualTo(200))
        .noneMatch(RecordedRequest::hasAuthorization);
    assertThat(registry.journal().matching(registryBlobGets("team/app")))
        .hasSize(image.layers().size())
        .allMatch(RecordedRequest::hasAuthorization);
  }

  @Test
  void aBearerTokenNeverReachesTheCdnAndTheJournalShowsNoSecret() throws Exception {
    try (TestRegistry registry =
            TestRegistry.builder()
                .tokenAuth("alice", "open-sesame")
                .cdnRedirects(Duration.ofMinutes(5))
                .start();
        Transport t = transport(password("alice", "open-sesame")).build()) {
      pullImageThroughCdn(registry, t);

      KitPulls.assertJournalHides(registry.journal(), "open-sesame");
    }
  }

  @Test
  void basicCredentialsNeverReachTheCdnAndTheJournalShowsNoSecret() throws Exception {
    try (TestRegistry registry =
            TestRegistry.builder()
                .basicAuth("alice", "open-sesame")
                .cdnRedirects(Duration.ofMinutes(5))
                .cdnRedirectStatus(307)
                .start();
        Transport t = transport(password("alice", "open-sesame")).build()) {
      pullImageThroughCdn(registry, t);

      KitPulls.assertJournalHides(registry.journal(), "open-sesame");
    }
  }
}
