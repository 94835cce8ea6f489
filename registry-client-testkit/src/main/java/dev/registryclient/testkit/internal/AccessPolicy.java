package dev.registryclient.testkit.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Users, their passwords, what each may do in which repositories, and which repositories anyone may
 * pull. Repository patterns are globs where {@code *} matches any characters, including {@code /}.
 * Immutable once the registry starts.
 */
public final class AccessPolicy {
  private record Grant(Pattern repository, Set<String> actions) {}

  private final Map<String, String> passwords = new HashMap<>();
  private final Map<String, List<Grant>> grants = new HashMap<>();
  private final List<Pattern> publicRepositories = new ArrayList<>();

  /** Adds a user (replacing the password of an existing one). */
  public void addUser(String user, String password) {
    passwords.put(user, password);
  }

  /** Lets {@code user} perform {@code actions} in repositories matching {@code glob}. */
  public void grant(String user, String glob, Set<String> actions) {
    if (!passwords.containsKey(user)) {
      throw new IllegalArgumentException("unknown user \"" + user + "\": add it before granting");
    }
    grants.computeIfAbsent(user, u -> new ArrayList<>()).add(new Grant(glob(glob), actions));
  }

  /** Lets anyone, even without credentials, pull from repositories matching {@code glob}. */
  public void makePublic(String glob) {
    publicRepositories.add(glob(glob));
  }

  /** Whether the user exists and the password is right (compared in constant time). */
  public boolean authenticate(String user, String password) {
    String expected = passwords.get(user);
    return expected != null
        && MessageDigest.isEqual(
            expected.getBytes(StandardCharsets.UTF_8), password.getBytes(StandardCharsets.UTF_8));
  }

  /** The actions {@code user} (null: anonymous) may perform on {@code repository}. */
  public Set<String> allowedActions(String user, String repository) {
    Set<String> allowed = new LinkedHashSet<>();
    if (publicRepositories.stream().anyMatch(p -> p.matcher(repository).matches())) {
      allowed.add("pull");
    }
    if (user != null) {
      for (Grant g : grants.getOrDefault(user, List.of())) {
        if (g.repository().matcher(repository).matches()) {
          allowed.addAll(g.actions());
        }
      }
    }
    if (allowed.contains("*")) {
      allowed.addAll(Set.of("pull", "push", "delete"));
    }
    return allowed;
  }

  /**
   * The subset of {@code scope}'s actions the user may perform; any signed-in user may list the
   * catalog.
   */
  public Set<String> grantable(String user, Scope scope) {
    Set<String> granted = new LinkedHashSet<>();
    if (scope.type().equals("repository")) {
      Set<String> allowed = allowedActions(user, scope.name());
      scope.actions().stream().filter(allowed::contains).forEach(granted::add);
    } else if (scope.resource().equals("registry:catalog") && user != null) {
      granted.addAll(scope.actions());
    }
    return granted;
  }

  private static Pattern glob(String glob) {
    return Pattern.compile(
        Arrays.stream(glob.split("\\*", -1)).map(Pattern::quote).collect(Collectors.joining(".*")));
  }
}
