package dev.registryclient.benchmarks;

import dev.registryclient.api.Digest;
import java.util.SplittableRandom;

/**
 * Random bytes with their digest, made once per benchmark trial. Random, so nothing on the way can
 * shortcut (compression, zero pages); seeded, so every run hashes the same bytes.
 */
public final class Payload {
  /** One mebibyte: the unit of the byte-moving benchmarks ({@code ops/s} there means MiB/s). */
  public static final int MIB = 1024 * 1024;

  private final byte[] bytes;
  private final Digest digest;

  private Payload(byte[] bytes) {
    this.bytes = bytes;
    this.digest = Digest.sha256(bytes);
  }

  /** {@code size} seeded random bytes. */
  public static Payload random(int size) {
    byte[] bytes = new byte[size];
    new SplittableRandom(0x5EED).nextBytes(bytes);
    return new Payload(bytes);
  }

  /** The bytes themselves (shared, not copied: benchmarks only read them). */
  public byte[] bytes() {
    return bytes;
  }

  /** Their SHA-256 digest. */
  public Digest digest() {
    return digest;
  }

  /** Their length. */
  public int size() {
    return bytes.length;
  }
}
