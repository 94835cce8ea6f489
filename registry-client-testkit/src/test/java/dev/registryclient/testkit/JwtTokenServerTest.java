package dev.registryclient.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.registryclient.testkit.internal.Json;
import dev.registryclient.testkit.internal.LibtrustKeyId;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JwtTokenServerTest {
  JwtTokenServer tokens;

  @BeforeEach
  void start() {
    tokens =
        JwtTokenServer.builder()
            .user("alice", "secret")
            .grant("alice", "team/*", "pull")
            .publicRepository("library/*")
            .service("svc")
            .issuer("iss")
            .start();
  }

  @AfterEach
  void stop() {
    tokens.close();
  }

  @Test
  void tokensAreSignedByTheKeyOfTheCertificateInTheBundle() throws Exception {
    String token = tokenFor("repository:library/alpine:pull", null);
    X509Certificate cert;
    try (InputStream in = Files.newInputStream(tokens.rootCertBundle())) {
      cert = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
    }
    String[] parts = token.split("\\.");
    assertThat(part(parts[0]))
        .containsEntry("kid", LibtrustKeyId.of(cert.getPublicKey()))
        .containsEntry("kid", tokens.keyId());
    Signature verifier = Signature.getInstance("SHA256withECDSAinP1363Format");
    verifier.initVerify(cert.getPublicKey());
    verifier.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
    assertThat(verifier.verify(Base64.getUrlDecoder().decode(parts[2]))).isTrue();
  }

  @Test
  void anonymousTokensGrantPublicRepositoriesOnly() {
    assertThat(access(tokenFor("repository:library/alpine:pull", null)))
        .isEqualTo(
            List.of(
                Map.of(
                    "type", "repository", "name", "library/alpine", "actions", List.of("pull"))));
    assertThat(access(tokenFor("repository:team/app:pull", null))).isEqualTo(List.of());
  }

  @Test
  void usersGetWhatTheyWereGrantedAndNoMore() {
    String token = tokenFor("repository:team/app:pull,push", Http.basic("alice", "secret"));
    assertThat(part(token.split("\\.")[1]))
        .containsEntry("sub", "alice")
        .containsEntry("aud", "svc")
        .containsEntry("iss", "iss");
    assertThat(access(token))
        .isEqualTo(
            List.of(Map.of("type", "repository", "name", "team/app", "actions", List.of("pull"))));
  }

  @Test
  void wrongPasswordsAreRefused() {
    HttpResponse<byte[]> r =
        Http.get(tokens.realm() + "?service=svc", "Authorization", Http.basic("alice", "nope"));
    assertThat(r.statusCode()).isEqualTo(401);
  }

  @Test
  void closingDeletesTheCertificate() {
    Path bundle = tokens.rootCertBundle();
    assertThat(bundle).exists();
    tokens.close();
    assertThat(bundle).doesNotExist();
    assertThat(bundle.getParent()).doesNotExist();
  }

  @Test
  void grantsNeedAKnownUser() {
    assertThatThrownBy(() -> JwtTokenServer.builder().grant("bob", "*", "pull"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("bob");
  }

  private String tokenFor(String scope, String authorization) {
    String url = tokens.realm() + "?service=svc&scope=" + scope;
    HttpResponse<byte[]> r =
        authorization == null ? Http.get(url) : Http.get(url, "Authorization", authorization);
    assertThat(r.statusCode()).isEqualTo(200);
    return (String) Http.json(r).get("token");
  }

  private static Map<String, Object> part(String base64url) {
    return Json.parseObject(Base64.getUrlDecoder().decode(base64url));
  }

  private static Object access(String token) {
    return part(token.split("\\.")[1]).get("access");
  }
}
