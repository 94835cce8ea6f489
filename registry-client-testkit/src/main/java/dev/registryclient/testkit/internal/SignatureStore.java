package dev.registryclient.testkit.internal;

import dev.registryclient.api.Digest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The simple signing signatures (OpenPGP messages) a test added for each image, served by the
 * lookaside server and the signature API extension in the order they were added.
 */
public final class SignatureStore {
  private final Map<String, List<byte[]>> signatures = new HashMap<>();

  /** Adds {@code message} as the next signature of {@code repository@digest}. */
  public synchronized void add(String repository, Digest digest, byte[] message) {
    signatures
        .computeIfAbsent(key(repository, digest), k -> new ArrayList<>())
        .add(message.clone());
  }

  /** The signatures of {@code repository@digest}, oldest first; the arrays are not copied. */
  public synchronized List<byte[]> of(String repository, Digest digest) {
    return List.copyOf(signatures.getOrDefault(key(repository, digest), List.of()));
  }

  private static String key(String repository, Digest digest) {
    return repository + "@" + digest;
  }
}
