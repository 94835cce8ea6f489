package dev.registryclient.benchmarks.hash;

import dev.registryclient.api.Digest;
import dev.registryclient.api.DigestingInputStream;
import dev.registryclient.benchmarks.Payload;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.crypto.digests.SHA256Digest;
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
 * SHA-256 throughput of the digest path, in MiB/s (one operation hashes 1 MiB in 64 KiB chunks, the
 * size {@link dev.registryclient.api.store.BlobWriter#TRANSFER_CHUNK} copies).
 *
 * <ul>
 *   <li>{@code jdk}: {@link MessageDigest} as the store writer uses it; the baseline.
 *   <li>{@code digestingInputStream}: the same through {@link DigestingInputStream} over a byte
 *       array, i.e. the stream's own overhead plus one copy.
 *   <li>{@code bouncyCastle}: Bouncy Castle's pure-Java SHA-256, the other implementation on the
 *       class path, for comparison.
 *   <li>{@code NoIntrinsics.jdk}: the JDK with {@code -XX:-UseSHA}, i.e. without the CPU's SHA
 *       extensions ({@code sha_ni} in /proc/cpuinfo) or the AVX2 intrinsic.
 * </ul>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(2)
public class DigestBenchmark {
  static final int CHUNK = 64 * 1024;

  private Payload payload;
  private byte[] buffer;

  @Setup
  public void setUp() {
    payload = Payload.random(Payload.MIB);
    buffer = new byte[CHUNK];
  }

  @Benchmark
  public byte[] jdk() {
    return jdkSha256(payload.bytes());
  }

  @Benchmark
  public long digestingInputStream() throws IOException {
    try (InputStream in =
        new DigestingInputStream(
            new ByteArrayInputStream(payload.bytes()), payload.digest(), payload.size())) {
      long total = 0;
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        total += n;
      }
      return total;
    }
  }

  @Benchmark
  public byte[] bouncyCastle() {
    SHA256Digest sha = new SHA256Digest();
    byte[] data = payload.bytes();
    for (int off = 0; off < data.length; off += CHUNK) {
      sha.update(data, off, Math.min(CHUNK, data.length - off));
    }
    byte[] out = new byte[sha.getDigestSize()];
    sha.doFinal(out, 0);
    return out;
  }

  static byte[] jdkSha256(byte[] data) {
    MessageDigest sha = Digest.Algorithm.SHA256.newMessageDigest();
    for (int off = 0; off < data.length; off += CHUNK) {
      sha.update(data, off, Math.min(CHUNK, data.length - off));
    }
    return sha.digest();
  }

  /**
   * The JDK's SHA-256 with the SHA intrinsics switched off, to show what they are worth. Its own
   * class, because {@code -XX:-UseSHA} must apply to this benchmark's fork only.
   */
  @State(Scope.Thread)
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  @Warmup(iterations = 3, time = 2)
  @Measurement(iterations = 5, time = 2)
  @Fork(value = 1, jvmArgsAppend = "-XX:-UseSHA")
  public static class NoIntrinsics {
    private Payload payload;

    @Setup
    public void setUp() {
      payload = Payload.random(Payload.MIB);
    }

    @Benchmark
    public byte[] jdk() {
      return jdkSha256(payload.bytes());
    }
  }
}
