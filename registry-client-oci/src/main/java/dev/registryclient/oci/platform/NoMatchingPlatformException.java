package dev.registryclient.oci.platform;

import dev.registryclient.api.Platform;
import dev.registryclient.api.exception.ErrorContext;
import dev.registryclient.api.exception.RegistryClientException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * An image offers no manifest for the wanted platform. The message lists what it does offer, so the
 * caller can pick one.
 */
public class NoMatchingPlatformException extends RegistryClientException {
  private static final long serialVersionUID = 1L;

  private final transient Platform wanted;
  private final transient List<Platform> available;

  /**
   * @param wanted the platform asked for
   * @param available the platforms the index or image offers, in document order
   * @param context where the image came from: phase, registry and repository
   */
  public NoMatchingPlatformException(
      ErrorContext context, Platform wanted, List<Platform> available) {
    super(
        context,
        "no manifest for platform "
            + wanted
            + "; available: "
            + (available.isEmpty()
                ? "none"
                : available.stream().map(Platform::toString).collect(Collectors.joining(", "))));
    this.wanted = wanted;
    this.available = List.copyOf(available);
  }

  /**
   * The platform asked for.
   *
   * @return the wanted platform
   */
  public Platform wanted() {
    return wanted;
  }

  /**
   * The platforms on offer, in document order.
   *
   * @return the available platforms; empty if none is known
   */
  public List<Platform> available() {
    return available;
  }
}
