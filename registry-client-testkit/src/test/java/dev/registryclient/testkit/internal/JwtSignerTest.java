package dev.registryclient.testkit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class JwtSignerTest {
  private static final Base64.Decoder B64URL = Base64.getUrlDecoder();
  private final JwtSigner signer = new JwtSigner("issuer-x", "service-y");
  private final Instant now = Instant.parse("2026-01-02T03:04:05Z");

  @Test
  void tokensAreThreeBase64UrlPartsWithAnEs256HeaderNamingTheLibtrustKeyId() {
    String[] parts = signer.sign("alice", Map.of(), now, now.plusSeconds(60)).split("\\.", -1);
    assertThat(parts).hasSize(3);
    Map<String, Object> header = Json.parseObject(B64URL.decode(parts[0]));
    X509Certificate cert = certificate();
    assertThat(header)
        .containsEntry("alg", "ES256")
        .containsEntry("typ", "JWT")
        .containsEntry("kid", LibtrustKeyId.of(cert.getPublicKey()));
    assertThat((String) header.get("kid")).matches("([A-Z2-7]{4}:){11}[A-Z2-7]{4}");
  }

  @Test
  void claimsCarryIssuerAudienceTimesAndAccessAsDistributionReadsThem() {
    String token =
        signer.sign(
            "alice", Map.of("repository:team/app", Set.of("pull")), now, now.plusSeconds(300));
    Map<String, Object> claims = Json.parseObject(B64URL.decode(token.split("\\.")[1]));
    assertThat(claims)
        .containsEntry("iss", "issuer-x")
        .containsEntry("sub", "alice")
        .containsEntry("aud", "service-y")
        .containsEntry("iat", now.getEpochSecond())
        .containsEntry("nbf", now.getEpochSecond())
        .containsEntry("exp", now.getEpochSecond() + 300)
        .containsKey("jti");
    assertThat(claims.get("access"))
        .isEqualTo(
            List.of(Map.of("type", "repository", "name", "team/app", "actions", List.of("pull"))));
  }

  @Test
  void signatureIsRawRAndSVerifiableWithTheCertificatesKey() throws Exception {
    String token = signer.sign("", Map.of(), now, now.plusSeconds(60));
    int lastDot = token.lastIndexOf('.');
    byte[] signature = B64URL.decode(token.substring(lastDot + 1));
    assertThat(signature).hasSize(64);
    Signature verifier = Signature.getInstance("SHA256withECDSAinP1363Format");
    verifier.initVerify(certificate().getPublicKey());
    verifier.update(token.substring(0, lastDot).getBytes(StandardCharsets.US_ASCII));
    assertThat(verifier.verify(signature)).isTrue();
  }

  @Test
  void everyTokenHasItsOwnId() {
    String a = signer.sign("", Map.of(), now, now.plusSeconds(60));
    String b = signer.sign("", Map.of(), now, now.plusSeconds(60));
    assertThat(Json.parseObject(B64URL.decode(a.split("\\.")[1])).get("jti"))
        .isNotEqualTo(Json.parseObject(B64URL.decode(b.split("\\.")[1])).get("jti"));
  }

  @Test
  void theCertificateIsASelfSignedCaNamedAfterTheIssuerInPem() throws Exception {
    X509Certificate cert = certificate();
    assertThat(cert.getSubjectX500Principal().getName()).isEqualTo("CN=issuer-x");
    assertThat(cert.getIssuerX500Principal()).isEqualTo(cert.getSubjectX500Principal());
    assertThat(cert.getBasicConstraints()).isEqualTo(Integer.MAX_VALUE);
    assertThat(cert.getVersion()).isEqualTo(3);
    cert.checkValidity();
    cert.verify(cert.getPublicKey());
    assertThat(signer.certificatePem())
        .startsWith("-----BEGIN CERTIFICATE-----\n")
        .endsWith("\n-----END CERTIFICATE-----\n");
  }

  private X509Certificate certificate() {
    try {
      return (X509Certificate)
          java.security.cert.CertificateFactory.getInstance("X.509")
              .generateCertificate(
                  new java.io.ByteArrayInputStream(
                      signer.certificatePem().getBytes(StandardCharsets.US_ASCII)));
    } catch (java.security.cert.CertificateException e) {
      throw new AssertionError(e);
    }
  }
}
