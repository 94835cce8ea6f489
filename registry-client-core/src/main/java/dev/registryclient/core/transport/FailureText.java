package dev.registryclient.core.transport;

import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Locale;
import javax.net.ssl.SSLException;

/**
 * Names an I/O failure in a few words for log lines and messages. Engine exceptions are recognised
 * by JDK type or, for HttpClient's own types, by simple name, so this class stays engine-neutral.
 */
public final class FailureText {
  private FailureText() {}

  /**
   * A few words for log lines, e.g. {@code connection reset}.
   *
   * @param failure the I/O failure
   * @return a short, lower-case description
   */
  public static String of(Throwable failure) {
    Throwable e =
        failure instanceof TransportIOException && failure.getCause() != null
            ? failure.getCause()
            : failure;
    String name = e.getClass().getSimpleName();
    String message = e.getMessage() == null ? "" : e.getMessage().toLowerCase(Locale.ROOT);
    if (e instanceof UnknownHostException) {
      return "unknown host";
    }
    if (name.equals("ConnectTimeoutException") || message.contains("connect timed out")) {
      return "connect timed out";
    }
    if (e instanceof ConnectException || e instanceof NoRouteToHostException) {
      return e instanceof NoRouteToHostException ? "no route to host" : "connection refused";
    }
    if (e instanceof SocketTimeoutException) {
      return "read timed out";
    }
    if (e instanceof SSLException) {
      return "TLS failure: " + e.getMessage();
    }
    if (message.contains("reset")) {
      return "connection reset";
    }
    if (name.equals("NoHttpResponseException")) {
      return "no response (connection closed)";
    }
    if (name.equals("ConnectionClosedException") || message.contains("premature")) {
      return "connection closed mid-body";
    }
    if (e instanceof SocketException) {
      return "connection failed: " + e.getMessage();
    }
    if (e instanceof InterruptedIOException) {
      return "interrupted";
    }
    return e.getMessage() == null ? name : e.getMessage();
  }

  /**
   * Whether another attempt may succeed: connect failures, resets and timeouts are transient (also
   * a reset on a TLS connection, which the JDK reports as an {@code SSLException}); an unknown
   * host, a failed TLS handshake, an unverified peer, a plain http answer to TLS and an interrupt
   * are not.
   *
   * @param failure the I/O failure
   * @return whether it is transient
   */
  public static boolean isTransient(Throwable failure) {
    Throwable cause =
        failure instanceof TransportIOException && failure.getCause() != null
            ? failure.getCause()
            : failure;
    if (cause instanceof InterruptedIOException && Thread.currentThread().isInterrupted()) {
      return false;
    }
    return !(cause instanceof UnknownHostException
        || cause instanceof javax.net.ssl.SSLHandshakeException
        || cause instanceof javax.net.ssl.SSLPeerUnverifiedException
        || (cause instanceof SSLException && TlsFailure.kind(cause) == TlsFailure.Kind.PLAIN_HTTP));
  }

  /**
   * Whether the failure happened while connecting (the host is unreachable from here).
   *
   * @param failure the I/O failure
   * @return whether connecting timed out, was refused or found no route
   */
  public static boolean isConnectFailure(Throwable failure) {
    String text = of(failure);
    return text.equals("connect timed out")
        || text.equals("connection refused")
        || text.equals("no route to host");
  }
}
