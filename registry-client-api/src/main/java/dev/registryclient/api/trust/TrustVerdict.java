package dev.registryclient.api.trust;

import dev.registryclient.api.Digest;
import dev.registryclient.api.ImageReference;
import java.util.List;
import java.util.Objects;

/**
 * What a policy decided about an image.
 *
 * <pre>{@code
 * TrustVerdict v = client.verify(ImageReference.parse("registry.redhat.io/ubi9/ubi:9.4"));
 * v.checks().forEach(c -> System.out.println(c.signer().orElse("?") + " " + c.reason()));
 * }</pre>
 *
 * @param image the image checked
 * @param manifest the manifest digest the signatures had to name
 * @param scope the policy scope that applied ("" for the default)
 * @param accepted whether every requirement of the scope was met
 * @param checks every signature looked at, with its outcome
 * @param reason a one-line summary: what was met, or which requirement failed and why
 */
public record TrustVerdict(
    ImageReference image,
    Digest manifest,
    String scope,
    boolean accepted,
    List<SignatureCheck> checks,
    String reason) {
  /**
   * Checks for nulls and copies the list.
   *
   * @param image the image checked
   * @param manifest the manifest digest the signatures had to name
   * @param scope the policy scope that applied ("" for the default)
   * @param accepted whether every requirement of the scope was met
   * @param checks every signature looked at, with its outcome
   * @param reason a one-line summary: what was met, or which requirement failed and why
   */
  public TrustVerdict {
    Objects.requireNonNull(image, "image");
    Objects.requireNonNull(manifest, "manifest");
    Objects.requireNonNull(scope, "scope");
    checks = List.copyOf(checks);
    Objects.requireNonNull(reason, "reason");
  }
}
