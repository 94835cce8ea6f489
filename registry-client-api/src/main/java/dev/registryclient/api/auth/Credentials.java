package dev.registryclient.api.auth;

import java.util.Objects;
import java.util.Optional;

/**
 * What to present to a registry. Four kinds, matching what Docker and podman store:
 *
 * <ul>
 *   <li>{@link Anonymous}: nothing; public images and anonymous bearer tokens;
 *   <li>{@link UsernamePassword}: Basic on the registry, or Basic/{@code grant_type=password} on
 *       the token server;
 *   <li>{@link IdentityToken}: an OAuth2 refresh token (Docker's {@code identitytoken}), exchanged
 *       with {@code grant_type=refresh_token};
 *   <li>{@link BearerToken}: a ready registry token (Docker's {@code registrytoken}), sent as is.
 * </ul>
 *
 * <pre>{@code
 * Credentials c = Credentials.usernamePassword("ci-bot", Secret.of(System.getenv("TOKEN")));
 * }</pre>
 *
 * <p>Every {@code toString()} hides the secret part.
 */
public sealed interface Credentials
    permits Credentials.Anonymous,
        Credentials.UsernamePassword,
        Credentials.IdentityToken,
        Credentials.BearerToken {

  /**
   * No credentials.
   *
   * @return the {@link Anonymous} instance
   */
  static Credentials anonymous() {
    return Anonymous.INSTANCE;
  }

  /**
   * A username and password (or a personal access token used as password).
   *
   * @param username the user name, never empty
   * @param password the password or access token
   * @return {@link UsernamePassword} credentials
   * @throws IllegalArgumentException if {@code username} is empty
   */
  static Credentials usernamePassword(String username, Secret password) {
    return new UsernamePassword(username, password);
  }

  /**
   * An OAuth2 refresh token, optionally with the username it was issued to.
   *
   * @param username the user the token was issued to, if known
   * @param refreshToken the refresh token
   * @return {@link IdentityToken} credentials
   */
  static Credentials identityToken(Optional<String> username, Secret refreshToken) {
    return new IdentityToken(username, refreshToken);
  }

  /**
   * A bearer token to send to the registry as is.
   *
   * @param token the token, sent as {@code Authorization: Bearer <token>}
   * @return {@link BearerToken} credentials
   */
  static Credentials bearerToken(Secret token) {
    return new BearerToken(token);
  }

  /**
   * Whether these credentials carry no secret at all.
   *
   * @return {@code true} only for {@link Anonymous}
   */
  default boolean isAnonymous() {
    return this instanceof Anonymous;
  }

  /** No credentials. */
  enum Anonymous implements Credentials {
    /** The only value. */
    INSTANCE;

    @Override
    public String toString() {
      return "Credentials[anonymous]";
    }
  }

  /**
   * A username and password.
   *
   * @param username the user name, never empty
   * @param password the password or access token
   */
  record UsernamePassword(String username, Secret password) implements Credentials {
    /**
     * Validates the components.
     *
     * @param username the user name, never empty
     * @param password the password or access token
     */
    public UsernamePassword {
      Objects.requireNonNull(username, "username");
      Objects.requireNonNull(password, "password");
      if (username.isEmpty()) {
        throw new IllegalArgumentException("username must not be empty");
      }
    }

    @Override
    public String toString() {
      return "Credentials[username=" + username + ", password=***]";
    }
  }

  /**
   * An OAuth2 refresh token.
   *
   * @param username the user the token belongs to, when known (Docker writes {@code <token>})
   * @param refreshToken the refresh token
   */
  record IdentityToken(Optional<String> username, Secret refreshToken) implements Credentials {
    /**
     * Validates the components.
     *
     * @param username the user the token belongs to, when known (Docker writes {@code <token>})
     * @param refreshToken the refresh token
     */
    public IdentityToken {
      Objects.requireNonNull(username, "username");
      Objects.requireNonNull(refreshToken, "refreshToken");
    }

    @Override
    public String toString() {
      return "Credentials[identityToken=***"
          + username.map(u -> ", username=" + u).orElse("")
          + "]";
    }
  }

  /**
   * A registry bearer token.
   *
   * @param token the token, sent as {@code Authorization: Bearer <token>}
   */
  record BearerToken(Secret token) implements Credentials {
    /**
     * Validates the component.
     *
     * @param token the token, sent as {@code Authorization: Bearer <token>}
     */
    public BearerToken {
      Objects.requireNonNull(token, "token");
    }

    @Override
    public String toString() {
      return "Credentials[bearerToken=***]";
    }
  }
}
