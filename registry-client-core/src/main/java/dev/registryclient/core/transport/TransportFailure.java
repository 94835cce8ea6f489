package dev.registryclient.core.transport;

import dev.registryclient.api.exception.Phase;
import dev.registryclient.api.exception.TransportException;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Optional;
import javax.net.ssl.SSLException;

/**
 * Turns an I/O failure into a {@link TransportException} that says plainly which host failed and,
 * for a host the user never typed (a CDN reached through a redirect), where it came from and what
 * to do about it. A TLS failure says which certificate problem it was (unknown CA, another host
 * name, expired) and how to fix that, rather than to check proxy, firewall or DNS.
 */
public final class TransportFailure {
  private TransportFailure() {}

  /**
   * The exception for a failure of {@code outer}, saying nothing of other attempts.
   *
   * @param outer the request as the caller sent it (before redirects), named in the message
   * @param e the I/O failure
   * @return the exception to throw, naming the host:port contacted
   */
  public static TransportException of(Request outer, IOException e) {
    return of(outer, e, "");
  }

  /**
   * The exception for the failure that spent {@code budget}: it says how many attempts were made
   * and how long they took, when there was more than one.
   *
   * @param outer the request as the caller sent it (before redirects), named in the message
   * @param e the I/O failure
   * @param budget the operation's spent budget
   * @return the exception to throw, naming the host:port contacted
   */
  public static TransportException of(Request outer, IOException e, RetryBudget budget) {
    return of(outer, e, budget.attempts() > 1 ? ", gave up after " + budget.summary() : "");
  }

  /**
   * @param outer the request as the caller sent it (before redirects), named in the message
   * @param attempts what to say of the attempts made, e.g. {@code ", gave up after 3 attempts in
   *     15.6 s"}, or empty
   */
  private static TransportException of(Request outer, IOException e, String attempts) {
    Request failed = e instanceof TransportIOException t ? t.request() : outer;
    Throwable cause = e instanceof TransportIOException && e.getCause() != null ? e.getCause() : e;
    Origin contacted = failed.origin();
    StringBuilder detail = new StringBuilder(describe(cause, contacted));
    if (!failed.isForRegistry()) {
      detail.append(" (redirected from ").append(failed.registry().hostAndPort()).append(')');
    }
    if (outer.phase() == Phase.BLOB || outer.phase() == Phase.MANIFEST) {
      detail.append(" while fetching ").append(RequestLabel.of(outer));
    }
    detail.append(attempts);
    hint(cause, failed, outer).ifPresent(h -> detail.append(". ").append(h));
    return new TransportException(failed.errorContext(), detail.toString(), cause);
  }

  /**
   * What to do: for TLS, what fixes the certificate problem; for a host the user never typed (a
   * CDN) that cannot be reached or resolved, that the registry needs it.
   */
  private static Optional<String> hint(Throwable cause, Request failed, Request outer) {
    if (cause instanceof SSLException) {
      return TlsFailure.hint(cause, failed.origin(), failed.isForRegistry());
    }
    if (!failed.isForRegistry()
        && (FailureText.isConnectFailure(cause) || cause instanceof UnknownHostException)) {
      return Optional.of(
          "The registry serves "
              + (outer.phase() == Phase.BLOB ? "blobs" : "content")
              + " from this host: allow it through your firewall or proxy");
    }
    return Optional.empty();
  }

  private static String describe(Throwable cause, Origin contacted) {
    String hostPort = contacted.hostWithPort();
    if (cause instanceof UnknownHostException) {
      return "unknown host " + contacted.host();
    }
    if (cause instanceof SocketTimeoutException
        && cause.getMessage() != null
        && (cause.getMessage().startsWith("no response from ")
            || cause.getMessage().startsWith("no body data from "))) {
      return cause.getMessage(); // the engine's own timeouts already name host and limit
    }
    if (cause instanceof SSLException) {
      return "TLS with " + hostPort + " failed: " + TlsFailure.problem(cause, contacted);
    }
    String text = FailureText.of(cause);
    return switch (text) {
      case "connect timed out" -> "connect to " + hostPort + " timed out";
      case "connection refused" -> "connect to " + hostPort + " refused";
      case "no route to host" -> "no route to " + hostPort;
      case "read timed out" -> "read from " + hostPort + " timed out";
      default -> text + " talking to " + hostPort;
    };
  }
}
