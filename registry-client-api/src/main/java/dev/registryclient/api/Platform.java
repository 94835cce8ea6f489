package dev.registryclient.api;

import static dev.registryclient.api.internal.Immutables.quote;

import dev.registryclient.api.internal.Immutables;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The platform an image is built for, as OCI indexes and Docker manifest lists describe it.
 *
 * <pre>{@code
 * Platform p = Platform.parse("linux/arm64/v8");
 * p.toString();                                           // "linux/arm64/v8"
 * Platform.parse("linux/aarch64").normalized();           // linux/arm64/v8
 * Platform.parse("linux/arm64/v8").matches(Platform.parse("linux/arm64")); // true
 * Platform.current();                                     // e.g. linux/amd64
 * }</pre>
 *
 * <p>The text form is {@code os[(osVersion)]/architecture[/variant]}, e.g. {@code
 * windows(10.0.17763.5820)/amd64}; os, architecture and variant are read in lower case. OS features
 * have no text form. Names may hold {@code A-Z a-z 0-9 _ . + -}.
 *
 * @param os e.g. {@code linux}
 * @param architecture e.g. {@code amd64}, {@code arm64}
 * @param variant e.g. {@code v7} for {@code arm}
 * @param osVersion e.g. {@code 10.0.17763.5820} for Windows images
 * @param osFeatures e.g. {@code win32k}
 */
public record Platform(
    String os,
    String architecture,
    Optional<String> variant,
    Optional<String> osVersion,
    List<String> osFeatures) {

  /**
   * Validates the names and copies the features.
   *
   * @param os e.g. {@code linux}
   * @param architecture e.g. {@code amd64}, {@code arm64}
   * @param variant e.g. {@code v7} for {@code arm}
   * @param osVersion e.g. {@code 10.0.17763.5820} for Windows images
   * @param osFeatures e.g. {@code win32k}
   * @throws IllegalArgumentException if a name is empty or holds a character outside {@code A-Z a-z
   *     0-9 _ . + -}
   */
  public Platform {
    checkName("os", Objects.requireNonNull(os, "os"));
    checkName("architecture", Objects.requireNonNull(architecture, "architecture"));
    Objects.requireNonNull(variant, "variant").ifPresent(v -> checkName("variant", v));
    Objects.requireNonNull(osVersion, "osVersion").ifPresent(v -> checkName("osVersion", v));
    osFeatures = Immutables.list(osFeatures, "osFeatures");
  }

  /**
   * {@code os/architecture}.
   *
   * @param os e.g. {@code linux}
   * @param architecture e.g. {@code amd64}
   * @return the platform, without variant, OS version or features
   * @throws IllegalArgumentException if a name is empty or holds a character not allowed
   */
  public static Platform of(String os, String architecture) {
    return new Platform(os, architecture, Optional.empty(), Optional.empty(), List.of());
  }

  /**
   * {@code os/architecture/variant}.
   *
   * @param os e.g. {@code linux}
   * @param architecture e.g. {@code arm}
   * @param variant e.g. {@code v7}
   * @return the platform, without OS version or features
   * @throws IllegalArgumentException if a name is empty or holds a character not allowed
   */
  public static Platform of(String os, String architecture, String variant) {
    return new Platform(os, architecture, Optional.of(variant), Optional.empty(), List.of());
  }

  /**
   * Parses {@code os[(osVersion)]/architecture[/variant]}, e.g. {@code linux/arm/v7}.
   *
   * @param value the text form, e.g. {@code windows(10.0.17763.5820)/amd64}
   * @return the platform, names in lower case
   * @throws IllegalArgumentException if {@code value} does not have that form, quoting it
   */
  public static Platform parse(String value) {
    Objects.requireNonNull(value, "platform");
    String[] parts = value.split("/", -1);
    if (parts.length < 2 || parts.length > 3) {
      throw new IllegalArgumentException(
          "invalid platform " + quote(value) + ": expected os/architecture[/variant]");
    }
    String os = parts[0];
    Optional<String> osVersion = Optional.empty();
    int open = os.indexOf('(');
    if (open >= 0) {
      if (!os.endsWith(")") || open == 0) {
        throw new IllegalArgumentException(
            "invalid platform " + quote(value) + ": expected os(osVersion)");
      }
      osVersion = Optional.of(os.substring(open + 1, os.length() - 1));
      os = os.substring(0, open);
    }
    try {
      return new Platform(
          lower(os),
          lower(parts[1]),
          parts.length == 3 ? Optional.of(lower(parts[2])) : Optional.empty(),
          osVersion,
          List.of());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "invalid platform " + quote(value) + ": " + e.getMessage(), e);
    }
  }

  /**
   * The platform of this JVM, normalised, e.g. {@code linux/amd64} or {@code darwin/arm64/v8}.
   *
   * @return the JVM's platform
   */
  public static Platform current() {
    return PlatformNames.fromJvm(System.getProperty("os.name"), System.getProperty("os.arch"));
  }

  /**
   * This platform with the names containerd would use: lower case, {@code aarch64} to {@code
   * arm64}, {@code x86_64}/{@code x86-64} to {@code amd64}, {@code i386} to {@code 386}, {@code
   * armhf} to {@code arm/v7}, {@code armel} to {@code arm/v6}, {@code macos} to {@code darwin},
   * default variants {@code v8} for arm64 and {@code v7} for arm, {@code 8} to {@code v8} and so
   * on, and {@code amd64/v1} to plain {@code amd64}. OS version and features are kept.
   *
   * @return the normalised platform
   */
  public Platform normalized() {
    return PlatformNames.normalize(this);
  }

  /**
   * Whether an image for this platform satisfies {@code wanted}. Both sides are {@linkplain
   * #normalized() normalised}, then os, architecture and variant must be equal, like containerd's
   * strict matcher. So {@code arm64} and {@code arm64/v8} match each other, but a wanted {@code
   * linux/amd64} does not match {@code linux/amd64/v3}, and {@code arm/v7} does not match {@code
   * arm/v6}: falling back to a compatible variant is a choice for the platform selector, not for
   * this test. The OS version is only compared when {@code wanted} sets one (equal, or {@code
   * wanted} is a dotted prefix, so {@code 10.0.17763} matches {@code 10.0.17763.5820}); likewise
   * this platform must have every OS feature {@code wanted} lists.
   *
   * @param wanted the platform asked for
   * @return {@code true} if an image for this platform satisfies {@code wanted}
   */
  public boolean matches(Platform wanted) {
    Platform have = normalized();
    Platform want = wanted.normalized();
    return have.os.equals(want.os)
        && have.architecture.equals(want.architecture)
        && have.variant.equals(want.variant)
        && want.osVersion
            .map(v -> have.osVersion.filter(h -> versionMatches(h, v)).isPresent())
            .orElse(true)
        && have.osFeatures.containsAll(want.osFeatures);
  }

  private static boolean versionMatches(String have, String want) {
    return have.equals(want) || have.startsWith(want + ".");
  }

  /** {@code os[(osVersion)]/architecture[/variant]}, which {@link #parse} reads back. */
  @Override
  public String toString() {
    return os
        + osVersion.map(v -> "(" + v + ")").orElse("")
        + "/"
        + architecture
        + variant.map(v -> "/" + v).orElse("");
  }

  // ASCII only: Unicode case mapping would turn e.g. the Kelvin sign into a valid 'k'
  static String lower(String s) {
    char[] chars = s.toCharArray();
    for (int i = 0; i < chars.length; i++) {
      if (chars[i] >= 'A' && chars[i] <= 'Z') {
        chars[i] += 'a' - 'A';
      }
    }
    return new String(chars);
  }

  private static void checkName(String what, String value) {
    if (value.isEmpty()) {
      throw new IllegalArgumentException("the " + what + " is empty");
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      boolean ok =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || c == '_'
              || c == '.'
              || c == '+'
              || c == '-';
      if (!ok) {
        throw new IllegalArgumentException(
            "the " + what + " " + quote(value) + " may only hold A-Z a-z 0-9 _ . + -");
      }
    }
  }
}
