package dev.registryclient.api.trust;

import java.util.Objects;
import java.util.Optional;

/**
 * What one signature was found to be.
 *
 * @param location where it came from: a lookaside URL, a {@code .sig} tag, the registry's signature
 *     API
 * @param signer who signed it: the key's fingerprint or id, when the signature could be read
 * @param identity the {@code docker-reference} the signature claims, when it could be read
 * @param accepted whether it satisfies the requirement it was checked for
 * @param reason why not, or what was checked ("signed by ..., identity matches")
 */
public record SignatureCheck(
    String location,
    Optional<String> signer,
    Optional<String> identity,
    boolean accepted,
    String reason) {
  /**
   * Checks for nulls.
   *
   * @param location where it came from: a lookaside URL, a {@code .sig} tag, the registry's
   *     signature API
   * @param signer who signed it: the key's fingerprint or id, when the signature could be read
   * @param identity the {@code docker-reference} the signature claims, when it could be read
   * @param accepted whether it satisfies the requirement it was checked for
   * @param reason why not, or what was checked ("signed by ..., identity matches")
   */
  public SignatureCheck {
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(signer, "signer");
    Objects.requireNonNull(identity, "identity");
    Objects.requireNonNull(reason, "reason");
  }
}
