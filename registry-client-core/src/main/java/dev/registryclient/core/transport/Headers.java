package dev.registryclient.core.transport;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * An immutable, ordered list of HTTP header fields with case-insensitive names. Its {@link
 * #toString()} hides the values of {@code Authorization}, {@code Proxy-Authorization} and {@code
 * Cookie}, so headers can be logged.
 *
 * <pre>{@code
 * Headers h = Headers.builder().add("Accept", "application/json").build();
 * h.first("accept"); // Optional[application/json]
 * }</pre>
 */
public final class Headers {
  private static final Set<String> SENSITIVE =
      Set.of("authorization", "proxy-authorization", "cookie", "set-cookie");
  private static final Headers EMPTY = new Headers(List.of());

  private final List<Map.Entry<String, String>> fields;

  private Headers(List<Map.Entry<String, String>> fields) {
    this.fields = List.copyOf(fields);
  }

  /**
   * No headers.
   *
   * @return the shared empty headers
   */
  public static Headers empty() {
    return EMPTY;
  }

  /**
   * A builder starting empty.
   *
   * @return a new, empty builder
   */
  public static Builder builder() {
    return new Builder(List.of());
  }

  /**
   * A builder starting with these headers.
   *
   * @return a builder holding these fields
   */
  public Builder toBuilder() {
    return new Builder(fields);
  }

  /**
   * The first value of a header, if present.
   *
   * @param name the header's name, case-insensitive
   * @return its first value, or empty if absent
   */
  public Optional<String> first(String name) {
    return fields.stream()
        .filter(f -> f.getKey().equalsIgnoreCase(name))
        .map(Map.Entry::getValue)
        .findFirst();
  }

  /**
   * All values of a header, in order; empty when absent.
   *
   * @param name the header's name, case-insensitive
   * @return its values
   */
  public List<String> all(String name) {
    return fields.stream()
        .filter(f -> f.getKey().equalsIgnoreCase(name))
        .map(Map.Entry::getValue)
        .collect(Collectors.toUnmodifiableList());
  }

  /**
   * Whether the header is present.
   *
   * @param name the header's name, case-insensitive
   * @return whether at least one field has that name
   */
  public boolean contains(String name) {
    return first(name).isPresent();
  }

  /**
   * Every field as (name, value) pairs, in order.
   *
   * @return the fields, unmodifiable
   */
  public List<Map.Entry<String, String>> fields() {
    return fields;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Headers other && fields.equals(other.fields);
  }

  @Override
  public int hashCode() {
    return fields.hashCode();
  }

  @Override
  public String toString() {
    return fields.stream()
        .map(
            f ->
                f.getKey()
                    + ": "
                    + (SENSITIVE.contains(f.getKey().toLowerCase(Locale.ROOT))
                        ? "<redacted>"
                        : f.getValue()))
        .collect(Collectors.joining(", ", "{", "}"));
  }

  /** Collects header fields. */
  public static final class Builder {
    private final List<Map.Entry<String, String>> fields;

    private Builder(List<Map.Entry<String, String>> fields) {
      this.fields = new ArrayList<>(fields);
    }

    /**
     * Appends a field.
     *
     * @param name the field's name, a token without spaces, colons or control characters
     * @param value the field's value, without line breaks or NUL
     * @return this builder
     * @throws IllegalArgumentException if the name or value is not allowed in a header
     */
    public Builder add(String name, String value) {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(value, "value");
      if (name.isEmpty() || name.chars().anyMatch(c -> c <= ' ' || c == ':' || c > '~')) {
        throw new IllegalArgumentException("invalid header name: " + name);
      }
      if (value.chars().anyMatch(c -> c == '\r' || c == '\n' || c == 0)) {
        throw new IllegalArgumentException("header value of " + name + " contains a line break");
      }
      fields.add(Map.entry(name, value));
      return this;
    }

    /**
     * Replaces every field of this name with one field.
     *
     * @param name the field's name
     * @param value the field's value
     * @return this builder
     * @throws IllegalArgumentException if the name or value is not allowed in a header
     */
    public Builder set(String name, String value) {
      remove(name);
      return add(name, value);
    }

    /**
     * Removes every field of this name.
     *
     * @param name the field's name, case-insensitive
     * @return this builder
     */
    public Builder remove(String name) {
      fields.removeIf(f -> f.getKey().equalsIgnoreCase(name));
      return this;
    }

    /**
     * The immutable headers.
     *
     * @return the headers
     */
    public Headers build() {
      return fields.isEmpty() ? EMPTY : new Headers(fields);
    }
  }
}
