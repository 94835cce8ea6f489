package dev.registryclient.testkit.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Users, grants and public repositories as the {@code TestRegistry} and {@code JwtTokenServer}
 * builders collect them. The builders are reusable, so each started server gets its own {@link
 * AccessPolicy} from {@link #toPolicy()} and later builder calls do not reach running servers.
 */
public final class AccessRules {
  private record Grant(String user, String glob, Set<String> actions) {}

  private final Map<String, String> users = new LinkedHashMap<>();
  private final List<Grant> grants = new ArrayList<>();
  private final List<String> publicRepositories = new ArrayList<>();

  /** Adds a user (replacing the password of an existing one). */
  public void user(String user, String password) {
    users.put(Objects.requireNonNull(user, "user"), Objects.requireNonNull(password, "password"));
  }

  /**
   * Lets {@code user} perform {@code actions} in repositories matching {@code repositoryGlob}.
   *
   * @throws IllegalArgumentException if {@code user} was not added first
   */
  public void grant(String user, String repositoryGlob, String... actions) {
    if (!users.containsKey(user)) {
      throw new IllegalArgumentException("unknown user \"" + user + "\": add it with user() first");
    }
    grants.add(new Grant(user, repositoryGlob, new LinkedHashSet<>(List.of(actions))));
  }

  /** Lets anyone pull from repositories matching {@code repositoryGlob}. */
  public void publicRepository(String repositoryGlob) {
    publicRepositories.add(Objects.requireNonNull(repositoryGlob, "repositoryGlob"));
  }

  /** A new policy with the rules collected so far. */
  public AccessPolicy toPolicy() {
    AccessPolicy access = new AccessPolicy();
    users.forEach(access::addUser);
    grants.forEach(g -> access.grant(g.user(), g.glob(), g.actions()));
    publicRepositories.forEach(access::makePublic);
    return access;
  }
}
