package dev.registryclient.oci.copy;

import dev.registryclient.api.Descriptor;
import dev.registryclient.api.Digest;
import dev.registryclient.api.client.PushSource;
import dev.registryclient.api.exception.DigestMismatchException;
import dev.registryclient.api.exception.ErrorContext;
import dev.registryclient.api.exception.Phase;
import dev.registryclient.api.exception.StoreException;
import dev.registryclient.api.manifest.Manifest;
import dev.registryclient.core.transport.RetryListener;
import dev.registryclient.oci.manifest.ManifestCodec;
import dev.registryclient.oci.push.BlobContent;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;

/** A local image to push: manifests and blobs read from a {@link PushSource}'s store. */
public final class StoreCopySource implements CopySource {
  private static final ErrorContext CONTEXT = ErrorContext.of(Phase.STORE);

  private final PushSource source;
  private final ManifestCodec codec;

  /** The image {@code source} names. */
  public StoreCopySource(PushSource source, ManifestCodec codec) {
    this.source = source;
    this.codec = codec;
  }

  @Override
  public String name() {
    return source.toString();
  }

  @Override
  public Manifest top() {
    return manifest(source.manifest());
  }

  @Override
  public Manifest manifest(Descriptor descriptor) {
    byte[] bytes;
    try (InputStream in = source.blobs().open(descriptor.digest())) {
      bytes = codec.readLimited(in, CONTEXT);
    } catch (IOException | UncheckedIOException e) {
      throw new StoreException(
          CONTEXT, "cannot read manifest " + descriptor.digest() + ": " + e, e);
    }
    Digest actual = Digest.compute(descriptor.digest().algorithm(), bytes);
    if (!actual.equals(descriptor.digest())) {
      throw new DigestMismatchException(
          CONTEXT, "manifest in the store", descriptor.digest().toString(), actual.toString());
    }
    return codec.decode(bytes, Optional.of(descriptor.mediaType().toString()), CONTEXT);
  }

  @Override
  public BlobContent blob(Digest digest, long size, RetryListener retries) {
    return () -> source.blobs().open(digest);
  }

  @Override
  public Optional<Location> location() {
    return Optional.empty();
  }
}
