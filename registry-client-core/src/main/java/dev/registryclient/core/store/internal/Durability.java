package dev.registryclient.core.store.internal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** fsync for directories, so a rename or link survives a power cut, not just a process crash. */
final class Durability {
  private Durability() {}

  /**
   * Flushes a directory's entries. Some platforms (Windows) cannot open a directory as a channel;
   * there the rename is as durable as the file system makes it anyway, so the failure is ignored.
   */
  static void syncDirectory(Path dir) {
    try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException e) {
      // not supported here; nothing more we can do
    }
  }
}
