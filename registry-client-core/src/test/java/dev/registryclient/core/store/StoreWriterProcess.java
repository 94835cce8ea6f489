package dev.registryclient.core.store;

import dev.registryclient.api.store.BlobWriter;
import dev.registryclient.testkit.store.GeneratedBlob;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The child side of the multi-process tests. Arguments: {@code mode root size seed}.
 *
 * <ul>
 *   <li>{@code race}: stages the blob, prints {@code ready}, commits on the line {@code commit},
 *       prints {@code committed}.
 *   <li>{@code crash}: commits two blobs (seeds {@code seed+1}, {@code seed+2}), stages half of the
 *       blob, prints {@code writing}, and waits to be killed (or for stdin to close).
 * </ul>
 */
public final class StoreWriterProcess {
  private StoreWriterProcess() {}

  public static void main(String[] args) throws IOException {
    String mode = args[0];
    FileBlobStore store = FileBlobStore.open(Path.of(args[1]));
    GeneratedBlob blob = GeneratedBlob.of(Long.parseLong(args[2]), Long.parseLong(args[3]));
    BufferedReader stdin =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    if (mode.equals("crash")) {
      long seed = Long.parseLong(args[3]);
      writeWhole(store, GeneratedBlob.of(1000, seed + 1));
      writeWhole(store, GeneratedBlob.of(2000, seed + 2));
    }
    try (BlobWriter writer = store.writer(blob.digest(), blob.size())) {
      byte[] chunk = blob.open().readNBytes((int) (blob.size() / 2));
      writer.write(chunk);
      System.out.println(mode.equals("crash") ? "writing" : "ready");
      System.out.flush();
      String line = stdin.readLine(); // the crash test kills us here
      if (mode.equals("race") && "commit".equals(line)) {
        try (var in = blob.open()) {
          in.skipNBytes(chunk.length);
          writer.transferFrom(in);
        }
        writer.commit();
        System.out.println("committed");
      }
    }
  }

  private static void writeWhole(FileBlobStore store, GeneratedBlob blob) throws IOException {
    try (BlobWriter writer = store.writer(blob.digest(), blob.size())) {
      writer.transferFrom(blob.open());
      writer.commit();
    }
  }
}
