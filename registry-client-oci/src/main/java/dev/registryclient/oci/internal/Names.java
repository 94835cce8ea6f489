package dev.registryclient.oci.internal;

import java.util.regex.Pattern;

/** The distribution-spec grammars for repository names and tags. */
public final class Names {

  private static final String COMPONENT = "[a-z0-9]+(?:(?:\\.|_|__|-+)[a-z0-9]+)*";
  private static final Pattern REPOSITORY = Pattern.compile(COMPONENT + "(?:/" + COMPONENT + ")*");
  private static final Pattern TAG = Pattern.compile("[a-zA-Z0-9_][a-zA-Z0-9._-]{0,127}");

  /** Repository names longer than this are refused, as distribution does. */
  public static final int MAX_REPOSITORY_LENGTH = 255;

  private Names() {}

  /** Whether {@code name} is a valid repository name, e.g. {@code library/alpine}. */
  public static boolean isValidRepository(String name) {
    return name != null
        && name.length() <= MAX_REPOSITORY_LENGTH
        && REPOSITORY.matcher(name).matches();
  }

  /** Whether {@code tag} is a valid tag, e.g. {@code 3.19.1}. */
  public static boolean isValidTag(String tag) {
    return tag != null && TAG.matcher(tag).matches();
  }
}
