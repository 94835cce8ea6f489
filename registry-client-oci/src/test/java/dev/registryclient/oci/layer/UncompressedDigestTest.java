package dev.registryclient.oci.layer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.registryclient.api.Digest;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UncompressedDigestTest {
  private static final byte[] CONTENT = LayerBytes.content(300_000, 7);
  private static final Digest DIFF_ID = Digest.sha256(CONTENT);

  @ParameterizedTest
  @ValueSource(ints = {1, 7, 4096, 65536, 1 << 20})
  void gzipInAnyChunkSizeDigestsToTheUncompressedContent(int chunk) throws Exception {
    assertThat(digest(LayerCompression.GZIP, LayerBytes.gzip(CONTENT), chunk)).isEqualTo(DIFF_ID);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 4096, 1 << 20})
  void zstdInAnyChunkSizeDigestsToTheUncompressedContent(int chunk) throws Exception {
    assertThat(digest(LayerCompression.ZSTD, LayerBytes.zstd(CONTENT), chunk)).isEqualTo(DIFF_ID);
  }

  @Test
  void concatenatedGzipMembersAndZstdFramesAreOneContent() throws Exception {
    assertThat(digest(LayerCompression.GZIP, LayerBytes.gzipTwoMembers(CONTENT), 1000))
        .isEqualTo(DIFF_ID);
    byte[] half = Arrays.copyOf(CONTENT, CONTENT.length / 2);
    byte[] rest = Arrays.copyOfRange(CONTENT, CONTENT.length / 2, CONTENT.length);
    byte[] frames = LayerBytes.concat(LayerBytes.zstd(half), LayerBytes.zstd(rest));
    assertThat(digest(LayerCompression.ZSTD, frames, 1000)).isEqualTo(DIFF_ID);
  }

  @Test
  void anUncompressedLayerDigestsToItsOwnDigest() throws Exception {
    assertThat(digest(LayerCompression.NONE, CONTENT, 999)).isEqualTo(DIFF_ID);
  }

  @Test
  void gzipHeaderFieldsAreSkipped() throws Exception {
    byte[] member = gzipWithAllHeaderFields("layer.tar", "made by a test", new byte[] {1, 2, 3});

    assertThat(digest(LayerCompression.GZIP, member, 3)).isEqualTo(DIFF_ID);
  }

  @Test
  void truncatedGzipIsCorrupt() {
    byte[] gzip = LayerBytes.gzip(CONTENT);

    assertThatThrownBy(
            () -> digest(LayerCompression.GZIP, Arrays.copyOf(gzip, gzip.length - 3), 4096))
        .isInstanceOf(CorruptLayerException.class)
        .hasMessageContaining("ends early");
  }

  @Test
  void truncatedZstdIsCorrupt() {
    byte[] zstd = LayerBytes.zstd(CONTENT);

    assertThatThrownBy(
            () -> digest(LayerCompression.ZSTD, Arrays.copyOf(zstd, zstd.length / 2), 4096))
        .isInstanceOf(CorruptLayerException.class)
        .hasMessageContaining("ends early");
  }

  @Test
  void bytesAfterTheLastGzipMemberAreCorrupt() {
    byte[] padded = LayerBytes.concat(LayerBytes.gzip(CONTENT), new byte[512]);

    assertThatThrownBy(() -> digest(LayerCompression.GZIP, padded, 4096))
        .isInstanceOf(CorruptLayerException.class)
        .hasMessageContaining("after the last gzip member");
  }

  @Test
  void aWrongCrcInTheGzipTrailerIsCorrupt() {
    byte[] gzip = LayerBytes.gzip(CONTENT);
    gzip[gzip.length - 8] ^= 1;

    assertThatThrownBy(() -> digest(LayerCompression.GZIP, gzip, 4096))
        .isInstanceOf(CorruptLayerException.class)
        .hasMessageContaining("CRC-32");
  }

  @Test
  void anEmptyBlobIsNeitherGzipNorZstd() {
    assertThatThrownBy(() -> digest(LayerCompression.GZIP, new byte[0], 1))
        .isInstanceOf(CorruptLayerException.class);
    assertThatThrownBy(() -> digest(LayerCompression.ZSTD, new byte[0], 1))
        .isInstanceOf(CorruptLayerException.class);
  }

  @Test
  void gzipLabelledDataThatIsZstdIsCorrupt() {
    assertThatThrownBy(() -> digest(LayerCompression.GZIP, LayerBytes.zstd(CONTENT), 4096))
        .isInstanceOf(CorruptLayerException.class)
        .hasMessageContaining("not gzip");
  }

  static Digest digest(LayerCompression compression, byte[] blob, int chunk)
      throws CorruptLayerException {
    try (UncompressedDigest digest = UncompressedDigest.start(compression)) {
      for (int off = 0; off < blob.length; off += chunk) {
        digest.update(blob, off, Math.min(chunk, blob.length - off));
      }
      return digest.finish();
    }
  }

  /** A gzip member with FEXTRA, FNAME, FCOMMENT and FHCRC, which GZIPOutputStream never writes. */
  private static byte[] gzipWithAllHeaderFields(String name, String comment, byte[] extra) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[] {0x1f, (byte) 0x8b, 8, 2 | 4 | 8 | 16, 0, 0, 0, 0, 0, 3});
    out.write(extra.length);
    out.write(0);
    out.writeBytes(extra);
    out.writeBytes(name.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
    out.write(0);
    out.writeBytes(comment.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
    out.write(0);
    out.writeBytes(new byte[] {0x12, 0x34}); // header CRC-16: not checked, as gzip allows
    Deflater deflater = new Deflater(6, true);
    deflater.setInput(CONTENT);
    deflater.finish();
    byte[] buffer = new byte[8192];
    while (!deflater.finished()) {
      out.write(buffer, 0, deflater.deflate(buffer));
    }
    deflater.end();
    CRC32 crc = new CRC32();
    crc.update(CONTENT);
    writeLe32(out, crc.getValue());
    writeLe32(out, CONTENT.length);
    return out.toByteArray();
  }

  private static void writeLe32(ByteArrayOutputStream out, long v) {
    for (int i = 0; i < 4; i++) {
      out.write((int) (v >>> (8 * i)) & 0xFF);
    }
  }
}
