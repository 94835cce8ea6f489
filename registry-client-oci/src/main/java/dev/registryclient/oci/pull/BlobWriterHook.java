package dev.registryclient.oci.pull;

import dev.registryclient.api.exception.ErrorContext;
import dev.registryclient.api.store.BlobWriter;

/**
 * Lets a pull add a check to the writer a blob streams into (the diff_id check wraps layers'
 * writers), without the downloader knowing about it.
 */
@FunctionalInterface
interface BlobWriterHook {
  /** Adds nothing. */
  BlobWriterHook NONE = (task, writer, context) -> writer;

  /**
   * The writer {@code task}'s bytes go to: {@code writer} itself, or a wrapper that passes every
   * call on to it.
   *
   * @param context where the blob is being fetched from (registry, repository, contacted host)
   */
  BlobWriter wrap(BlobTask task, BlobWriter writer, ErrorContext context);
}
