package dev.registryclient.testkit.internal;

import static dev.registryclient.testkit.internal.Es256.B64URL;

import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Issues bearer tokens as the JWTs distribution's token access controller verifies: ES256 over a
 * fresh P-256 key, the header's {@code kid} the key's libtrust id (distribution looks the signing
 * key up by it among the keys of its {@code rootcertbundle}), and the claims {@code iss}, {@code
 * sub}, {@code aud} (the service), {@code exp}, {@code nbf}, {@code iat}, {@code jti} and {@code
 * access}, a list of {@code {type, name, actions}}. {@link #certificatePem()} is the bundle to give
 * the registry.
 */
public final class JwtSigner {

  private final KeyPair keys;
  private final String keyId;
  private final String issuer;
  private final String audience;
  private final SelfSignedCertificate certificate;
  private final SecureRandom random = new SecureRandom();

  /** A signer with a new key, naming {@code issuer} and addressing {@code audience}. */
  public JwtSigner(String issuer, String audience) {
    this.keys = Es256.newKeyPair("ES256 tokens");
    this.keyId = LibtrustKeyId.of(keys.getPublic());
    this.issuer = issuer;
    this.audience = audience;
    this.certificate = SelfSignedCertificate.create(keys, issuer, Duration.ofDays(2));
  }

  /**
   * A signed token for {@code subject} (empty for anonymous) granting {@code access} (resource
   * {@code type:name} to actions), valid from {@code issuedAt} until {@code expiry}.
   */
  public String sign(
      String subject, Map<String, Set<String>> access, Instant issuedAt, Instant expiry) {
    List<Object> accessClaim = new ArrayList<>();
    access.forEach(
        (resource, actions) -> {
          int colon = resource.indexOf(':');
          accessClaim.add(
              Json.object(
                  "type", resource.substring(0, colon),
                  "name", resource.substring(colon + 1),
                  "actions", List.copyOf(actions)));
        });
    byte[] jti = new byte[16];
    random.nextBytes(jti);
    Map<String, Object> claims =
        Json.object(
            "iss",
            issuer,
            "sub",
            subject,
            "aud",
            audience,
            "exp",
            expiry.getEpochSecond(),
            "nbf",
            issuedAt.getEpochSecond(),
            "iat",
            issuedAt.getEpochSecond(),
            "jti",
            B64URL.encodeToString(jti),
            "access",
            accessClaim);
    Map<String, Object> header = Json.object("typ", "JWT", "alg", "ES256", "kid", keyId);
    String signingInput =
        B64URL.encodeToString(Json.bytes(header)) + "." + B64URL.encodeToString(Json.bytes(claims));
    return signingInput + "." + Es256.sign(keys.getPrivate(), signingInput);
  }

  /** The libtrust key id in every token's {@code kid}. */
  public String keyId() {
    return keyId;
  }

  /** The issuer ({@code iss}) the registry must trust. */
  public String issuer() {
    return issuer;
  }

  /** The audience ({@code aud}), the registry's service name. */
  public String audience() {
    return audience;
  }

  /** The self-signed certificate of the signing key, PEM encoded. */
  public String certificatePem() {
    return certificate.pem();
  }
}
