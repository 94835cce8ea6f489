package dev.registryclient.benchmarks.layer;

import com.github.luben.zstd.ZstdInputStreamNoFinalizer;
import dev.registryclient.api.Digest;
import dev.registryclient.oci.layer.CorruptLayerException;
import dev.registryclient.oci.layer.LayerCompression;
import dev.registryclient.oci.layer.UncompressedDigest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What checking a layer's {@code diff_id} costs: one operation handles one layer of 16 MiB
 * uncompressed (see {@link LayerContent}), in ms/op.
 *
 * <ul>
 *   <li>{@code hashGzipBlob} / {@code hashZstdBlob}: SHA-256 of the compressed blob only, what
 *       every pull does anyway (the blob's own digest); the baseline.
 *   <li>{@code hashTar}: SHA-256 of the uncompressed bytes, the least a diff_id check can cost.
 *   <li>{@code gzipJdk}: JDK {@link GZIPInputStream} (the {@code Inflater}) plus SHA-256 of its
 *       output.
 *   <li>{@code zstdJni} / {@code zstdAircompressor}: zstd-jni (native libzstd) vs aircompressor
 *       (pure Java), each plus SHA-256 of the output.
 * </ul>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class LayerDigestBenchmark {
  static final int LAYER = 16 * 1024 * 1024;
  static final int CHUNK = 64 * 1024;

  private LayerContent layer;
  private byte[] buffer;

  @Setup
  public void setUp() {
    layer = LayerContent.of(LAYER);
    buffer = new byte[CHUNK];
  }

  @Benchmark
  public byte[] hashGzipBlob() {
    return sha256(layer.gzip);
  }

  @Benchmark
  public byte[] hashZstdBlob() {
    return sha256(layer.zstd);
  }

  @Benchmark
  public byte[] hashTar() {
    return sha256(layer.tar);
  }

  @Benchmark
  public Digest diffIdGzip() throws CorruptLayerException {
    return diffId(LayerCompression.GZIP, layer.gzip);
  }

  @Benchmark
  public Digest diffIdZstd() throws CorruptLayerException {
    return diffId(LayerCompression.ZSTD, layer.zstd);
  }

  private static Digest diffId(LayerCompression compression, byte[] blob)
      throws CorruptLayerException {
    try (UncompressedDigest digest = UncompressedDigest.start(compression)) {
      for (int off = 0; off < blob.length; off += CHUNK) {
        digest.update(blob, off, Math.min(CHUNK, blob.length - off));
      }
      return digest.finish();
    }
  }

  @Benchmark
  public byte[] streamGzipJdk() throws IOException {
    return sha256(new GZIPInputStream(new ByteArrayInputStream(layer.gzip), CHUNK));
  }

  @Benchmark
  public byte[] streamZstdJni() throws IOException {
    try (InputStream in = new ZstdInputStreamNoFinalizer(new ByteArrayInputStream(layer.zstd))) {
      return sha256(in);
    }
  }

  @Benchmark
  public byte[] streamZstdAircompressor() throws IOException {
    return sha256(
        new io.airlift.compress.zstd.ZstdInputStream(new ByteArrayInputStream(layer.zstd)));
  }

  private byte[] sha256(InputStream in) throws IOException {
    MessageDigest sha = Digest.Algorithm.SHA256.newMessageDigest();
    for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
      sha.update(buffer, 0, n);
    }
    return sha.digest();
  }

  private static byte[] sha256(byte[] data) {
    MessageDigest sha = Digest.Algorithm.SHA256.newMessageDigest();
    for (int off = 0; off < data.length; off += CHUNK) {
      sha.update(data, off, Math.min(CHUNK, data.length - off));
    }
    return sha.digest();
  }
}
