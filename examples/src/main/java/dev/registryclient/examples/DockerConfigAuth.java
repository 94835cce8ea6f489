package dev.registryclient.examples;

import dev.registryclient.api.client.RegistryClient;
import dev.registryclient.api.client.RegistryClientBuilder;
import dev.registryclient.testkit.TestRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.stream.Stream;

/**
 * Authenticates with what {@code docker login} / {@code podman login} left behind: {@code
 * RegistryClientBuilder.defaultCredentials()} reads {@code auth.json}, {@code
 * ~/.docker/config.json} (inline auths) and the credential helpers it names, as {@code docker pull}
 * would; {@code authFile(path)} reads one such file only.
 *
 * <pre>
 * java ... dev.registryclient.examples.DockerConfigAuth                   # a private test registry
 * java ... dev.registryclient.examples.DockerConfigAuth ghcr.io/me/private  # your own login
 * </pre>
 */
public final class DockerConfigAuth {
  private DockerConfigAuth() {}

  /** Lists the tags of a private repository using the credentials Docker would use. */
  public static void main(String[] args) throws IOException {
    if (args.length > 0) {
      // the real auth.json, ~/.docker/config.json and credential helpers
      listTags(RegistryClient.builder().defaultCredentials(), args[0]);
      return;
    }
    try (TestRegistry registry = TestRegistry.builder().tokenAuth("alice", "secret").start()) {
      registry.image("private/app").layer(128).push("1.0");
      Path dockerConfig = writeDockerConfig(registry.hostAndPort(), "alice", "secret");
      // this file only, instead of the real home's
      listTags(
          RegistryClient.builder().authFile(dockerConfig), registry.hostAndPort() + "/private/app");
    }
  }

  private static void listTags(RegistryClientBuilder builder, String repository) {
    try (RegistryClient client = builder.build();
        Stream<String> tags = client.tags(repository)) {
      tags.forEach(System.out::println);
    }
  }

  /** A {@code config.json} as {@code docker login} writes it without a credential store. */
  private static Path writeDockerConfig(String registry, String user, String password)
      throws IOException {
    Path dir = Files.createTempDirectory("docker-config-");
    dir.toFile().deleteOnExit();
    String auth =
        Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    Path file = dir.resolve("config.json");
    Files.writeString(file, "{\"auths\":{\"" + registry + "\":{\"auth\":\"" + auth + "\"}}}");
    file.toFile().deleteOnExit();
    return file;
  }
}
