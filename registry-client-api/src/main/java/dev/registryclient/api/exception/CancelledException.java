package dev.registryclient.api.exception;

/**
 * An operation was stopped before it finished: its thread was interrupted, its future was
 * cancelled, or its deadline passed. Whatever it was writing was discarded; nothing half-written is
 * visible. When the cause was an interrupt, the thread's interrupt flag is set again.
 *
 * <pre>{@code
 * try {
 *   client.pull(ref).into(store).deadline(Duration.ofMinutes(5)).execute();
 * } catch (CancelledException e) {
 *   log.warn("pull stopped: {}", e.detail()); // "deadline of PT5M passed after 300.01 s"
 * }
 * }</pre>
 */
public class CancelledException extends RegistryClientException {
  private static final long serialVersionUID = 1L;

  /**
   * A cancellation with the reason in {@code detail}, e.g. {@code "interrupted"}.
   *
   * @param context where the failure happened
   * @param detail why it stopped, e.g. {@code "interrupted"}
   * @param cause the interrupt or cancellation that stopped it, or {@code null}
   */
  public CancelledException(ErrorContext context, String detail, Throwable cause) {
    super(context, detail, cause);
  }

  /**
   * A cancellation without a cause.
   *
   * @param context where the failure happened
   * @param detail why it stopped, e.g. {@code "deadline of PT5M passed"}
   */
  public CancelledException(ErrorContext context, String detail) {
    super(context, detail);
  }
}
