package dev.registryclient.oci.trust;

import java.util.Objects;
import java.util.Optional;

/**
 * A signature found for an image, not yet verified.
 *
 * @param kind simple signing (an OpenPGP message) or sigstore (a payload and a detached signature)
 * @param location where it was found, for messages: a URL, or the {@code .sig} tag and layer
 * @param bytes the OpenPGP message (simple signing) or the payload (sigstore)
 * @param sigstoreSignature the base64 signature of a sigstore payload
 */
public record FoundSignature(
    Kind kind, String location, byte[] bytes, Optional<String> sigstoreSignature) {

  /** The two formats. */
  public enum Kind {
    /** Red Hat's "atomic container signature" JSON signed as an OpenPGP message. */
    SIMPLE_SIGNING,
    /** A cosign signature stored in the registry under {@code sha256-<hex>.sig}. */
    SIGSTORE
  }

  /** Checks for nulls; keeps the bytes as given (callers do not share them). */
  public FoundSignature {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(bytes, "bytes");
    Objects.requireNonNull(sigstoreSignature, "sigstoreSignature");
  }
}
