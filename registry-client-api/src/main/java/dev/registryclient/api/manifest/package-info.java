/**
 * The manifest model: {@link dev.registryclient.api.manifest.Manifest} and its three kinds, and
 * {@link dev.registryclient.api.manifest.ImageConfig}. Immutable values that keep the exact bytes
 * they were read from; parsing lives in {@code registry-client-oci}.
 */
package dev.registryclient.api.manifest;
