package dev.registryclient.benchmarks.layer;

import com.github.luben.zstd.Zstd;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;

/**
 * A layer's uncompressed bytes that compress roughly like real ones (text-like lines with some
 * random binary blocks: about 2.2:1 with gzip or zstd, printed by {@link #main}), and the same
 * bytes gzip-compressed (default level) and zstd-compressed (level 3, zstd's default). Seeded, so
 * every run decompresses the same bytes.
 */
public final class LayerContent {
  private static final String[] WORDS = {
    "usr", "lib", "bin", "share", "locale", "python3", "import", "return", "static", "const",
    "function", "class", "public", "void", "include", "define", "if", "else", "for", "while",
    "config", "0644", "root", "x86_64", "linux", "gnu", "libc.so.6", "README", "LICENSE",
        "copyright"
  };

  final byte[] tar;
  final byte[] gzip;
  final byte[] zstd;

  private LayerContent(byte[] tar) {
    this.tar = tar;
    this.gzip = gzip(tar);
    this.zstd = Zstd.compress(tar, 3);
  }

  /** {@code size} bytes of layer content, and their compressed forms. */
  static LayerContent of(int size) {
    SplittableRandom random = new SplittableRandom(0x1A7E5);
    ByteArrayOutputStream out = new ByteArrayOutputStream(size + 4096);
    while (out.size() < size) {
      if (random.nextInt(40) == 0) {
        byte[] binary = new byte[256 + random.nextInt(512)];
        random.nextBytes(binary);
        out.writeBytes(binary);
      } else {
        StringBuilder line = new StringBuilder();
        int n = 3 + random.nextInt(10);
        for (int i = 0; i < n; i++) {
          line.append(WORDS[random.nextInt(WORDS.length)])
              .append(random.nextInt(4) == 0 ? '/' : ' ');
          if (random.nextInt(5) == 0) {
            line.append(random.nextInt(100_000));
          }
        }
        out.writeBytes(line.append('\n').toString().getBytes(StandardCharsets.US_ASCII));
      }
    }
    byte[] all = out.toByteArray();
    return new LayerContent(java.util.Arrays.copyOf(all, size));
  }

  /** Prints the sizes, for the README: {@code java -cp benchmarks.jar ...layer.LayerContent}. */
  public static void main(String[] args) {
    LayerContent layer = of(LayerDigestBenchmark.LAYER);
    System.out.printf(
        "tar %d bytes, gzip %d (%.2f:1), zstd %d (%.2f:1)%n",
        layer.tar.length,
        layer.gzip.length,
        (double) layer.tar.length / layer.gzip.length,
        layer.zstd.length,
        (double) layer.tar.length / layer.zstd.length);
  }

  private static byte[] gzip(byte[] data) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(data.length / 2);
    try (GZIPOutputStream gz = new GZIPOutputStream(out, 64 * 1024)) {
      gz.write(data);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
