package dev.registryclient.testkit;

import dev.registryclient.api.Digest;

/**
 * A blob a content helper stored in a {@link TestRegistry}.
 *
 * @param digest its digest
 * @param size its size in bytes
 * @param mediaType the media type a manifest refers to it with
 */
public record PushedBlob(Digest digest, long size, String mediaType) {}
