package dev.registryclient.oci.client;

import dev.registryclient.api.ImageReference;
import dev.registryclient.api.config.RegistryConfig;
import dev.registryclient.api.config.Source;
import dev.registryclient.api.exception.CancelledException;
import dev.registryclient.api.exception.ErrorContext;
import dev.registryclient.api.exception.NotFoundException;
import dev.registryclient.api.exception.Phase;
import dev.registryclient.api.exception.RegistryClientException;
import dev.registryclient.api.exception.RegistryException;
import dev.registryclient.api.exception.SourcesFailedException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The places to fetch one image from, in the order a {@link RegistryConfig} gives (mirrors, then
 * the registry), and the failover between them: a source that fails for any reason but a
 * cancellation (unreachable, TLS, 5xx after its retries, not found, refused credentials, bad
 * content) hands over to the next. When one succeeds after others failed, the failures become
 * warnings; when all fail, one exception names every source with its own failure, and the mirrors
 * this kind of pull does not use (a digest-only mirror, for a tag). Without a configuration an
 * image has one source, and its failure is thrown as it is.
 */
final class SourceChain {
  private static final Logger LOG = LoggerFactory.getLogger(SourceChain.class);

  private final ImageReference reference;
  private final List<Source> sources;
  private final List<Source> skipped;

  private SourceChain(ImageReference reference, List<Source> sources, List<Source> skipped) {
    this.reference = reference;
    this.sources = List.copyOf(sources);
    this.skipped = List.copyOf(skipped);
  }

  /**
   * The sources of {@code reference} under {@code config}.
   *
   * @throws RegistryClientException if the configuration blocks the reference
   */
  static SourceChain of(ImageReference reference, RegistryConfig config, Phase phase) {
    List<Source> sources = config.sources(reference);
    if (sources.isEmpty()) {
      throw new RegistryClientException(
          ErrorContext.of(phase, reference.registry(), reference.repository()),
          reference + " is blocked by the registry configuration (blocked = true)");
    }
    return new SourceChain(reference, sources, config.skippedMirrors(reference));
  }

  /** The sources, in order. */
  List<Source> sources() {
    return sources;
  }

  /** What the chain fetches: the image, or one manifest or blob of it by digest. */
  ImageReference reference() {
    return reference;
  }

  /**
   * This chain as a transfer that already fetched from these sources orders it: {@code preferred}
   * first (added if the chain lacks it: the tag-only mirror that served the manifest, say), the
   * sources that failed before last, each group in the chain's order.
   */
  SourceChain ranked(Optional<Source> preferred, Predicate<Source> failedBefore) {
    List<Source> candidates = new ArrayList<>();
    preferred.ifPresent(candidates::add);
    sources.stream().filter(s -> !candidates.contains(s)).forEach(candidates::add);
    List<Source> ordered = new ArrayList<>();
    candidates.stream().filter(failedBefore.negate()).forEach(ordered::add);
    candidates.stream().filter(failedBefore).forEach(ordered::add);
    List<ImageReference> asked = ordered.stream().map(Source::reference).toList();
    List<Source> stillSkipped =
        skipped.stream().filter(s -> !asked.contains(s.reference())).toList();
    return new SourceChain(reference, ordered, stillSkipped);
  }

  /** A value and the source that gave it. */
  record Served<T>(T value, Source source) {}

  /**
   * Asks each source in turn until one answers.
   *
   * @param attempt asks one source
   * @param warn told about each source that failed before another answered
   * @throws RegistryException the only source's failure as it is (when the configuration names no
   *     mirror this pull skipped); or a {@link NotFoundException} when every source said "not
   *     found", else a {@link SourcesFailedException}, either naming the skipped mirrors
   */
  <T> Served<T> first(
      Phase phase, Function<Source, T> attempt, BiConsumer<Source, RegistryException> warn) {
    if (sources.size() == 1 && skipped.isEmpty()) {
      return new Served<>(attempt.apply(sources.get(0)), sources.get(0));
    }
    List<RegistryException> failures = new ArrayList<>();
    for (Source source : sources) {
      try {
        T value = attempt.apply(source);
        for (int i = 0; i < failures.size(); i++) {
          warn.accept(sources.get(i), failures.get(i));
        }
        return new Served<>(value, source);
      } catch (CancelledException e) {
        throw e;
      } catch (RegistryException e) {
        LOG.info("{} failed, trying the next source: {}", source, e.getMessage());
        failures.add(e);
      }
    }
    throw allFailed(phase, failures);
  }

  private RegistryException allFailed(Phase phase, List<RegistryException> failures) {
    ErrorContext context = ErrorContext.of(phase, reference.registry(), reference.repository());
    List<String> names = sources.stream().map(Source::toString).toList();
    List<String> notTried = skipped.stream().map(this::whySkipped).toList();
    if (failures.stream().allMatch(NotFoundException.class::isInstance)) {
      NotFoundException notFound =
          new NotFoundException(
              context, SourcesFailedException.describe(names, failures, notTried), 404, List.of());
      failures.forEach(notFound::addSuppressed);
      return notFound;
    }
    return new SourcesFailedException(context, names, failures, notTried);
  }

  private String whySkipped(Source mirror) {
    return mirror
        + (reference.digest().isPresent()
            ? ", which serves pulls by tag only"
            : ", which serves pulls by digest only");
  }
}
