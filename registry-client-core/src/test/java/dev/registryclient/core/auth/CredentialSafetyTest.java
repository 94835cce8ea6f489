package dev.registryclient.core.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.registryclient.api.auth.Credentials;
import dev.registryclient.api.auth.Secret;
import dev.registryclient.api.exception.ErrorContext;
import dev.registryclient.api.exception.Phase;
import dev.registryclient.api.exception.RegistryClientException;
import dev.registryclient.core.transport.Origin;
import dev.registryclient.core.transport.Request;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CredentialSafetyTest {

  @Test
  void secretsNeverShowInToString() {
    Secret s = Secret.of("hunter2");
    assertThat(s.toString()).doesNotContain("hunter2");
    assertThat(Credentials.usernamePassword("u", s).toString()).doesNotContain("hunter2");
    assertThat(Credentials.identityToken(Optional.of("u"), s).toString()).doesNotContain("hunter2");
    assertThat(Credentials.bearerToken(s).toString()).doesNotContain("hunter2");
    Token t = new Token(s, Optional.empty(), Instant.EPOCH, Optional.of(s));
    assertThat(t.toString()).doesNotContain("hunter2");
    Request r =
        Request.builder(URI.create("https://r.example/v2/"))
            .header("Authorization", "Bearer hunter2")
            .build();
    assertThat(r.toString()).doesNotContain("hunter2").contains("Authorization");
  }

  @Test
  void plainHttpCredentialsOnlyToLoopbackOrOptedInHosts() {
    PlainHttpPolicy policy = new PlainHttpPolicy(Set.of("lab.example:5000"));
    assertThat(policy.allowsCredentials(Origin.of("https", "registry.example", 443))).isTrue();
    assertThat(policy.allowsCredentials(Origin.of("http", "127.0.0.5", 5000))).isTrue();
    assertThat(policy.allowsCredentials(Origin.of("http", "localhost", 80))).isTrue();
    assertThat(policy.allowsCredentials(Origin.of("http", "lab.example", 5000))).isTrue();
    assertThat(policy.allowsCredentials(Origin.of("http", "registry.example", 80))).isFalse();
    ErrorContext ctx = ErrorContext.of(Phase.MANIFEST);
    assertThatThrownBy(() -> policy.requireAllowed(Origin.of("http", "registry.example", 80), ctx))
        .isInstanceOf(RegistryClientException.class)
        .hasMessageContaining("registry.example")
        .hasMessageContaining("allowCredentialsOverHttp");
  }

  @Test
  void plainHttpRealmForAnHttpsRegistryIsRefusedBeforeAnyRequest() {
    AuthOptions options =
        new AuthOptions(
            (h, r) -> Optional.empty(),
            "c",
            false,
            Clock.systemUTC(),
            Duration.ofSeconds(10),
            new PlainHttpPolicy(Set.of()));
    TokenRequest request =
        new TokenRequest(
            Origin.of("https", "registry.example", 443),
            URI.create("http://auth.example/token"),
            Optional.empty(),
            List.of(Scope.pull("app")),
            Credentials.usernamePassword("u", Secret.of("p")),
            Optional.of("app"));
    assertThatThrownBy(
            () ->
                new TokenService(options)
                    .fetch(
                        request,
                        r -> {
                          throw new AssertionError("no request may be sent: " + r);
                        }))
        .isInstanceOf(RegistryClientException.class)
        .hasMessageContaining("http://auth.example/token")
        .hasMessageContaining("not https");
  }

  @Test
  void credentialsAreNotSentOverPlainHttpToARealmOnAnotherHost() {
    AuthOptions options =
        new AuthOptions(
            (h, r) -> Optional.empty(),
            "c",
            false,
            Clock.systemUTC(),
            Duration.ofSeconds(10),
            new PlainHttpPolicy(Set.of()));
    TokenRequest request =
        new TokenRequest(
            Origin.of("http", "registry.example", 80),
            URI.create("http://auth.example/token"),
            Optional.empty(),
            List.of(),
            Credentials.usernamePassword("u", Secret.of("p")),
            Optional.empty());
    assertThatThrownBy(
            () ->
                new TokenService(options)
                    .fetch(
                        request,
                        r -> {
                          throw new AssertionError("no request may be sent: " + r);
                        }))
        .isInstanceOf(RegistryClientException.class)
        .hasMessageContaining("plain http");
  }
}
