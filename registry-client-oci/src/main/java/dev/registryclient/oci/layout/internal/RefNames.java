package dev.registryclient.oci.layout.internal;

import java.util.regex.Pattern;

/** The image-spec grammar for {@code org.opencontainers.image.ref.name} values. */
public final class RefNames {
  private static final String COMPONENT = "[A-Za-z0-9]+(?:(?:[-._:@+]|--)[A-Za-z0-9]+)*";
  private static final Pattern REF = Pattern.compile(COMPONENT + "(?:/" + COMPONENT + ")*");
  private static final int MAX_LENGTH = 1024;

  private RefNames() {}

  /**
   * Returns {@code name} if it is a valid ref name.
   *
   * @throws IllegalArgumentException quoting the name and the rule
   */
  public static String require(String name) {
    if (name == null || name.length() > MAX_LENGTH || !REF.matcher(name).matches()) {
      String shown =
          name == null ? "null" : name.length() > 200 ? name.substring(0, 200) + "..." : name;
      throw new IllegalArgumentException(
          "invalid ref name \""
              + shown
              + "\": components of [A-Za-z0-9] joined by one of -._:@+ or --, separated by /");
    }
    return name;
  }
}
