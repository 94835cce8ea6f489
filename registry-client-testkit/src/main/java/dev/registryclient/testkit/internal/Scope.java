package dev.registryclient.testkit.internal;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * One token scope such as {@code repository:team/app:pull,push} or {@code registry:catalog:*}.
 *
 * @param type {@code repository} or {@code registry}
 * @param name the repository name, or {@code catalog}
 * @param actions e.g. {@code pull}, {@code push}, {@code delete}, {@code *}
 */
public record Scope(String type, String name, Set<String> actions) {

  /** Copies the actions, keeping their order. */
  public Scope {
    actions = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(actions));
  }

  /** Parses {@code type:name:actions}; the name is what lies between the first and last colon. */
  public static Scope parse(String text) {
    int first = text.indexOf(':');
    int last = text.lastIndexOf(':');
    if (first <= 0 || last == first) {
      throw new IllegalArgumentException(
          "invalid scope \"" + text + "\": expected type:name:actions");
    }
    Set<String> actions = new LinkedHashSet<>(Arrays.asList(text.substring(last + 1).split(",")));
    actions.remove("");
    return new Scope(text.substring(0, first), text.substring(first + 1, last), actions);
  }

  /** The resource part, {@code type:name}, which identifies what the actions apply to. */
  public String resource() {
    return type + ":" + name;
  }

  @Override
  public String toString() {
    return resource() + ":" + String.join(",", actions);
  }
}
