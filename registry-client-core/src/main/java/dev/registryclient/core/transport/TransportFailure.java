package dev.registryclient.core.transport;

import dev.registryclient.api.exception.ErrorContext;
import dev.registryclient.api.exception.TransportException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import javax.net.ssl.SSLException;

/** Turns an I/O failure into a {@link TransportException} that says plainly which host failed. */
final class TransportFailure {
  private TransportFailure() {}

  static TransportException of(Request outer, IOException e) {
    Request failed = e instanceof TransportIOException t ? t.request() : outer;
    Throwable cause = e instanceof TransportIOException && e.getCause() != null ? e.getCause() : e;
    Origin contacted = failed.origin();
    ErrorContext context =
        ErrorContext.of(failed.phase())
            .withRegistry(failed.registry().hostAndPort())
            .withContactedHost(contacted.hostWithPort());
    if (failed.repository().isPresent()) {
      context = context.withRepository(failed.repository().get());
    }
    String detail = describe(cause, contacted);
    if (!failed.isForRegistry()) {
      detail += " (redirected from " + failed.registry().hostAndPort() + ")";
    }
    return new TransportException(context, detail, cause);
  }

  private static String describe(Throwable cause, Origin contacted) {
    String hostPort = contacted.hostWithPort();
    if (cause instanceof UnknownHostException) {
      return "unknown host " + contacted.host();
    }
    if (cause instanceof ConnectException || cause instanceof NoRouteToHostException) {
      return "connect to " + hostPort + " failed: " + cause.getMessage();
    }
    if (cause instanceof SocketTimeoutException
        || cause.getClass().getSimpleName().contains("Timeout")) {
      return "timed out talking to " + hostPort + ": " + cause.getMessage();
    }
    if (cause instanceof SSLException) {
      return "TLS with " + hostPort + " failed: " + cause.getMessage();
    }
    if (cause instanceof InterruptedIOException) {
      return "interrupted while talking to " + hostPort;
    }
    return "I/O error talking to " + hostPort + ": " + cause;
  }
}
