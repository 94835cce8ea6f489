package dev.registryclient.oci.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.registryclient.api.auth.CredentialProvider;
import dev.registryclient.api.auth.Credentials;
import dev.registryclient.api.auth.Secret;
import dev.registryclient.api.client.PullResult;
import dev.registryclient.api.client.PulledBlob;
import dev.registryclient.api.client.RegistryClient;
import dev.registryclient.api.exception.AuthenticationException;
import dev.registryclient.core.store.FileBlobStore;
import dev.registryclient.testkit.PushedImage;
import dev.registryclient.testkit.RecordedRequest;
import dev.registryclient.testkit.TestRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClientAuthAndCdnTest {
  @TempDir Path dir;

  private static CredentialProvider alice(String registry) {
    return (host, repository) ->
        host.equals(registry)
            ? Optional.of(Credentials.usernamePassword("alice", Secret.of("secret")))
            : Optional.empty();
  }

  @Test
  void aPullThroughTokenAuthAndCdnRedirectsReportsTheCdnAndKeepsCredentialsOffIt() {
    try (TestRegistry registry =
            TestRegistry.builder()
                .tokenAuth("alice", "secret")
                .cdnRedirects(Duration.ofMinutes(5))
                .start();
        RegistryClient client =
            RegistryClient.builder().credentials(alice(registry.hostAndPort())).build()) {
      PushedImage image = registry.image("team/private").layer(100_000).layer(50_000).push("1.0");
      String cdnHost = registry.cdnUrl().orElseThrow().getAuthority();

      PullResult result = client.pull(image.reference()).into(FileBlobStore.open(dir)).execute();

      assertThat(result.blobs()).hasSize(3).allMatch(PulledBlob::downloaded);
      assertThat(result.blobs()).allSatisfy(b -> assertThat(b.host()).contains(cdnHost));
      assertThat(registry.journal().token()).isNotEmpty();
      assertThat(registry.journal().cdn()).hasSize(3).noneMatch(RecordedRequest::hasAuthorization);
    }
  }

  @Test
  void withoutCredentialsAPrivateRepositoryAsksForCredentialsNamingTheRepository() {
    try (TestRegistry registry = TestRegistry.builder().tokenAuth("alice", "secret").start();
        RegistryClient client = RegistryClient.builder().build()) {
      PushedImage image = registry.image("team/private").layer(1000).push("1.0");

      assertThatThrownBy(
              () -> client.pull(image.reference()).into(FileBlobStore.open(dir)).execute())
          .isInstanceOf(AuthenticationException.class)
          .hasMessageContaining("credentials required")
          .hasMessageContaining("team/private");
    }
  }
}
