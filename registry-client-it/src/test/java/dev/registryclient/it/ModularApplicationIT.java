package dev.registryclient.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.luben.zstd.Zstd;
import dev.registryclient.api.Digest;
import dev.registryclient.testkit.PushedBlob;
import dev.registryclient.testkit.PushedImage;
import dev.registryclient.testkit.TestRegistry;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An application with its own {@code module-info.java} that requires {@code dev.registryclient.oci}
 * is compiled and run on the module path, with no {@code --add-modules} or {@code --add-opens}, and
 * pulls an image: the library's module descriptors name every module it needs at run time.
 *
 * <p>The application's sources are in {@code src/test/resources/modular-app}; it runs in a child
 * JVM and pulls from a {@link TestRegistry} in this JVM over loopback.
 */
class ModularApplicationIT {
  /**
   * The library's modules and their run-time dependencies, by jar name or, for a reactor module
   * compiled in this build, by module directory. Nothing else from this test's class path goes on
   * the application's module path: in particular not the test kit, which the application must not
   * need.
   */
  private static final Pattern MODULE_PATH_ENTRY =
      Pattern.compile(
          "(registry-client-(api|core|oci)"
              + "|httpclient5|httpcore5|httpcore5-h2|slf4j-api"
              + "|jackson-(core|databind|annotations|dataformat-toml|dataformat-yaml)|snakeyaml"
              + "|bc(prov|pkix|util|pg)-jdk18on)"
              + "(-[0-9][^/]*\\.jar)?");

  private static final Duration CHILD_TIMEOUT = Duration.ofSeconds(60);

  @Test
  void aModularApplicationPullsAnImageWithNoExtraJvmFlags(@TempDir Path tmp) throws Exception {
    Path classes = compileApplication(tmp);
    try (TestRegistry registry =
        TestRegistry.builder()
            .tokenAuth()
            .publicRepository("modular/*")
            .cdnRedirects(Duration.ofMinutes(5))
            .start()) {
      PushedImage image = registry.image("modular/app").oci().layer(100_000).push("v1");
      Path layout = tmp.resolve("layout");

      Path log = tmp.resolve("app.log");
      int exit = run(classes, log, image.reference(), layout.toString());

      String output = Files.readString(log);
      assertThat(exit).as("application output:%n%s", output).isZero();
      assertThat(output).contains("pulled " + image.digest());
      List<Digest> expected = new ArrayList<>();
      expected.add(image.digest());
      expected.add(image.config().digest());
      image.layers().stream().map(PushedBlob::digest).forEach(expected::add);
      for (Digest digest : expected) {
        Path blob = layout.resolve("blobs/sha256").resolve(digest.hex());
        assertThat(digest.matches(Files.readAllBytes(blob))).as("%s", blob).isTrue();
      }
    }
  }

  /**
   * zstd-jni is an optional dependency ({@code requires static}) and not on the application's
   * module path: a pull that checks diff_ids still verifies gzip layers and reports the zstd layer
   * as not checked instead of failing to link.
   */
  @Test
  void withoutZstdJniAZstdLayerIsReportedNotCheckedAndGzipIsVerified(@TempDir Path tmp)
      throws Exception {
    Path classes = compileApplication(tmp);
    try (TestRegistry registry = TestRegistry.builder().start()) {
      byte[] tar = "a layer's tar\n".repeat(1000).getBytes(StandardCharsets.UTF_8);
      byte[] gzip = gzip(tar);
      byte[] zstd = Zstd.compress(tar, 3);
      PushedBlob gzipLayer = registry.pushBlob("modular/zstd", gzip, GZIP_LAYER);
      PushedBlob zstdLayer = registry.pushBlob("modular/zstd", zstd, ZSTD_LAYER);
      String diffId = Digest.sha256(tar).toString();
      PushedBlob config =
          registry.pushBlob(
              "modular/zstd",
              ("{\"architecture\":\"amd64\",\"os\":\"linux\",\"rootfs\":{\"type\":\"layers\","
                      + "\"diff_ids\":[\""
                      + diffId
                      + "\",\""
                      + diffId
                      + "\"]}}")
                  .getBytes(StandardCharsets.UTF_8),
              "application/vnd.oci.image.config.v1+json");
      String manifest =
          "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\","
              + "\"config\":"
              + descriptor(config)
              + ",\"layers\":["
              + descriptor(gzipLayer)
              + ","
              + descriptor(zstdLayer)
              + "]}";
      registry.pushManifest(
          "modular/zstd",
          "v1",
          "application/vnd.oci.image.manifest.v1+json",
          manifest.getBytes(StandardCharsets.UTF_8));
      Path log = tmp.resolve("app.log");

      int exit =
          run(
              classes,
              log,
              registry.hostAndPort() + "/modular/zstd:v1",
              tmp.resolve("layout").toString(),
              "verify-diff-ids");

      String output = Files.readString(log);
      assertThat(exit).as("application output:%n%s", output).isZero();
      assertThat(output)
          .contains(gzipLayer.digest() + " VERIFIED gzip")
          .contains(
              zstdLayer.digest() + " NOT_CHECKED zstd-jni is not on the class or module path");
    }
  }

  private static final String GZIP_LAYER = "application/vnd.oci.image.layer.v1.tar+gzip";
  private static final String ZSTD_LAYER = "application/vnd.oci.image.layer.v1.tar+zstd";

  private static String descriptor(PushedBlob blob) {
    return "{\"mediaType\":\""
        + blob.mediaType()
        + "\",\"digest\":\""
        + blob.digest()
        + "\",\"size\":"
        + blob.size()
        + "}";
  }

  private static byte[] gzip(byte[] content) throws IOException {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    try (java.util.zip.GZIPOutputStream gz = new java.util.zip.GZIPOutputStream(out)) {
      gz.write(content);
    }
    return out.toByteArray();
  }

  /** Compiles the application against the library's modules, as a modular user's build would. */
  private static Path compileApplication(Path tmp) throws IOException {
    Path sources = tmp.resolve("src");
    copyResourceTree("modular-app", List.of("module-info.java", "app/Main.java"), sources);
    Path classes = tmp.resolve("classes");
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    StringWriter diagnostics = new StringWriter();
    try (StandardJavaFileManager files = javac.getStandardFileManager(null, null, null)) {
      Iterable<? extends JavaFileObject> units =
          files.getJavaFileObjects(
              sources.resolve("module-info.java"), sources.resolve("app/Main.java"));
      List<String> options =
          List.of("-d", classes.toString(), "--module-path", modulePath(), "-Xlint:all", "-Werror");
      boolean compiled = javac.getTask(diagnostics, files, null, options, null, units).call();
      assertThat(compiled).as("javac output:%n%s", diagnostics).isTrue();
    }
    return classes;
  }

  private static int run(Path classes, Path log, String... args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("--module-path");
    command.add(modulePath() + File.pathSeparator + classes);
    command.add("--module");
    command.add("app/app.Main");
    command.addAll(Arrays.asList(args));
    Process child =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    try {
      if (!child.waitFor(CHILD_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
        throw new AssertionError(
            "the application did not finish within "
                + CHILD_TIMEOUT.toSeconds()
                + " s; output:\n"
                + Files.readString(log));
      }
      return child.exitValue();
    } finally {
      child.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
    }
  }

  private static String modulePath() {
    List<String> entries =
        Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
            .filter(entry -> MODULE_PATH_ENTRY.matcher(artifactName(Path.of(entry))).matches())
            .toList();
    for (String module : List.of("api", "core", "oci")) {
      assertThat(entries)
          .as("registry-client-%s on the test class path", module)
          .anyMatch(entry -> entry.contains("registry-client-" + module));
    }
    return String.join(File.pathSeparator, entries);
  }

  /** A jar's file name, or the module directory of a reactor module's {@code target/classes}. */
  private static String artifactName(Path entry) {
    if (Files.isDirectory(entry)
        && entry.getNameCount() >= 3
        && entry.endsWith(Path.of("target", "classes"))) {
      return entry.getParent().getParent().getFileName().toString();
    }
    return entry.getFileName() == null ? "" : entry.getFileName().toString();
  }

  private static void copyResourceTree(String root, List<String> files, Path target)
      throws IOException {
    for (String file : files) {
      Path destination = target.resolve(file);
      Files.createDirectories(destination.getParent());
      try (InputStream in =
          ModularApplicationIT.class.getResourceAsStream("/" + root + "/" + file)) {
        if (in == null) {
          throw new UncheckedIOException(new IOException("no test resource " + root + "/" + file));
        }
        Files.copy(in, destination);
      }
    }
  }
}
