package dev.registryclient.testkit.distribution;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** Tiny OCI images built with umoci and pushed with skopeo, for the integration tests. */
public final class SmallImages {
  /** Time limit of one tool run. */
  public static final Duration TOOL_TIMEOUT = Duration.ofSeconds(60);

  private SmallImages() {}

  /**
   * An OCI layout in {@code dir} with tag {@code tag}: one layer holding {@code /hello.txt} with
   * {@code content}.
   */
  public static Path helloLayout(Path dir, String tag, String content) {
    Path layout = dir.resolve("layout");
    ExternalTool umoci = ExternalTool.umoci();
    try {
      if (!Files.exists(layout)) {
        umoci.runOrFail(TOOL_TIMEOUT, "init", "--layout", layout.toString());
      }
      umoci.runOrFail(TOOL_TIMEOUT, "new", "--image", layout + ":" + tag);
      Path file = Files.writeString(dir.resolve(tag + "-hello.txt"), content);
      umoci.runOrFail(
          TOOL_TIMEOUT, "insert", "--image", layout + ":" + tag, file.toString(), "/hello.txt");
      return layout;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Copies {@code layout:tag} to {@code docker://target} over plain HTTP, as {@code format} ({@code
   * v2s2}, {@code v2s1} or {@code oci}), with {@code extraArgs} such as {@code --dest-creds}.
   */
  public static void push(Path layout, String tag, String target, String format, String... extra) {
    String[] args = new String[6 + extra.length];
    args[0] = "copy";
    args[1] = "--dest-tls-verify=false";
    args[2] = "--format";
    args[3] = format;
    System.arraycopy(extra, 0, args, 4, extra.length);
    args[4 + extra.length] = "oci:" + layout + ":" + tag;
    args[5 + extra.length] = "docker://" + target;
    ExternalTool.skopeo().runOrFail(TOOL_TIMEOUT, args);
  }
}
