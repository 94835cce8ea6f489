package dev.registryclient.oci.client;

import dev.registryclient.api.Digest;
import dev.registryclient.api.config.Source;
import dev.registryclient.api.exception.Phase;
import dev.registryclient.api.exception.RegistryException;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * What one pull or copy learnt about the sources of its image, so that each request by digest
 * (child manifests, blobs) asks the source that served last first and those that failed last: a
 * mirror whose blob host is a black hole then costs its timeouts once per transfer, not once per
 * blob, and a refusing mirror that failed the manifest is not asked again while another serves.
 * Sources are told apart by registry and repository (not by tag or digest). Thread-safe: blobs are
 * fetched in parallel, and those already in flight when a source fails may still have asked it.
 */
final class SourceRanking {
  private final Set<Source> failed = ConcurrentHashMap.newKeySet();
  private volatile Source lastServed;

  /**
   * Asks the sources of {@code chain} in the order this transfer has learnt ({@link
   * SourceChain#first}), noting each source that fails and the one that answers.
   *
   * @param warn told about each source that failed before another answered
   */
  <T> SourceChain.Served<T> first(
      SourceChain chain,
      Phase phase,
      Function<Source, T> attempt,
      BiConsumer<Source, RegistryException> warn) {
    SourceChain.Served<T> served = order(chain).first(phase, attempt, recording(warn));
    served(served.source());
    return served;
  }

  /** {@code chain} ordered by what this transfer has seen so far. */
  private SourceChain order(SourceChain chain) {
    Optional<Digest> digest = chain.reference().digest();
    Source last = lastServed;
    Optional<Source> preferred =
        last == null || digest.isEmpty()
            ? Optional.empty()
            : Optional.of(
                new Source(
                    last.reference().withDigest(digest.get()), last.mirror(), last.insecure()));
    return chain.ranked(preferred, source -> failed.contains(key(source)));
  }

  /** {@code warn}, after noting that the source failed. */
  private BiConsumer<Source, RegistryException> recording(
      BiConsumer<Source, RegistryException> warn) {
    return (source, failure) -> {
      failed.add(key(source));
      warn.accept(source, failure);
    };
  }

  /** Notes the source that answered. */
  private void served(Source source) {
    Source key = key(source);
    failed.remove(key);
    lastServed = key;
  }

  private static Source key(Source source) {
    return new Source(source.reference().withoutTagOrDigest(), source.mirror(), source.insecure());
  }
}
