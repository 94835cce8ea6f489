package dev.registryclient.core.auth;

import dev.registryclient.api.exception.ErrorContext;
import dev.registryclient.api.exception.RegistryClientException;
import dev.registryclient.core.transport.Origin;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Whether credentials may travel over plain http to an origin: always over https, to loopback hosts
 * (as Docker allows), and to hosts the user opted in by name ({@code host} or {@code host:port});
 * never anywhere else.
 *
 * @param optedIn hosts the user allowed, lower case
 */
public record PlainHttpPolicy(Set<String> optedIn) {

  /** Copies and lower-cases the hosts. */
  public PlainHttpPolicy {
    optedIn =
        optedIn.stream()
            .map(h -> h.toLowerCase(Locale.ROOT))
            .collect(Collectors.toUnmodifiableSet());
  }

  /** Whether credentials may be sent to this origin. */
  public boolean allowsCredentials(Origin origin) {
    return !origin.isPlainHttp()
        || origin.isLoopback()
        || optedIn.contains(origin.host())
        || optedIn.contains(origin.hostAndPort());
  }

  /** Throws unless credentials may be sent to this origin. */
  public void requireAllowed(Origin origin, ErrorContext context) {
    if (!allowsCredentials(origin)) {
      throw new RegistryClientException(
          context,
          "refusing to send credentials over plain http to "
              + origin.hostAndPort()
              + "; use https, or opt this host in with TransportBuilder.allowCredentialsOverHttp(\""
              + origin.hostAndPort()
              + "\")");
    }
  }
}
