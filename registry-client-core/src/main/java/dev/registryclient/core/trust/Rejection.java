package dev.registryclient.core.trust;

import java.util.Optional;

/**
 * Why a signature is not accepted. The verifiers throw it between their steps and {@link
 * SignatureVerification} turns it into a {@link VerificationResult.Rejected}: a bad signature is an
 * answer, not an error, so it carries no stack trace and never leaves this package.
 */
final class Rejection extends Exception {
  private static final long serialVersionUID = 1L;

  private final String signer;

  /** A rejection before any key could be named. */
  Rejection(String reason) {
    this(reason, null);
  }

  /**
   * A rejection that names the key the signature claims or was checked with.
   *
   * @param signer a fingerprint or key id, or {@code null}
   */
  Rejection(String reason, String signer) {
    super(reason, null, false, false);
    this.signer = signer;
  }

  /** The key named, if any. */
  Optional<String> signer() {
    return Optional.ofNullable(signer);
  }

  VerificationResult.Rejected toResult() {
    return new VerificationResult.Rejected(getMessage(), signer());
  }
}
