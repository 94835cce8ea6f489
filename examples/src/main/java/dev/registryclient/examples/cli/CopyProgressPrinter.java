package dev.registryclient.examples.cli;

import dev.registryclient.api.Digest;
import dev.registryclient.api.client.CopyEvent;
import dev.registryclient.api.client.CopyListener;
import java.io.PrintWriter;
import java.util.HashMap;
import java.util.Map;

/**
 * Shows the progress of a push, copy or sync on stderr, as {@link ProgressPrinter} shows a pull's:
 * on a terminal one bar redrawn in place (blobs done, megabytes sent) with a line per finished blob
 * above it; otherwise one plain line per blob. Called from the transfer's worker threads, hence
 * synchronized.
 */
final class CopyProgressPrinter implements CopyListener {
  private static final int BAR_WIDTH = 30;

  private final PrintWriter err;
  private final boolean interactive;
  // per image: a sync sends the events of one image's copy after another's
  private int blobs;
  private int blobsDone;
  private final Map<Digest, Long> uploaded = new HashMap<>();
  private long uploadedBytes;
  private boolean barShown;

  CopyProgressPrinter(PrintWriter err, boolean interactive) {
    this.err = err;
    this.interactive = interactive;
  }

  @Override
  public synchronized void onEvent(CopyEvent event) {
    if (event instanceof CopyEvent.Resolved r) {
      blobs = r.blobs();
      blobsDone = 0;
      uploaded.clear();
      uploadedBytes = 0;
      line(
          "Resolved "
              + r.source()
              + " to "
              + r.manifest().digest()
              + " ("
              + r.blobs()
              + " blobs), copying to "
              + r.target());
    } else if (event instanceof CopyEvent.BlobProgress p) {
      // events carry totals so far; the bar shows their sum over the blobs in flight
      Long before = uploaded.put(p.digest(), p.uploaded());
      uploadedBytes += p.uploaded() - (before == null ? 0 : before);
      bar();
    } else if (event instanceof CopyEvent.Retrying r) {
      line(r.digest().shortForm() + " retrying (attempt " + r.attempt() + "): " + r.reason());
    } else if (event instanceof CopyEvent.BlobDone d) {
      blobsDone++;
      line(d.digest().shortForm() + " " + done(d));
    } else if (event instanceof CopyEvent.ManifestPushed m) {
      line(m.manifest().digest().shortForm() + " manifest written as " + m.reference());
    } else if (event instanceof CopyEvent.SourceFailed f) {
      line(ProgressPrinter.warning(f.source(), f.reason()));
    } else if (event instanceof CopyEvent.Finished) {
      clearBar();
    }
    err.flush();
  }

  /**
   * A listener that passes on only what must be seen even with {@code --quiet}: the warnings about
   * sources that failed before another served.
   */
  CopyListener warningsOnly() {
    return event -> {
      if (event instanceof CopyEvent.SourceFailed) {
        onEvent(event);
      }
    };
  }

  /** Erases the bar, so that a failure's report starts on a line of its own. */
  synchronized void finish() {
    clearBar();
    err.flush();
  }

  private static String done(CopyEvent.BlobDone d) {
    String size = d.size() < 0 ? "" : ProgressPrinter.human(d.size()) + " ";
    return switch (d.outcome()) {
      case UPLOADED -> size + "uploaded";
      case MOUNTED -> size + "mounted, no bytes sent";
      case SKIPPED -> "already present, skipped";
    };
  }

  /** Prints a line of its own (clearing and redrawing the bar on a terminal). */
  synchronized void line(String text) {
    clearBar();
    err.println(text);
    bar();
  }

  private void bar() {
    if (!interactive || blobs <= 0) {
      return;
    }
    int filled = Math.min(BAR_WIDTH, blobsDone * BAR_WIDTH / blobs);
    String bar = "#".repeat(filled) + ".".repeat(BAR_WIDTH - filled);
    err.print(
        "\r["
            + bar
            + "] "
            + blobsDone
            + "/"
            + blobs
            + " blobs, "
            + ProgressPrinter.megabytes(uploadedBytes)
            + " MB sent");
    barShown = true;
  }

  private void clearBar() {
    if (barShown) {
      err.print("\r\033[2K"); // carriage return, erase the line
      barShown = false;
    }
  }
}
