package dev.registryclient.testkit.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs CDN URLs the way CloudFront-style CDNs do: {@code path?expires=EPOCH&signature=HMAC}, where
 * the HMAC-SHA256 covers the path, the expiry and an optional {@code repository} parameter (which
 * quay.io-style CDN URLs carry for their logs), with a key only the registry and CDN know.
 */
public final class UrlSigner {
  private final byte[] key = new byte[32];

  /** A signer with a fresh random key. */
  public UrlSigner() {
    new SecureRandom().nextBytes(key);
  }

  /**
   * The query string that makes {@code path} valid until {@code expiry} (rounded up to seconds).
   */
  public String sign(String path, Instant expiry) {
    return sign(path, "", expiry);
  }

  /**
   * The query string, {@code repository=NAME&expires=..&signature=..}, that makes {@code path}
   * valid for {@code repository} until {@code expiry}; an empty repository is left out.
   */
  public String sign(String path, String repository, Instant expiry) {
    long expires = expiry.getEpochSecond() + (expiry.getNano() > 0 ? 1 : 0);
    String named =
        repository.isEmpty() ? "" : TargetParser.REPOSITORY_PARAMETER + "=" + repository + "&";
    return named + "expires=" + expires + "&signature=" + mac(path, repository, expires);
  }

  /** The verdict on a request for {@code path} with {@code query} at {@code now}. */
  public Verdict verify(String path, Map<String, String> query, Instant now) {
    String expiresText = query.get("expires");
    String signature = query.get("signature");
    String repository = query.getOrDefault(TargetParser.REPOSITORY_PARAMETER, "");
    if (expiresText == null || signature == null) {
      return Verdict.BAD_SIGNATURE;
    }
    long expires;
    try {
      expires = Long.parseLong(expiresText);
    } catch (NumberFormatException e) {
      return Verdict.BAD_SIGNATURE;
    }
    byte[] expected = mac(path, repository, expires).getBytes(StandardCharsets.US_ASCII);
    if (!MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII))) {
      return Verdict.BAD_SIGNATURE;
    }
    return now.getEpochSecond() >= expires ? Verdict.EXPIRED : Verdict.VALID;
  }

  /** Outcome of {@link #verify}. */
  public enum Verdict {
    /** Signature right and not expired. */
    VALID,
    /** Missing, malformed or wrong signature. */
    BAD_SIGNATURE,
    /** Right signature, but past its expiry. */
    EXPIRED
  }

  private String mac(String path, String repository, long expires) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      byte[] sig =
          mac.doFinal((path + "\n" + repository + "\n" + expires).getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(sig);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is required of every Java platform", e);
    }
  }
}
