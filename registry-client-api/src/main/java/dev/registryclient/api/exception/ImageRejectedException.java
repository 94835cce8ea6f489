package dev.registryclient.api.exception;

import dev.registryclient.api.trust.TrustVerdict;

/**
 * The trust policy rejected an image: it is unsigned, signed by an unknown key, signed for another
 * image or identity, or its scope says {@code reject}. Nothing of the image was stored. The message
 * names the image, the policy scope and each signature tried with why it failed; {@link #verdict()}
 * holds them.
 */
public class ImageRejectedException extends RegistryClientException {
  private static final long serialVersionUID = 1L;

  private final transient TrustVerdict verdict;

  /**
   * A rejection with the verdict that explains it.
   *
   * @param context where the failure happened
   * @param verdict the trust policy's rejecting verdict; its reason becomes the detail
   */
  public ImageRejectedException(ErrorContext context, TrustVerdict verdict) {
    super(context, verdict.reason());
    this.verdict = verdict;
  }

  /**
   * The policy's decision and every signature checked.
   *
   * @return the verdict given to the constructor
   */
  public TrustVerdict verdict() {
    return verdict;
  }
}
