package dev.registryclient.api.store;

/**
 * Marker for optional features of a {@link BlobStore}, obtained through {@link
 * BlobStore#capability(Class)}.
 *
 * <p>Wrapping stores (caches, decorators) decide per capability whether they can pass it through:
 * discovery by type keeps that decision explicit instead of leaking the wrapped class.
 */
public interface BlobStoreCapability {}
