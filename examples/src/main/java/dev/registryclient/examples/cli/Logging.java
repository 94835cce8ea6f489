package dev.registryclient.examples.cli;

/**
 * Sets slf4j-simple's levels: warnings only by default, debug for {@code dev.registryclient} with
 * {@code --verbose}. Properties already given (e.g. in {@code JAVA_OPTS}) win.
 */
final class Logging {
  private static final String PREFIX = "org.slf4j.simpleLogger.";

  private Logging() {}

  /** Must run before the first logger is created. */
  static void configure(boolean verbose) {
    setIfAbsent(PREFIX + "defaultLogLevel", "warn");
    setIfAbsent(PREFIX + "logFile", "System.err");
    setIfAbsent(PREFIX + "showThreadName", "false");
    setIfAbsent(PREFIX + "showShortLogName", "true");
    // HttpClient's own auth layer warns about Bearer challenges it leaves to us; not news to users
    setIfAbsent(PREFIX + "log.org.apache.hc", verbose ? "info" : "error");
    if (verbose) {
      setIfAbsent(PREFIX + "log.dev.registryclient", "debug");
    }
  }

  private static void setIfAbsent(String key, String value) {
    if (System.getProperty(key) == null) {
      System.setProperty(key, value);
    }
  }
}
