package dev.registryclient.api.manifest;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry of an image config's {@code history}: how one build step made (or did not make) a
 * layer.
 *
 * @param created when the step ran
 * @param createdBy the command, e.g. {@code /bin/sh -c #(nop) ADD file:... in /}
 * @param comment a free-form comment
 * @param emptyLayer {@code true} if the step made no layer (e.g. {@code ENV}); such entries have no
 *     matching entry in {@link ImageConfig#diffIds()}
 */
public record HistoryEntry(
    Optional<Instant> created,
    Optional<String> createdBy,
    Optional<String> comment,
    boolean emptyLayer) {

  /**
   * Validates that no component is {@code null}.
   *
   * @param created when the step ran
   * @param createdBy the command, e.g. {@code /bin/sh -c #(nop) ADD file:... in /}
   * @param comment a free-form comment
   * @param emptyLayer {@code true} if the step made no layer (e.g. {@code ENV}); such entries have
   *     no matching entry in {@link ImageConfig#diffIds()}
   */
  public HistoryEntry {
    Objects.requireNonNull(created, "created");
    Objects.requireNonNull(createdBy, "createdBy");
    Objects.requireNonNull(comment, "comment");
  }
}
