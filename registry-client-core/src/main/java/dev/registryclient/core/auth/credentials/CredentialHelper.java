package dev.registryclient.core.auth.credentials;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.registryclient.api.auth.Credentials;
import dev.registryclient.api.auth.Secret;
import dev.registryclient.api.exception.ErrorContext;
import dev.registryclient.api.exception.Phase;
import dev.registryclient.api.exception.RegistryClientException;
import dev.registryclient.core.internal.io.BoundedRead;
import dev.registryclient.core.internal.json.Json;
import dev.registryclient.core.internal.json.JsonException;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code docker-credential-<name> get}: the server URL on stdin, {@code
 * {"ServerURL","Username","Secret"}} on stdout. "credentials not found" is an empty answer; any
 * other failure, and running over the time limit, is an error naming the helper (never its output,
 * which may hold a secret). A {@code Username} of {@code <token>} marks an identity token.
 */
final class CredentialHelper {
  private static final int MAX_OUTPUT = 64 * 1024;
  private final String name;
  private final Environment environment;
  private final Duration timeout;

  CredentialHelper(String name, Environment environment, Duration timeout) {
    if (!name.matches("[A-Za-z0-9._-]+")) {
      throw new IllegalArgumentException("invalid credential helper name: " + name);
    }
    this.name = name;
    this.environment = environment;
    this.timeout = timeout;
  }

  Optional<Credentials> get(String serverUrl) {
    String program = "docker-credential-" + name;
    Path executable = locate(program).orElse(null);
    if (executable == null) {
      throw failure(program + " was not found on PATH", null);
    }
    Process process;
    try {
      process = new ProcessBuilder(executable.toString(), "get").redirectErrorStream(true).start();
    } catch (IOException e) {
      throw failure("could not start " + executable, e);
    }
    try {
      CompletableFuture<byte[]> output =
          CompletableFuture.supplyAsync(() -> readOutput(process.getInputStream()));
      try (OutputStream stdin = process.getOutputStream()) {
        stdin.write(serverUrl.getBytes(StandardCharsets.UTF_8));
      } catch (IOException e) {
        // the helper may exit without reading stdin; its exit code tells what happened
      }
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        throw failure(program + " did not answer within " + timeout.toSeconds() + " s", null);
      }
      String text =
          new String(output.get(timeout.toMillis(), TimeUnit.MILLISECONDS), StandardCharsets.UTF_8);
      if (process.exitValue() != 0) {
        if (text.toLowerCase().contains("credentials not found")) {
          return Optional.empty();
        }
        throw failure(program + " get failed with exit code " + process.exitValue(), null);
      }
      return parse(text, program);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw failure("interrupted while waiting for " + program, e);
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      throw failure("could not read the output of " + program, e);
    } finally {
      process.destroyForcibly();
    }
  }

  /** The helper's answer: credentials, none (no {@code Secret}), or an error without its text. */
  static Optional<Credentials> parse(String text, String program) {
    ObjectNode json;
    try {
      json = Json.parseObject(text.strip());
    } catch (JsonException e) {
      throw failure(
          program + " get printed something that is not JSON (" + e.getMessage() + ")", null);
    }
    String user = Json.string(json, "Username").orElse("");
    String secret = Json.string(json, "Secret").orElse("");
    if (secret.isEmpty()) {
      return Optional.empty();
    }
    if (user.isEmpty() || user.equals("<token>")) {
      return Optional.of(Credentials.identityToken(Optional.empty(), Secret.of(secret)));
    }
    return Optional.of(Credentials.usernamePassword(user, Secret.of(secret)));
  }

  private static byte[] readOutput(InputStream in) {
    try (in) {
      return BoundedRead.of(in, MAX_OUTPUT).bytes();
    } catch (IOException e) {
      return new byte[0];
    }
  }

  private Optional<Path> locate(String program) {
    for (String dir : environment.variable("PATH").orElse("").split(File.pathSeparator)) {
      if (!dir.isEmpty()) {
        Path candidate = Path.of(dir, program);
        if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
          return Optional.of(candidate);
        }
      }
    }
    return Optional.empty();
  }

  private static RegistryClientException failure(String detail, Throwable cause) {
    return new RegistryClientException(
        ErrorContext.of(Phase.CREDENTIALS), "credential helper: " + detail, cause);
  }
}
