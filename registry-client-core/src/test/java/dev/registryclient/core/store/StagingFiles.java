package dev.registryclient.core.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The files a {@link FileBlobStore} stages under {@code ingest/} while blobs are being written. */
final class StagingFiles {
  private StagingFiles() {}

  /**
   * The staging files of the store at {@code root}, to assert that a write left none behind.
   *
   * <pre>{@code
   * assertThat(StagingFiles.in(dir)).isEmpty();
   * }</pre>
   *
   * @param root the store's directory, as given to {@link FileBlobStore#builder}
   * @return the files in its staging directory; none before the store first staged anything
   */
  static List<Path> in(Path root) throws IOException {
    Path ingest = root.resolve("ingest");
    if (!Files.exists(ingest)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(ingest)) {
      return files.toList();
    }
  }
}
