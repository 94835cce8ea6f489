package dev.registryclient.core.store.internal;

import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The staging files this JVM is writing right now. The cleaner must not even open them: on POSIX,
 * closing any channel to a file drops every lock this process holds on it, which would expose a
 * live staging file to other processes' cleaners.
 */
final class LiveStaging {
  private static final Set<Path> LIVE = ConcurrentHashMap.newKeySet();

  private LiveStaging() {}

  static void add(Path path) {
    LIVE.add(path);
  }

  static void remove(Path path) {
    LIVE.remove(path);
  }

  static boolean contains(Path path) {
    return LIVE.contains(path);
  }
}
