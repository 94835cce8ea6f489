package dev.registryclient.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.registryclient.api.Digest;
import dev.registryclient.api.exception.Phase;
import dev.registryclient.api.exception.StoreException;
import dev.registryclient.api.store.BlobWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileBlobStoreLayoutTest {
  private static final byte[] CONTENT = "layout".getBytes(StandardCharsets.UTF_8);
  private static final Digest DIGEST = Digest.sha256(CONTENT);

  @TempDir Path dir;

  @Test
  void aBlobLandsAtBlobsAlgorithmHexLikeAnOciLayout() throws IOException {
    FileBlobStore store = FileBlobStore.builder(dir).fsync(false).build();
    write(store);
    Path expected = dir.resolve("blobs/sha256/" + DIGEST.hex());
    assertThat(expected).hasBinaryContent(CONTENT);
    assertThat(ingest()).isEmptyDirectory();
  }

  @Test
  void stagingFilesAreInvisibleAndGoneAfterAbort() throws IOException {
    FileBlobStore store = FileBlobStore.open(dir);
    try (BlobWriter writer = store.writer(DIGEST, CONTENT.length)) {
      writer.write(CONTENT);
      assertThat(ingest()).isNotEmptyDirectory();
      assertThat(dir.resolve("blobs/sha256/" + DIGEST.hex())).doesNotExist();
    }
    assertThat(ingest()).isEmptyDirectory();
  }

  @Test
  void openingRemovesOnlyStagingFilesOlderThanTheConfiguredAge() throws IOException {
    Files.createDirectories(ingest());
    Path old = Files.writeString(ingest().resolve("old.part"), "left by a crash");
    Files.setLastModifiedTime(old, FileTime.from(Instant.now().minus(Duration.ofHours(3))));
    Path fresh = Files.writeString(ingest().resolve("fresh.part"), "maybe still written");
    Path foreign = Files.writeString(ingest().resolve("notes.txt"), "not ours");

    FileBlobStore.builder(dir).staleStagingAfter(Duration.ofHours(2)).build();

    assertThat(old).doesNotExist();
    assertThat(fresh).exists();
    assertThat(foreign).exists();
  }

  @Test
  void listIgnoresFilesThatAreNotBlobs() throws IOException {
    FileBlobStore store = FileBlobStore.open(dir);
    write(store);
    Files.writeString(dir.resolve("blobs/sha256/README"), "x");
    Files.writeString(dir.resolve("blobs/sha256/" + DIGEST.hex().toUpperCase()), "x");
    Files.createDirectories(dir.resolve("blobs/md5"));
    Files.writeString(dir.resolve("blobs/md5/d41d8cd98f00b204e9800998ecf8427e"), "");
    try (Stream<Digest> all = store.list()) {
      assertThat(all).containsExactly(DIGEST);
    }
  }

  @Test
  void aBlobThatIsASymlinkOutOfTheStoreIsRefusedNamingPathAndDigest() throws IOException {
    Path outside = Files.writeString(dir.resolveSibling(dir.getFileName() + "-secret"), "secret");
    try {
      Path blob = dir.resolve("blobs/sha256/" + DIGEST.hex());
      Files.createDirectories(blob.getParent());
      Files.createSymbolicLink(blob, outside);
      FileBlobStore store = FileBlobStore.open(dir);

      assertThat(store.exists(DIGEST)).isFalse();
      assertThatThrownBy(() -> store.open(DIGEST))
          .isInstanceOf(StoreException.class)
          .hasMessageContaining(DIGEST.toString())
          .hasMessageContaining(blob.toString())
          .hasMessageContaining("symbolic link");
    } finally {
      Files.deleteIfExists(outside);
    }
  }

  @Test
  void aStoreThatCannotStageIsATypedErrorNamingPathAndDigest() throws IOException {
    Files.writeString(ingest(), "a file where the staging directory belongs");
    FileBlobStore store = FileBlobStore.open(dir);

    assertThatThrownBy(() -> store.writer(DIGEST, CONTENT.length))
        .isInstanceOfSatisfying(
            StoreException.class, e -> assertThat(e.phase()).isEqualTo(Phase.STORE))
        .hasMessageContaining(DIGEST.toString())
        .hasMessageContaining(ingest().toString());
  }

  @Test
  void aStoreRootThatIsAFileIsATypedErrorNamingIt() throws IOException {
    Path file = Files.writeString(dir.resolve("plain-file"), "x");
    assertThatThrownBy(() -> FileBlobStore.open(file))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining(file.toString());
  }

  @Test
  void aDigestMismatchNamesTheStorePathAndTheDigest() {
    FileBlobStore store = FileBlobStore.open(dir);
    try (BlobWriter writer = store.writer(DIGEST, 3)) {
      writer.write(new byte[] {1, 2, 3});
      assertThatThrownBy(writer::commit)
          .hasMessageContaining(DIGEST.toString())
          .hasMessageContaining(dir.toString());
    }
  }

  @Test
  void aNegativeStaleAgeIsRejected() {
    assertThatThrownBy(() -> FileBlobStore.builder(dir).staleStagingAfter(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("PT-1S");
  }

  private Path ingest() {
    return dir.resolve("ingest");
  }

  private static void write(FileBlobStore store) {
    try (BlobWriter writer = store.writer(DIGEST, CONTENT.length)) {
      writer.write(CONTENT);
      writer.commit();
    }
  }
}
