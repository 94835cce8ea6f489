package dev.registryclient.examples;

import dev.registryclient.api.client.RegistryClient;
import dev.registryclient.testkit.TestRegistry;
import java.util.stream.Stream;

/**
 * Lists the tags of a repository, following every page.
 *
 * <pre>
 * java ... dev.registryclient.examples.ListTags                  # against an in-process registry
 * java ... dev.registryclient.examples.ListTags quay.io/podman/hello
 * </pre>
 */
public final class ListTags {
  private ListTags() {}

  /** Lists the tags of {@code args[0]}, or of a demo repository in a test registry. */
  public static void main(String[] args) {
    if (args.length > 0) {
      print(args[0]);
      return;
    }
    try (TestRegistry registry = TestRegistry.builder().tagPageSize(2).start()) {
      for (String tag : new String[] {"1.0", "1.1", "2.0", "latest"}) {
        registry.image("demo/app").layer(128).push(tag);
      }
      print(registry.hostAndPort() + "/demo/app"); // 2 tags per page: the client follows the links
    }
  }

  private static void print(String repository) {
    try (RegistryClient client = RegistryClient.builder().defaultCredentials().build();
        Stream<String> tags = client.tags(repository)) {
      tags.forEach(System.out::println);
    }
  }
}
