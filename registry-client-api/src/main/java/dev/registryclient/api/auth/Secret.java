package dev.registryclient.api.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;

/**
 * A password or token that never shows itself by accident: {@link #toString()} prints {@code
 * Secret[***]}, so a secret inside a record, a log line or an exception message stays hidden.
 *
 * <pre>{@code
 * Secret password = Secret.of(System.getenv("REGISTRY_PASSWORD"));
 * String header = "Basic " + encode(user + ":" + password.reveal()); // explicit, greppable
 * }</pre>
 *
 * <p>{@link #equals(Object)} compares in constant time.
 */
public final class Secret {
  private final String value;

  private Secret(String value) {
    this.value = value;
  }

  /**
   * Wraps a secret value.
   *
   * @param value the secret, not {@code null}
   * @return a secret holding {@code value}
   * @throws IllegalArgumentException if the value is empty
   */
  public static Secret of(String value) {
    Objects.requireNonNull(value, "value");
    if (value.isEmpty()) {
      throw new IllegalArgumentException("a secret must not be empty");
    }
    return new Secret(value);
  }

  /**
   * The secret itself. Call it only where the value leaves the process on purpose.
   *
   * @return the secret value, never empty
   */
  public String reveal() {
    return value;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Secret other
        && MessageDigest.isEqual(
            value.getBytes(StandardCharsets.UTF_8), other.value.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  @Override
  public String toString() {
    return "Secret[***]";
  }
}
