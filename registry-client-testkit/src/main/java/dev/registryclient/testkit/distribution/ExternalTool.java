package dev.registryclient.testkit.distribution;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a program installed on the machine (skopeo, umoci, docker-registry, gpg) with a time limit,
 * and explains how to install it when it is missing, instead of letting a test skip silently.
 */
public final class ExternalTool {
  private final String name;
  private final String debianPackage;
  private final Map<String, String> environment;

  private ExternalTool(String name, String debianPackage) {
    this(name, debianPackage, Map.of());
  }

  private ExternalTool(String name, String debianPackage, Map<String, String> environment) {
    this.name = name;
    this.debianPackage = debianPackage;
    this.environment = Map.copyOf(environment);
  }

  /** Any program, installed from the named Debian package. */
  static ExternalTool named(String name, String debianPackage) {
    return new ExternalTool(name, debianPackage);
  }

  /**
   * The same program, run with one more environment variable; for settings a program takes from
   * nowhere else, such as the {@code GNUPGHOME} skopeo's gpgme signs with.
   *
   * <pre>{@code
   * ExternalTool.skopeo().withEnvironment("GNUPGHOME", home.toString())
   *     .runOrFail(timeout, "copy", "--sign-by", fingerprint, from, to);
   * }</pre>
   *
   * @param variable the environment variable's name
   * @param value its value
   * @return a new tool with the variable added to (or replaced in) its environment
   */
  public ExternalTool withEnvironment(String variable, String value) {
    Map<String, String> more = new HashMap<>(environment);
    more.put(variable, value);
    return new ExternalTool(name, debianPackage, more);
  }

  /**
   * {@code skopeo}, from Debian's {@code skopeo} package.
   *
   * @return the tool
   */
  public static ExternalTool skopeo() {
    return new ExternalTool("skopeo", "skopeo");
  }

  /**
   * {@code umoci}, from Debian's {@code umoci} package.
   *
   * @return the tool
   */
  public static ExternalTool umoci() {
    return new ExternalTool("umoci", "umoci");
  }

  /**
   * {@code docker-registry} (distribution 2.8), from Debian's {@code docker-registry} package.
   *
   * @return the tool
   */
  public static ExternalTool dockerRegistry() {
    return new ExternalTool("docker-registry", "docker-registry");
  }

  /**
   * {@code gpg} (GnuPG 2), from Debian's {@code gnupg} package.
   *
   * @return the tool
   */
  public static ExternalTool gpg() {
    return new ExternalTool("gpg", "gnupg");
  }

  /**
   * {@code gpgconf}, which stops a home directory's gpg-agent; Debian's {@code gnupg} has it.
   *
   * @return the tool
   */
  public static ExternalTool gpgconf() {
    return new ExternalTool("gpgconf", "gnupg");
  }

  /**
   * The program's name as looked up on {@code PATH}.
   *
   * @return the program's file name
   */
  public String name() {
    return name;
  }

  /**
   * The absolute path of the program.
   *
   * @return the first executable of that name on {@code PATH}
   * @throws IllegalStateException naming the Debian package to install when it is not on PATH
   */
  public Path require() {
    String path = System.getenv().getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin");
    for (String dir : path.split(java.io.File.pathSeparator)) {
      if (dir.isEmpty()) {
        continue;
      }
      Path candidate = Path.of(dir, name);
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException(
        name
            + " is not installed, and these tests need the real program. Install it with:"
            + " apt-get update && apt-get install -y "
            + debianPackage
            + " (.ci/run does this)");
  }

  /**
   * Runs the program with {@code args} and waits at most {@code timeout}.
   *
   * @param timeout how long to wait for the program to exit before killing it
   * @param args the command-line arguments after the program's name
   * @return the finished run, whatever its exit code
   * @throws IllegalStateException when the program is missing or does not finish in time
   */
  public Run run(Duration timeout, String... args) {
    List<String> command = new ArrayList<>();
    command.add(require().toString());
    command.addAll(List.of(args));
    try {
      Path output = Files.createTempFile(name + "-", ".log");
      try {
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(environment);
        Process process =
            builder
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(nullDevice()))
                .start();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
          process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
          throw new IllegalStateException(
              String.join(" ", command) + " did not finish within " + timeout);
        }
        return new Run(command, process.exitValue(), Files.readString(output));
      } finally {
        Files.deleteIfExists(output);
      }
    } catch (IOException e) {
      throw new IllegalStateException("could not run " + String.join(" ", command), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running " + name, e);
    }
  }

  /**
   * Like {@link #run(Duration, String...)} but fails unless the exit code is 0.
   *
   * @param timeout how long to wait for the program to exit before killing it
   * @param args the command-line arguments after the program's name
   * @return the program's standard output and error, interleaved
   * @throws IllegalStateException if the program is missing, does not finish in time or exits with
   *     another code than 0 (the message holds its output)
   */
  public String runOrFail(Duration timeout, String... args) {
    Run run = run(timeout, args);
    if (run.exitCode() != 0) {
      throw new IllegalStateException(
          String.join(" ", run.command())
              + " exited with "
              + run.exitCode()
              + ":\n"
              + run.output());
    }
    return run.output();
  }

  private static java.io.File nullDevice() {
    return new java.io.File(
        System.getProperty("os.name", "").startsWith("Windows") ? "NUL" : "/dev/null");
  }

  /**
   * A finished run.
   *
   * @param command the command line
   * @param exitCode the exit code
   * @param output standard output and error, interleaved
   */
  public record Run(List<String> command, int exitCode, String output) {
    /**
     * Copies the command.
     *
     * @param command the command line; copied
     * @param exitCode the exit code
     * @param output standard output and error, interleaved
     */
    public Run {
      command = List.copyOf(command);
    }
  }
}
