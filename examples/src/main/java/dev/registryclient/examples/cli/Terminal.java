package dev.registryclient.examples.cli;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Where a command writes: stdout for results, stderr for progress and errors, and whether stderr is
 * a terminal (then progress is drawn as bars, otherwise one plain line per blob).
 *
 * @param stdout the raw standard output, for bytes that must go out unchanged ({@code --raw})
 * @param out results only, so that {@code registry-client tags REPO | sort} sees nothing else
 * @param err progress, summaries of what happened, and failures
 * @param interactive whether progress bars may redraw lines in place
 */
public record Terminal(PrintStream stdout, PrintWriter out, PrintWriter err, boolean interactive) {

  /** Checks for nulls. */
  public Terminal {
    Objects.requireNonNull(stdout, "stdout");
    Objects.requireNonNull(out, "out");
    Objects.requireNonNull(err, "err");
  }

  /** The process's own streams; interactive when the JVM has a console. */
  public static Terminal system() {
    return of(System.out, System.err, System.console() != null);
  }

  /** A terminal over these streams, flushing after every line. */
  public static Terminal of(PrintStream out, PrintStream err, boolean interactive) {
    return new Terminal(out, writer(out), writer(err), interactive);
  }

  /** Writes {@code bytes} to stdout exactly, after any text already printed. */
  public void writeRaw(byte[] bytes) {
    out.flush();
    try {
      stdout.write(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    stdout.flush();
  }

  private static PrintWriter writer(PrintStream stream) {
    return new PrintWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), true);
  }
}
