package dev.registryclient.api.exception;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Every source of an image failed: each mirror a registry configuration names, and the registry
 * itself. The message lists each source with its own failure (host, phase, cause), and {@link
 * #failures()} holds them, in the order they were tried (also as suppressed exceptions). Mirrors
 * the configuration names but that do not serve this kind of pull (a digest-only mirror, for a pull
 * by tag) are named too, as {@link #notTried()}: then even a single source's failure is reported
 * this way, so the message says the mirror was there and why it was not asked.
 *
 * <pre>{@code
 * try {
 *   client.pull("registry.redhat.io/ubi9/ubi:9.4").into(store).execute();
 * } catch (SourcesFailedException e) {
 *   e.failures().forEach(f -> System.err.println(f.contactedHost() + ": " + f.detail()));
 *   e.notTried().forEach(m -> System.err.println("not tried: " + m));
 * }
 * }</pre>
 *
 * <p>When every source answered "not found", the pull throws a {@link NotFoundException} with the
 * same kind of message instead, so "no such image" stays one type to catch.
 */
public class SourcesFailedException extends RegistryClientException {
  private static final long serialVersionUID = 1L;

  private final transient List<RegistryException> failures;
  private final transient List<String> notTried;

  /**
   * @param context where the failure happened
   * @param sources the sources tried, as they name the image, in order (one per failure)
   * @param failures each source's failure, in the order tried (the last becomes the cause)
   */
  public SourcesFailedException(
      ErrorContext context, List<String> sources, List<RegistryException> failures) {
    this(context, sources, failures, List.of());
  }

  /**
   * @param context where the failure happened
   * @param sources the sources tried, as they name the image, in order (one per failure)
   * @param failures each source's failure, in the order tried (the last becomes the cause)
   * @param notTried the mirrors configured but not asked, each with the reason, e.g. {@code mirror
   *     m:5000/app:1, which serves pulls by digest only}
   */
  public SourcesFailedException(
      ErrorContext context,
      List<String> sources,
      List<RegistryException> failures,
      List<String> notTried) {
    super(
        context,
        describe(sources, failures, notTried),
        failures.isEmpty() ? null : failures.get(failures.size() - 1));
    this.failures = List.copyOf(failures);
    this.notTried = List.copyOf(notTried);
    this.failures.forEach(this::addSuppressed);
  }

  /**
   * What each source did, in the order tried.
   *
   * @return an unmodifiable list of the failures; empty after deserialization, as it is not
   *     serialized
   */
  public List<RegistryException> failures() {
    return failures;
  }

  /**
   * The mirrors the configuration names that this kind of pull does not use, with the reason.
   *
   * @return an unmodifiable list of descriptions, possibly empty
   */
  public List<String> notTried() {
    return notTried;
  }

  /**
   * {@code every source failed: mirror m/app:1: <detail>; registry r/app:1: <detail>}.
   *
   * @param sources the sources tried, as they name the image, in order
   * @param failures each source's failure, same order and size as {@code sources}
   * @return the message text
   * @throws IllegalArgumentException if the two lists differ in size
   */
  public static String describe(List<String> sources, List<? extends RegistryException> failures) {
    return describe(sources, failures, List.of());
  }

  /**
   * {@code every source failed: r/app:1: <detail>; not tried: mirror m/app:1, which serves pulls by
   * digest only}.
   *
   * @param sources the sources tried, as they name the image, in order
   * @param failures each source's failure, same order and size as {@code sources}
   * @param notTried the mirrors not asked, each with the reason; may be empty
   * @return the message text
   * @throws IllegalArgumentException if {@code sources} and {@code failures} differ in size
   */
  public static String describe(
      List<String> sources, List<? extends RegistryException> failures, List<String> notTried) {
    if (sources.size() != failures.size()) {
      throw new IllegalArgumentException("one failure per source");
    }
    String tried =
        IntStream.range(0, sources.size())
            .mapToObj(i -> sources.get(i) + ": " + failures.get(i).getMessage())
            .collect(Collectors.joining("; "));
    return "every source failed: "
        + tried
        + (notTried.isEmpty() ? "" : "; not tried: " + String.join("; ", notTried));
  }
}
