package dev.registryclient.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.registryclient.api.Digest;
import dev.registryclient.api.store.BlobWriter;
import dev.registryclient.api.store.Verifiable;
import dev.registryclient.testkit.store.GeneratedBlob;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileBlobStoreMultiProcessTest {
  private static final long SIZE = 4L << 20;

  @TempDir Path dir;

  @Test
  void writersOfOneDigestInTwoJvmsAndThisOneAllSucceed() throws Exception {
    GeneratedBlob blob = GeneratedBlob.of(SIZE, 5);
    FileBlobStore store = FileBlobStore.open(dir);
    try (ChildJvm first = ChildJvm.start(StoreWriterProcess.class, args("race", blob, 5));
        ChildJvm second = ChildJvm.start(StoreWriterProcess.class, args("race", blob, 5));
        BlobWriter mine = store.writer(blob.digest(), blob.size());
        InputStream content = blob.open()) {
      mine.transferFrom(content);
      first.awaitLine("ready");
      second.awaitLine("ready");
      // all three now hold a fully staged copy: let the commits race
      first.send("commit");
      second.send("commit");
      mine.commit();
      first.awaitLine("committed");
      second.awaitLine("committed");
      assertThat(first.waitForExit()).isZero();
      assertThat(second.waitForExit()).isZero();
    }
    assertThat(listed(store)).containsExactly(blob.digest());
    store.capability(Verifiable.class).orElseThrow().verify(blob.digest());
    assertThat(StagingFiles.in(dir)).isEmpty();
  }

  @Test
  void aWriterKilledMidBlobLeavesOnlyCompleteBlobsAndReopeningCleansUp() throws Exception {
    GeneratedBlob blob = GeneratedBlob.of(SIZE, 40);
    try (ChildJvm child = ChildJvm.start(StoreWriterProcess.class, args("crash", blob, 40))) {
      child.awaitLine("writing");
      assertThat(StagingFiles.in(dir)).hasSize(1);
      child.killHard();
    }
    FileBlobStore afterCrash = FileBlobStore.open(dir); // default age: the fresh file stays
    assertThat(listed(afterCrash))
        .containsExactlyInAnyOrder(
            GeneratedBlob.of(1000, 41).digest(), GeneratedBlob.of(2000, 42).digest());
    assertThat(afterCrash.exists(blob.digest())).isFalse();
    assertThat(afterCrash.capability(Verifiable.class).orElseThrow().scrub().clean()).isTrue();
    assertThat(StagingFiles.in(dir)).hasSize(1);

    FileBlobStore.builder(dir).staleStagingAfter(Duration.ZERO).build();
    assertThat(StagingFiles.in(dir)).isEmpty();
  }

  @Test
  void cleaningNeverDeletesAStagingFileALiveProcessIsWriting() throws Exception {
    GeneratedBlob blob = GeneratedBlob.of(SIZE, 60);
    try (ChildJvm child = ChildJvm.start(StoreWriterProcess.class, args("crash", blob, 60))) {
      child.awaitLine("writing");
      FileBlobStore.builder(dir).staleStagingAfter(Duration.ZERO).build();
      assertThat(StagingFiles.in(dir)).hasSize(1);
    }
  }

  private String[] args(String mode, GeneratedBlob blob, long seed) {
    return new String[] {mode, dir.toString(), Long.toString(blob.size()), Long.toString(seed)};
  }

  private static List<Digest> listed(FileBlobStore store) {
    try (Stream<Digest> all = store.list()) {
      return all.toList();
    }
  }
}
