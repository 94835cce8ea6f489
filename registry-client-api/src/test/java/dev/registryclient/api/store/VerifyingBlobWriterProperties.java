package dev.registryclient.api.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.registryclient.api.Digest;
import dev.registryclient.api.exception.DigestMismatchException;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

class VerifyingBlobWriterProperties {

  /** What the writer is told the blob is: its real digest and size, or something else. */
  enum Claim {
    RIGHT,
    WRONG_DIGEST,
    ONE_BYTE_SHORTER,
    ONE_BYTE_LONGER
  }

  @Provide
  Arbitrary<List<Integer>> cuts() {
    return Arbitraries.integers().between(0, 3000).list().ofMaxSize(12);
  }

  @Property
  void anySplitOfTheBytesGetsTheVerdictOfOneWrite(
      @ForAll @Size(max = 3000) byte[] content,
      @ForAll("cuts") List<Integer> cuts,
      @ForAll Claim claim) {
    String whole = verdict(content, List.of(), claim);
    String split = verdict(content, cuts, claim);

    assertThat(split).isEqualTo(whole);
    if (claim == Claim.RIGHT) {
      assertThat(whole).isEqualTo("committed " + Digest.sha256(content));
    } else if (claim != Claim.ONE_BYTE_SHORTER || content.length > 0) {
      assertThat(whole).isEqualTo("mismatch"); // (nothing is one byte shorter than empty)
    }
  }

  /**
   * Writes {@code content} cut at {@code cuts} into a writer told {@code claim}; says whether it
   * committed (and the digest of what was published) or failed with a mismatch.
   */
  private static String verdict(byte[] content, List<Integer> cuts, Claim claim) {
    Digest digest = Digest.sha256(content);
    long size = content.length;
    switch (claim) {
      case WRONG_DIGEST -> digest = Digest.sha256(Arrays.copyOf(content, content.length + 1));
      case ONE_BYTE_SHORTER -> size = Math.max(0, size - 1);
      case ONE_BYTE_LONGER -> size = size + 1;
      case RIGHT -> {}
    }
    try (RecordingWriter writer = new RecordingWriter(digest, size)) {
      int from = 0;
      for (int cut : new TreeSet<>(cuts)) {
        if (cut > from && cut < content.length) {
          writer.write(content, from, cut - from);
          from = cut;
        }
      }
      writer.write(content, from, content.length - from);
      writer.commit();
      return "committed " + Digest.sha256(writer.published);
    } catch (DigestMismatchException e) {
      return "mismatch";
    }
  }
}
