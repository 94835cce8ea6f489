package dev.registryclient.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.registryclient.api.Digest;
import dev.registryclient.api.exception.BlobNotFoundInStoreException;
import dev.registryclient.api.exception.DigestMismatchException;
import dev.registryclient.api.store.BlobStoreCapability;
import dev.registryclient.api.store.BlobWriter;
import dev.registryclient.api.store.HardLinkImport;
import dev.registryclient.api.store.HardLinkImport.ImportMode;
import dev.registryclient.api.store.ScrubReport;
import dev.registryclient.api.store.Verifiable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileBlobStoreCapabilitiesTest {
  @TempDir Path dir;
  @TempDir Path elsewhere;

  @Test
  void verifyPassesForIntactBlobsAndNamesPathAndDigestForRottenOnes() throws IOException {
    FileBlobStore store = FileBlobStore.open(dir);
    Verifiable verifiable = store.capability(Verifiable.class).orElseThrow();
    Digest intact = put(store, "intact");
    Digest rotten = put(store, "rotten");
    Files.writeString(blobFile(rotten), "bit rot");

    verifiable.verify(intact);
    assertThatThrownBy(() -> verifiable.verify(rotten))
        .isInstanceOf(DigestMismatchException.class)
        .hasMessageContaining(rotten.toString())
        .hasMessageContaining(blobFile(rotten).toString());
    assertThatThrownBy(() -> verifiable.verify(Digest.sha256(new byte[] {9})))
        .isInstanceOf(BlobNotFoundInStoreException.class);
  }

  @Test
  void scrubRemovesExactlyTheCorruptBlobs() throws IOException {
    FileBlobStore store = FileBlobStore.open(dir);
    Digest intact = put(store, "intact");
    Digest rotten = put(store, "rotten");
    Files.writeString(blobFile(rotten), "bit rot");

    ScrubReport report = store.capability(Verifiable.class).orElseThrow().scrub();

    assertThat(report.checked()).isEqualTo(2);
    assertThat(report.removed()).containsExactly(rotten);
    assertThat(store.exists(rotten)).isFalse();
    assertThat(store.exists(intact)).isTrue();
  }

  @Test
  void importingByHardLinkSharesTheFileWithTheSource() throws IOException {
    FileBlobStore source = FileBlobStore.open(elsewhere);
    Digest digest = put(source, "shared layer");
    FileBlobStore store = FileBlobStore.open(dir);
    HardLinkImport links = store.capability(HardLinkImport.class).orElseThrow();
    Path sourceFile = source.capability(HardLinkImport.class).orElseThrow().pathOf(digest).get();

    assertThat(links.importFile(sourceFile, digest)).isEqualTo(ImportMode.LINKED);
    assertThat(Files.isSameFile(sourceFile, blobFile(digest))).isTrue();
    assertThat(links.importFile(sourceFile, digest)).isEqualTo(ImportMode.ALREADY_PRESENT);
    assertThat(dir.resolve("ingest")).isEmptyDirectory();
  }

  @Test
  void importingAFileWithOtherBytesThanItsDigestImportsNothing() throws IOException {
    Path file = Files.writeString(elsewhere.resolve("layer.tar"), "not what it claims");
    Digest claimed = Digest.sha256("something else".getBytes(StandardCharsets.UTF_8));
    FileBlobStore store = FileBlobStore.open(dir);

    assertThatThrownBy(
            () -> store.capability(HardLinkImport.class).orElseThrow().importFile(file, claimed))
        .isInstanceOf(DigestMismatchException.class)
        .hasMessageContaining(claimed.toString())
        .hasMessageContaining(file.toString());
    assertThat(store.exists(claimed)).isFalse();
    assertThat(dir.resolve("ingest")).isEmptyDirectory();
  }

  @Test
  void capabilitiesTheStoreDoesNotHaveAreEmpty() {
    interface Unknown extends BlobStoreCapability {}
    assertThat(FileBlobStore.open(dir).capability(Unknown.class)).isEmpty();
    assertThat(new MemoryBlobStore().capability(HardLinkImport.class)).isEmpty();
  }

  private Path blobFile(Digest digest) {
    return dir.resolve("blobs").resolve(digest.algorithm().prefix()).resolve(digest.hex());
  }

  private static Digest put(FileBlobStore store, String text) {
    byte[] content = text.getBytes(StandardCharsets.UTF_8);
    Digest digest = Digest.sha256(content);
    try (BlobWriter writer = store.writer(digest, content.length)) {
      writer.write(content);
      writer.commit();
    }
    return digest;
  }
}
