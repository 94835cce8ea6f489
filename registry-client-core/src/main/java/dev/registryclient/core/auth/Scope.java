package dev.registryclient.core.auth;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A token scope of the distribution token spec: {@code type:name:actions}, e.g. {@code
 * repository:library/nginx:pull,push} or {@code registry:catalog:*}.
 *
 * <pre>{@code
 * List<Scope> asked = Scope.merge(List.of(Scope.pull("app"), Scope.parse("repository:app:push"),
 *     Scope.pull("base"))); // [repository:app:pull,push, repository:base:pull]
 * }</pre>
 *
 * @param type the resource type, e.g. {@code repository}
 * @param name the resource name, e.g. {@code library/nginx}
 * @param actions the actions, sorted, e.g. {@code [pull, push]}
 */
public record Scope(String type, String name, SortedSet<String> actions) {

  /** Validates the components and sorts the actions. */
  public Scope {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(name, "name");
    if (type.isEmpty() || type.contains(":") || name.isEmpty() || actions.isEmpty()) {
      throw new IllegalArgumentException(
          "a scope needs type, name and actions: " + type + ":" + name);
    }
    for (String a : actions) {
      if (a.isEmpty() || a.contains(",") || a.contains(":") || a.contains(" ")) {
        throw new IllegalArgumentException("invalid scope action: " + a);
      }
    }
    actions = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(actions));
  }

  /**
   * Parses {@code type:name:action[,action...]}; the name may itself contain colons.
   *
   * @throws IllegalArgumentException if the text has fewer than three parts
   */
  public static Scope parse(String text) {
    int first = text.indexOf(':');
    int last = text.lastIndexOf(':');
    if (first <= 0 || last <= first + 1 || last == text.length() - 1) {
      throw new IllegalArgumentException("not a scope (type:name:actions): " + text);
    }
    return new Scope(
        text.substring(0, first),
        text.substring(first + 1, last),
        new TreeSet<>(Arrays.asList(text.substring(last + 1).split(",", -1))));
  }

  /** {@code repository:NAME:actions}. */
  public static Scope repository(String name, String... actions) {
    return new Scope("repository", name, new TreeSet<>(Arrays.asList(actions)));
  }

  /** {@code repository:NAME:pull}. */
  public static Scope pull(String repository) {
    return repository(repository, "pull");
  }

  /** {@code repository:NAME:pull,push}. */
  public static Scope push(String repository) {
    return repository(repository, "pull", "push");
  }

  /** {@code registry:catalog:*}. */
  public static Scope catalog() {
    return new Scope("registry", "catalog", new TreeSet<>(List.of("*")));
  }

  /** Joins scopes of the same resource by uniting their actions; sorted by resource. */
  public static List<Scope> merge(Collection<Scope> scopes) {
    Map<String, Scope> byResource = new TreeMap<>();
    for (Scope s : scopes) {
      byResource.merge(s.type + ":" + s.name, s, Scope::union);
    }
    return List.copyOf(byResource.values());
  }

  private Scope union(Scope other) {
    TreeSet<String> all = new TreeSet<>(actions);
    all.addAll(other.actions);
    return new Scope(type, name, all);
  }

  /** Whether this scope grants everything {@code other} asks. */
  public boolean covers(Scope other) {
    return type.equals(other.type)
        && name.equals(other.name)
        && (actions.contains("*") || actions.containsAll(other.actions));
  }

  /** The canonical form, which {@link #parse} accepts. */
  @Override
  public String toString() {
    return type + ":" + name + ":" + String.join(",", actions);
  }
}
