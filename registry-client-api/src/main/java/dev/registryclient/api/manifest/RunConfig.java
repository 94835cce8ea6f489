package dev.registryclient.api.manifest;

import dev.registryclient.api.internal.Immutables;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The execution defaults in an image config's {@code config} object: what a container runs unless
 * told otherwise. Only the commonly used fields are kept; the rest stays in {@link
 * ImageConfig#raw()}.
 *
 * <pre>{@code
 * RunConfig run = config.config();
 * List<String> argv = new ArrayList<>(run.entrypoint());
 * argv.addAll(run.cmd());
 * }</pre>
 *
 * @param entrypoint {@code Entrypoint}, empty if unset
 * @param cmd {@code Cmd}, empty if unset
 * @param env {@code Env} as {@code NAME=value} strings, in order
 * @param labels {@code Labels}, in document order
 * @param workingDir {@code WorkingDir}
 * @param user {@code User}, e.g. {@code 1000:1000}
 */
public record RunConfig(
    List<String> entrypoint,
    List<String> cmd,
    List<String> env,
    Map<String, String> labels,
    Optional<String> workingDir,
    Optional<String> user) {

  /** A config with nothing set. */
  public static final RunConfig EMPTY =
      new RunConfig(List.of(), List.of(), List.of(), Map.of(), Optional.empty(), Optional.empty());

  /**
   * Copies the collections.
   *
   * @param entrypoint {@code Entrypoint}, empty if unset
   * @param cmd {@code Cmd}, empty if unset
   * @param env {@code Env} as {@code NAME=value} strings, in order
   * @param labels {@code Labels}, in document order
   * @param workingDir {@code WorkingDir}
   * @param user {@code User}, e.g. {@code 1000:1000}
   */
  public RunConfig {
    entrypoint = Immutables.list(entrypoint, "entrypoint");
    cmd = Immutables.list(cmd, "cmd");
    env = Immutables.list(env, "env");
    labels = Immutables.orderedMap(labels, "labels");
    Objects.requireNonNull(workingDir, "workingDir");
    Objects.requireNonNull(user, "user");
  }
}
