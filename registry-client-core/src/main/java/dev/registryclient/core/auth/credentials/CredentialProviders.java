package dev.registryclient.core.auth.credentials;

import dev.registryclient.api.auth.CredentialProvider;
import dev.registryclient.api.auth.Credentials;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Ready-made providers and the default chain.
 *
 * <p>{@link #defaultChain()} asks, first answer wins:
 *
 * <ol>
 *   <li>podman/skopeo {@code auth.json} ({@link AuthJsonCredentialProvider});
 *   <li>Docker {@code config.json} inline {@code auths} ({@link DockerConfigCredentialProvider});
 *   <li>Docker credential helpers, {@code credHelpers} then {@code credsStore} ({@link
 *       CredentialHelperProvider}, 10 s limit);
 *   <li>otherwise anonymous.
 * </ol>
 *
 * <pre>{@code
 * CredentialProvider creds = CredentialProviders.chain(
 *     StaticCredentialProvider.builder().add("ghcr.io", ci).build(), // explicit first
 *     CredentialProviders.defaultChain());
 * }</pre>
 */
public final class CredentialProviders {
  private CredentialProviders() {}

  /**
   * The default chain over the real environment.
   *
   * @return the chain of {@code auth.json}, Docker's {@code config.json} and credential helpers
   */
  public static CredentialProvider defaultChain() {
    return defaultChain(Environment.system());
  }

  /**
   * The default chain over a given environment (tests, sandboxes).
   *
   * @param environment supplies variables and the home directory
   * @return the chain of {@code auth.json}, Docker's {@code config.json} and credential helpers
   */
  public static CredentialProvider defaultChain(Environment environment) {
    return chain(
        new AuthJsonCredentialProvider(environment),
        new DockerConfigCredentialProvider(environment),
        new CredentialHelperProvider(environment, Duration.ofSeconds(10)));
  }

  /**
   * Asks each provider in order; the first non-empty answer wins.
   *
   * @param providers the providers, in order
   * @return a provider asking them in turn
   */
  public static CredentialProvider chain(CredentialProvider... providers) {
    List<CredentialProvider> list = List.of(providers);
    return new CredentialProvider() {
      @Override
      public Optional<Credentials> credentials(String host, Optional<String> repository) {
        for (CredentialProvider p : list) {
          Optional<Credentials> found = p.credentials(host, repository);
          if (found.isPresent()) {
            return found;
          }
        }
        return Optional.empty();
      }

      @Override
      public String toString() {
        return "CredentialProviders.chain" + list;
      }
    };
  }

  /**
   * Anonymous for every registry.
   *
   * @return a provider that always answers anonymous
   */
  public static CredentialProvider anonymous() {
    return (host, repository) -> Optional.of(Credentials.anonymous());
  }
}
