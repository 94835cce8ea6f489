package dev.registryclient.examples.cli;

import dev.registryclient.api.Digest;
import dev.registryclient.api.client.PullEvent;
import dev.registryclient.api.client.PullListener;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * Shows a pull's progress on stderr: on a terminal one bar redrawn in place (bytes, blobs done)
 * with a line per finished blob above it; otherwise one plain line per blob, which logs and CI
 * output keep readable. Called from the pull's worker threads, hence synchronized.
 */
final class ProgressPrinter implements PullListener {
  private static final int BAR_WIDTH = 30;

  private final PrintWriter err;
  private final boolean interactive;
  private long totalBytes = -1;
  private long receivedBytes;
  private int blobsDone;
  private int redirects;
  private boolean barShown;

  ProgressPrinter(PrintWriter err, boolean interactive) {
    this.err = err;
    this.interactive = interactive;
  }

  /** How many blob requests were redirected (to a CDN) so far. */
  synchronized int redirects() {
    return redirects;
  }

  @Override
  public synchronized void onEvent(PullEvent event) {
    if (event instanceof PullEvent.Resolved r) {
      totalBytes = r.totalBytes();
      line("Resolved " + r.reference() + " to " + r.manifest().digest());
    } else if (event instanceof PullEvent.BlobProgress p) {
      receivedBytes += p.delta();
      bar();
    } else if (event instanceof PullEvent.BlobDone d) {
      blobsDone++;
      line(shortDigest(d.digest()) + " " + human(d.size()) + " verified, from " + d.host());
    } else if (event instanceof PullEvent.BlobSkipped s) {
      blobsDone++;
      line(shortDigest(s.digest()) + " already present, skipped");
    } else if (event instanceof PullEvent.Redirected r) {
      redirects++;
      if (!interactive) {
        line(shortDigest(r.digest()) + " redirected to " + r.host());
      }
    } else if (event instanceof PullEvent.Retrying r) {
      line(shortDigest(r.digest()) + " retrying (attempt " + r.attempt() + "): " + r.reason());
    } else if (event instanceof PullEvent.Resumed r) {
      line(
          shortDigest(r.digest())
              + " resuming at byte "
              + r.offset()
              + " (attempt "
              + r.attempt()
              + "): "
              + r.reason());
    } else if (event instanceof PullEvent.SourceFailed f) {
      line(warning(f.source(), f.reason()));
    } else if (event instanceof PullEvent.Finished) {
      clearBar();
    }
    err.flush();
  }

  /**
   * A listener that passes on only what must be seen even with {@code --quiet}: the warnings about
   * sources that failed before another served.
   */
  PullListener warningsOnly() {
    return event -> {
      if (event instanceof PullEvent.SourceFailed) {
        onEvent(event);
      }
    };
  }

  /** {@code warning: source mirror m:5000/app:1 failed, another served: <reason>}. */
  static String warning(String source, String reason) {
    return "warning: source " + source + " failed, another served: " + reason;
  }

  private void line(String text) {
    clearBar();
    err.println(text);
    bar();
  }

  private void bar() {
    if (!interactive || totalBytes <= 0) {
      return;
    }
    int filled = (int) Math.min(BAR_WIDTH, receivedBytes * BAR_WIDTH / totalBytes);
    String bar = "#".repeat(filled) + ".".repeat(BAR_WIDTH - filled);
    err.print(
        "\r["
            + bar
            + "] "
            + megabytes(receivedBytes)
            + "/"
            + megabytes(totalBytes)
            + " MB, "
            + blobsDone
            + " blobs done");
    barShown = true;
  }

  private void clearBar() {
    if (barShown) {
      err.print("\r\033[2K"); // carriage return, erase the line
      barShown = false;
    }
  }

  /** {@code 512 B}, {@code 64.0 KB}, {@code 1.5 MB}, {@code 2.1 GB} (powers of 1000). */
  static String human(long bytes) {
    if (bytes < 1000) {
      return bytes + " B";
    }
    String[] units = {"KB", "MB", "GB", "TB"};
    double value = bytes / 1000.0;
    int unit = 0;
    while (value >= 1000 && unit < units.length - 1) {
      value /= 1000;
      unit++;
    }
    return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
  }

  /** Megabytes (10^6 bytes) with one decimal, as in the summary line. */
  static String megabytes(long bytes) {
    return String.format(Locale.ROOT, "%.1f", bytes / 1_000_000.0);
  }

  private static String shortDigest(Digest digest) {
    return digest.shortForm();
  }
}
