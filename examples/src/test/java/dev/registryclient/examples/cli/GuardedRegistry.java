package dev.registryclient.examples.cli;

import dev.registryclient.testkit.TestRegistry;

/** Test registries behind token auth with one account, for the credential options of the CLI. */
final class GuardedRegistry {
  private GuardedRegistry() {}

  /**
   * Starts a registry where only {@code account} may do {@code actions} on {@code repositories}.
   *
   * <pre>{@code
   * TestRegistry source = GuardedRegistry.start("reader:r-secret", "*", "pull");
   * }</pre>
   *
   * @param account {@code USER:PASS}, as {@code --src-user} and {@code --dest-user} take it
   * @param repositories the repositories granted, a glob such as {@code ocp/*}
   * @param actions what the account may do there: {@code pull}, {@code push}, {@code delete}
   * @return the started registry; the caller closes it
   */
  static TestRegistry start(String account, String repositories, String... actions) {
    int colon = account.indexOf(':');
    String user = account.substring(0, colon);
    return TestRegistry.builder()
        .tokenAuth()
        .user(user, account.substring(colon + 1))
        .grant(user, repositories, actions)
        .start();
  }
}
