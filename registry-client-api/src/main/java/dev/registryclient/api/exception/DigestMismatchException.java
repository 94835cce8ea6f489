package dev.registryclient.api.exception;

import java.util.Objects;

/**
 * Content did not match the digest (or size) it was asked for or announced with. Nothing that
 * failed this check is ever returned or stored.
 */
public class DigestMismatchException extends RegistryClientException {
  private static final long serialVersionUID = 1L;

  /** The digest (or size) that was asked for. */
  private final String expected;

  /** The digest (or size) of the bytes received. */
  private final String actual;

  /**
   * @param context where the failure happened
   * @param expected the digest (or size) that was asked for, e.g. {@code sha256:ab...}
   * @param actual the digest (or size) of the bytes received
   */
  public DigestMismatchException(ErrorContext context, String expected, String actual) {
    super(context, "content mismatch: expected " + expected + " but got " + actual);
    this.expected = Objects.requireNonNull(expected, "expected");
    this.actual = Objects.requireNonNull(actual, "actual");
  }

  /**
   * A mismatch found while writing to or reading from a known place, such as a blob store
   * directory.
   *
   * @param context where the failure happened
   * @param where what was being written or read, e.g. {@code "store /var/cache/blobs"}
   * @param expected the digest (or size) that was asked for
   * @param actual the digest (or size) of the bytes received
   */
  public DigestMismatchException(
      ErrorContext context, String where, String expected, String actual) {
    super(
        context,
        "content mismatch in "
            + Objects.requireNonNull(where, "where")
            + ": expected "
            + expected
            + " but got "
            + actual);
    this.expected = Objects.requireNonNull(expected, "expected");
    this.actual = Objects.requireNonNull(actual, "actual");
  }

  /**
   * What was asked for.
   *
   * @return the expected digest (or size), as text
   */
  public String expected() {
    return expected;
  }

  /**
   * What the bytes really hash (or measure) to.
   *
   * @return the actual digest (or size), as text
   */
  public String actual() {
    return actual;
  }
}
