package dev.registryclient.oci.client;

import dev.registryclient.api.Descriptor;
import dev.registryclient.api.Digest;
import dev.registryclient.api.manifest.Manifest;
import dev.registryclient.core.transport.RetryListener;
import dev.registryclient.oci.copy.CopySource;
import dev.registryclient.oci.push.BlobContent;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The source of a copy under a trust policy: its top manifest is checked as soon as it is read, so
 * a rejected image fails the copy before any blob is uploaded or manifest pushed.
 */
final class VerifiedCopySource implements CopySource {
  private final CopySource source;
  private final Consumer<Manifest> verify;

  /**
   * @param verify throws {@link dev.registryclient.api.exception.ImageRejectedException} when the
   *     policy rejects the manifest
   */
  VerifiedCopySource(CopySource source, Consumer<Manifest> verify) {
    this.source = source;
    this.verify = verify;
  }

  @Override
  public String name() {
    return source.name();
  }

  @Override
  public Manifest top() {
    Manifest top = source.top();
    verify.accept(top);
    return top;
  }

  @Override
  public Manifest manifest(Descriptor child) {
    return source.manifest(child);
  }

  @Override
  public BlobContent blob(Digest digest, long size, RetryListener retries) {
    return source.blob(digest, size, retries);
  }

  @Override
  public Optional<Location> location() {
    return source.location();
  }
}
