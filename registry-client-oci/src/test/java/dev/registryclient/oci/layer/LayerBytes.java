package dev.registryclient.oci.layer;

import com.github.luben.zstd.Zstd;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;

/** Layer contents for tests: compressible bytes, and their gzip and zstd forms. */
public final class LayerBytes {
  private LayerBytes() {}

  /** {@code size} bytes that compress (repeated words with some random bytes), seeded. */
  public static byte[] content(int size, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    byte[] out = new byte[size];
    byte[] word =
        "usr/lib/python3/site-packages/".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    for (int i = 0; i < size; i++) {
      out[i] = random.nextInt(4) == 0 ? (byte) random.nextInt(256) : word[i % word.length];
    }
    return out;
  }

  /** One gzip member holding {@code content}. */
  public static byte[] gzip(byte[] content) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** {@code content} split in two, each half its own gzip member, concatenated (as pigz can). */
  public static byte[] gzipTwoMembers(byte[] content) {
    int half = content.length / 2;
    byte[] first = gzip(Arrays.copyOfRange(content, 0, half));
    byte[] second = gzip(Arrays.copyOfRange(content, half, content.length));
    return concat(first, second);
  }

  /** One zstd frame holding {@code content}, level 3. */
  public static byte[] zstd(byte[] content) {
    return Zstd.compress(content, 3);
  }

  /** {@code a} then {@code b}. */
  public static byte[] concat(byte[] a, byte[] b) {
    byte[] all = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }
}
