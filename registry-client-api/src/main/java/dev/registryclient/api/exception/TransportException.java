package dev.registryclient.api.exception;

/**
 * A network failure: connection refused, connect or read timeout, reset, TLS handshake failure. The
 * message names the host:port that failed and, after a redirect, where the redirect came from,
 * because that host is often one the user never typed (a CDN behind a firewall).
 */
public class TransportException extends RegistryClientException {
  private static final long serialVersionUID = 1L;

  /**
   * A network failure with its cause.
   *
   * @param context where the failure happened
   * @param detail what went wrong, without the context prefix
   * @param cause the network failure, or {@code null}
   */
  public TransportException(ErrorContext context, String detail, Throwable cause) {
    super(context, detail, cause);
  }

  /**
   * A network failure without a cause (e.g. an idle-read timeout detected by us).
   *
   * @param context where the failure happened
   * @param detail what went wrong, without the context prefix
   */
  public TransportException(ErrorContext context, String detail) {
    super(context, detail, null);
  }
}
