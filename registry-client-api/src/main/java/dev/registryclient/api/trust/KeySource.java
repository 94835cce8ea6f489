package dev.registryclient.api.trust;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where a public key (or key ring) comes from: a file ({@code keyPath}/{@code keyPaths} in {@code
 * containers-policy.json(5)}) or inline bytes ({@code keyData}, already base64-decoded).
 */
public sealed interface KeySource {

  /**
   * A key file: an OpenPGP key ring (armored or binary) for {@code signedBy}, a PEM public key for
   * {@code sigstoreSigned}.
   *
   * @param path the file
   */
  record FromFile(Path path) implements KeySource {
    /**
     * Checks for null.
     *
     * @param path the file
     */
    public FromFile {
      Objects.requireNonNull(path, "path");
    }
  }

  /**
   * Key bytes given inline.
   *
   * @param bytes the key material (copied)
   */
  record Inline(byte[] bytes) implements KeySource {
    /**
     * Copies the bytes.
     *
     * @param bytes the key material (copied)
     */
    public Inline {
      bytes = bytes.clone();
    }

    /**
     * The key material.
     *
     * @return a copy of the bytes
     */
    @Override
    public byte[] bytes() {
      return bytes.clone();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Inline other && java.util.Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
      return java.util.Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
      return "Inline[" + bytes.length + " bytes]";
    }
  }
}
