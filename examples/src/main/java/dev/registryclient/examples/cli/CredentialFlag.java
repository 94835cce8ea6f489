package dev.registryclient.examples.cli;

import java.util.Optional;

/**
 * The flag that gives credentials for a registry, as a failure report advises it: {@code --user}
 * for the commands that talk to one registry, {@code --src-user} or {@code --dest-user} for those
 * that talk to two. A command that has other flags than {@code --user} implements this.
 */
@FunctionalInterface
interface CredentialFlag {
  /** {@code --user}, the flag of {@code pull}, {@code tags}, {@code inspect} and {@code hosts}. */
  CredentialFlag USER = registry -> "--user";

  /** The flag for {@code registry}, the one a failure names (empty when it names none). */
  String forRegistry(Optional<String> registry);
}
