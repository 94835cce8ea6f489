package dev.registryclient.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.registryclient.api.Digest;
import dev.registryclient.api.exception.DigestMismatchException;
import dev.registryclient.api.store.BlobStore;
import dev.registryclient.api.store.BlobWriter;
import dev.registryclient.api.store.Verifiable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Random interleavings of writers (right and wrong content, commit, abort, close) leave a store
 * consistent: exactly the blobs that some right writer committed are present, and every listed blob
 * verifies.
 */
class BlobStoreInterleavingProperties {
  private static final byte[][] CONTENTS = {
    "first blob".getBytes(StandardCharsets.UTF_8),
    "second, longer blob".getBytes(StandardCharsets.UTF_8),
    new byte[0],
  };

  enum Flaw {
    NONE,
    WRONG_BYTES,
    SHORT,
    LONG
  }

  enum Ending {
    COMMIT,
    ABORT,
    CLOSE
  }

  record Plan(int content, Flaw flaw, Ending ending) {}

  @Property(tries = 60)
  void fileStoreStaysConsistent(
      @ForAll @Size(min = 1, max = 6) List<@From("plans") Plan> plans,
      @ForAll @Size(max = 30) List<@IntRange(min = 0, max = 5) Integer> schedule)
      throws IOException {
    Path dir = Files.createTempDirectory("interleaving");
    try {
      BlobStore store = FileBlobStore.builder(dir).fsync(false).build();
      runAndCheck(store, plans, schedule);
      assertThat(dir.resolve("ingest"))
          .satisfiesAnyOf(p -> assertThat(p).doesNotExist(), p -> assertThat(p).isEmptyDirectory());
    } finally {
      deleteTree(dir);
    }
  }

  @Property(tries = 60)
  void memoryStoreStaysConsistent(
      @ForAll @Size(min = 1, max = 6) List<@From("plans") Plan> plans,
      @ForAll @Size(max = 30) List<@IntRange(min = 0, max = 5) Integer> schedule) {
    runAndCheck(new MemoryBlobStore(), plans, schedule);
  }

  @Provide
  Arbitrary<Plan> plans() {
    return Combinators.combine(
            Arbitraries.integers().between(0, CONTENTS.length - 1),
            Arbitraries.of(Flaw.class),
            Arbitraries.of(Ending.class))
        .as(Plan::new);
  }

  private static void runAndCheck(BlobStore store, List<Plan> plans, List<Integer> schedule) {
    List<Run> runs = plans.stream().map(p -> new Run(store, p)).toList();
    for (int pick : schedule) {
      runs.get(pick % runs.size()).step();
    }
    runs.forEach(Run::finish);

    Set<Digest> expected = new HashSet<>();
    for (Run run : runs) {
      if (run.committed) {
        expected.add(Digest.sha256(CONTENTS[run.plan.content()]));
      }
    }
    Set<Digest> listed;
    try (Stream<Digest> all = store.list()) {
      listed = all.collect(Collectors.toSet());
    }
    assertThat(listed).isEqualTo(expected);
    Verifiable verifiable = store.capability(Verifiable.class).orElseThrow();
    listed.forEach(verifiable::verify);
  }

  /** One writer executing its plan one step at a time: open, first half, second half, end. */
  private static final class Run {
    private final BlobStore store;
    private final Plan plan;
    private final byte[] bytes;
    private final Digest digest;
    private final long announced;
    private BlobWriter writer;
    private int step;
    private boolean done;
    private boolean committed;

    Run(BlobStore store, Plan plan) {
      this.store = store;
      this.plan = plan;
      byte[] right = CONTENTS[plan.content()];
      this.digest = Digest.sha256(right);
      this.announced = right.length;
      this.bytes =
          switch (plan.flaw()) {
            case NONE -> right;
            case WRONG_BYTES -> flipped(right);
            case SHORT -> Arrays.copyOf(right, Math.max(0, right.length - 1));
            case LONG -> Arrays.copyOf(right, right.length + 1);
          };
    }

    void step() {
      if (done) {
        return;
      }
      switch (step++) {
        case 0 -> writer = store.writer(digest, announced);
        case 1 -> writer.write(bytes, 0, bytes.length / 2);
        case 2 -> writeSecondHalf();
        default -> end();
      }
    }

    private void writeSecondHalf() {
      int half = bytes.length / 2;
      if (plan.flaw() == Flaw.LONG) {
        assertThatThrownBy(() -> writer.write(bytes, half, bytes.length - half))
            .isInstanceOf(DigestMismatchException.class);
        done = true;
      } else {
        writer.write(bytes, half, bytes.length - half);
      }
    }

    private void end() {
      done = true;
      switch (plan.ending()) {
        case COMMIT -> commit();
        case ABORT -> writer.abort();
        case CLOSE -> writer.close();
      }
    }

    private void commit() {
      if (Arrays.equals(bytes, CONTENTS[plan.content()])) {
        writer.commit();
        committed = true;
      } else {
        assertThatThrownBy(writer::commit).isInstanceOf(DigestMismatchException.class);
      }
    }

    /** Writers the schedule never finished are closed, as a try-with-resources block would. */
    void finish() {
      if (writer != null) {
        writer.close();
      }
    }
  }

  private static byte[] flipped(byte[] right) {
    if (right.length == 0) {
      return new byte[0]; // nothing to flip: this "wrong" writer is in fact right
    }
    byte[] copy = right.clone();
    copy[0] ^= 1;
    return copy;
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path p :
          all.sorted(Comparator.reverseOrder()).collect(Collectors.toCollection(ArrayList::new))) {
        Files.deleteIfExists(p);
      }
    }
  }
}
