package dev.registryclient.oci.manifest;

import java.util.Objects;
import java.util.Optional;

/**
 * One libtrust signature of a signed schema 1 manifest and whether it verified.
 *
 * <p>Only the signature itself is checked: a schema 1 signature proves the payload was not changed
 * since someone with that key signed it, not who that someone is. Signatures that carry an x509
 * chain ({@code x5c}) instead of a {@code jwk} are reported as not verified.
 *
 * @param algorithm the JWS {@code alg}, e.g. {@code ES256}
 * @param keyId the libtrust key id ({@code jwk.kid}), when present
 * @param verified whether the signature is valid for the payload
 */
public record Schema1Signature(String algorithm, Optional<String> keyId, boolean verified) {

  /**
   * All components are required.
   *
   * @param algorithm the JWS {@code alg}, e.g. {@code ES256}
   * @param keyId the libtrust key id ({@code jwk.kid}), when present
   * @param verified whether the signature is valid for the payload
   */
  public Schema1Signature {
    Objects.requireNonNull(algorithm, "algorithm");
    Objects.requireNonNull(keyId, "keyId");
  }
}
