package dev.registryclient.oci.push;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code Range: 0-N} an upload session answers with: how many bytes the registry has. The
 * distribution registry answers {@code 0-0} for an empty session too, so {@code 0-0} counts as
 * nothing received (a session holding exactly one byte is then sent that byte again, which the
 * registry refuses with 416 and the uploader starts over; chunks are far larger).
 */
final class UploadRange {
  private static final Pattern RANGE = Pattern.compile("\\s*(?:bytes=)?0-(\\d{1,18})\\s*");

  private UploadRange() {}

  /** The bytes received; 0 without a readable header. */
  static long bytesReceived(Optional<String> header) {
    if (header.isEmpty()) {
      return 0;
    }
    Matcher m = RANGE.matcher(header.get());
    if (!m.matches()) {
      return 0;
    }
    long last = Long.parseLong(m.group(1));
    return last == 0 ? 0 : last + 1;
  }
}
