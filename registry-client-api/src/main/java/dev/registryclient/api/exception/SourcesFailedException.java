package dev.registryclient.api.exception;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Every source of an image failed: each mirror a registry configuration names, and the registry
 * itself. The message lists each source with its own failure (host, phase, cause), and {@link
 * #failures()} holds them, in the order they were tried (also as suppressed exceptions).
 *
 * <pre>{@code
 * try {
 *   client.pull("registry.redhat.io/ubi9/ubi:9.4").into(store).execute();
 * } catch (SourcesFailedException e) {
 *   e.failures().forEach(f -> System.err.println(f.contactedHost() + ": " + f.detail()));
 * }
 * }</pre>
 *
 * <p>When every source answered "not found", the pull throws a {@link NotFoundException} with the
 * same kind of message instead, so "no such image" stays one type to catch.
 */
public class SourcesFailedException extends RegistryClientException {
  private static final long serialVersionUID = 1L;

  private final transient List<RegistryException> failures;

  /**
   * @param sources the sources tried, as they name the image, in order (one per failure)
   */
  public SourcesFailedException(
      ErrorContext context, List<String> sources, List<RegistryException> failures) {
    super(
        context,
        describe(sources, failures),
        failures.isEmpty() ? null : failures.get(failures.size() - 1));
    this.failures = List.copyOf(failures);
    this.failures.forEach(this::addSuppressed);
  }

  /** What each source did, in the order tried. */
  public List<RegistryException> failures() {
    return failures;
  }

  /** {@code every source failed: mirror m/app:1: <detail>; registry r/app:1: <detail>}. */
  public static String describe(List<String> sources, List<? extends RegistryException> failures) {
    if (sources.size() != failures.size()) {
      throw new IllegalArgumentException("one failure per source");
    }
    return "every source failed: "
        + java.util.stream.IntStream.range(0, sources.size())
            .mapToObj(i -> sources.get(i) + ": " + failures.get(i).getMessage())
            .collect(Collectors.joining("; "));
  }
}
