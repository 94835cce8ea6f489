package dev.registryclient.testkit.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.registryclient.api.Digest;
import dev.registryclient.api.store.BlobStore;
import dev.registryclient.api.store.BlobWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A store built on {@code VerifyingBlobWriter} alone passes the whole contract, and one that is
 * finished on {@code close()} leaves a complete zip archive.
 */
class ZipArchiveBlobStoreContractTest extends BlobStoreContract {
  @TempDir Path dir;
  private final List<BlobStore> reopened = new ArrayList<>();

  private Path archive() {
    return dir.resolve("blobs.zip");
  }

  @Override
  protected BlobStore newStore() {
    return new ZipArchiveBlobStore(archive());
  }

  /** Closing writes the archive; a new store reads it back. */
  @Override
  protected BlobStore reopen(BlobStore store) {
    store.close();
    BlobStore again = new ZipArchiveBlobStore(archive());
    reopened.add(again);
    return again;
  }

  @AfterEach
  void closeReopenedStores() {
    reopened.forEach(BlobStore::close);
  }

  @Test
  void closeLeavesAZipWithExactlyTheCommittedBlobs() throws IOException {
    byte[] config = bytes("{\"os\":\"linux\"}");
    byte[] layer = bytes("layer bytes");
    Digest configDigest = put(store, config);
    Digest layerDigest = put(store, layer);
    try (BlobWriter abandoned = store.writer(Digest.sha256(bytes("half")), 4)) {
      abandoned.write(bytes("ha"));
    }
    Path work = ((ZipArchiveBlobStore) store).workDirectory();

    store.close();

    assertThat(entries(archive()))
        .containsOnlyKeys("blobs/sha256/" + configDigest.hex(), "blobs/sha256/" + layerDigest.hex())
        .containsEntry("blobs/sha256/" + configDigest.hex(), config)
        .containsEntry("blobs/sha256/" + layerDigest.hex(), layer);
    assertThat(work).doesNotExist();
  }

  private static Map<String, byte[]> entries(Path zipFile) throws IOException {
    Map<String, byte[]> entries = new HashMap<>();
    try (ZipFile zip = new ZipFile(zipFile.toFile())) {
      for (ZipEntry entry : zip.stream().toList()) {
        try (InputStream in = zip.getInputStream(entry)) {
          entries.put(entry.getName(), in.readAllBytes());
        }
      }
    }
    assertThat(Files.size(zipFile)).isPositive();
    return entries;
  }
}
