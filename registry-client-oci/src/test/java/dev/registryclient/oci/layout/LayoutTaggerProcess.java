package dev.registryclient.oci.layout;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Child JVM for the multi-process test: tags {@code count} images named {@code prefix-i}. */
public final class LayoutTaggerProcess {
  private LayoutTaggerProcess() {}

  public static void main(String[] args) {
    OciLayout layout = OciLayout.at(Path.of(args[0]));
    for (int i = 0; i < Integer.parseInt(args[2]); i++) {
      String tag = args[1] + "-" + i;
      layout.tag(tag, SampleImage.write(layout, tag));
    }
  }

  static Process start(Path dir, String prefix, int count) throws IOException {
    String java =
        ProcessHandle.current()
            .info()
            .command()
            .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    return new ProcessBuilder(
            List.of(
                java,
                "-cp",
                classPath(),
                LayoutTaggerProcess.class.getName(),
                dir.toString(),
                prefix,
                Integer.toString(count)))
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .start();
  }

  /** The class path, plus the module path when the tests run on it: the child runs unnamed. */
  private static String classPath() {
    String modulePath = System.getProperty("jdk.module.path");
    String classPath = System.getProperty("java.class.path");
    return modulePath == null ? classPath : classPath + File.pathSeparator + modulePath;
  }

  static int awaitExit(Process process) throws InterruptedException {
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      throw new AssertionError("tagger process did not exit within 60 s");
    }
    return process.exitValue();
  }
}
