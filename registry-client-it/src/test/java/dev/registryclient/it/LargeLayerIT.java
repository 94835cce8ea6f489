package dev.registryclient.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.registryclient.api.Digest;
import dev.registryclient.testkit.distribution.DistributionRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A 256 MiB layer is pulled by a JVM with a 64 MiB heap: the pull streams. */
class LargeLayerIT {
  private static final long LAYER_SIZE = 256L << 20;
  private static final long SEED = 0x1a4e;
  private static final long MAX_HEAP = 64L << 20;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @Test
  void aLayerFourTimesTheHeapIsPulledIntoAnOciLayout(@TempDir Path tmp) throws Exception {
    try (DistributionRegistry registry = DistributionRegistry.builder().start()) {
      Digest layer = digestOf(() -> new PatternStream(LAYER_SIZE, SEED));
      upload(registry, layer, LAYER_SIZE, () -> new PatternStream(LAYER_SIZE, SEED));
      byte[] config =
          ("{\"architecture\":\"amd64\",\"os\":\"linux\",\"rootfs\":{\"type\":\"layers\","
                  + "\"diff_ids\":[\""
                  + layer
                  + "\"]}}")
              .getBytes(StandardCharsets.UTF_8);
      Digest configDigest = Digest.sha256(config);
      upload(registry, configDigest, config.length, () -> new java.io.ByteArrayInputStream(config));
      putManifest(registry, configDigest, config.length, layer);

      Path out = tmp.resolve("layout");
      Path log = tmp.resolve("child.log");
      int exit = pullInChildJvm(registry.hostAndPort() + "/it/big:v1", out, log);
      String output = Files.readString(log);
      assertThat(exit).as("child JVM output:\n%s", output).isZero();
      long maxMemory =
          Long.parseLong(
              output
                  .lines()
                  .filter(l -> l.startsWith("maxMemory="))
                  .findFirst()
                  .orElseThrow()
                  .substring("maxMemory=".length()));
      assertThat(maxMemory).isLessThanOrEqualTo(MAX_HEAP);

      Path blob = out.resolve("blobs/sha256/" + layer.hex());
      assertThat(Files.size(blob)).isEqualTo(LAYER_SIZE);
      assertThat(digestOf(() -> newInputStream(blob))).isEqualTo(layer);
    }
  }

  private int pullInChildJvm(String image, Path out, Path log) throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process child =
        new ProcessBuilder(
                List.of(
                    java.toString(),
                    "-Xmx64m",
                    "-cp",
                    System.getProperty("java.class.path"),
                    LargeLayerPull.class.getName(),
                    image,
                    out.toString()))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    try {
      if (!child.waitFor(120, TimeUnit.SECONDS)) {
        throw new AssertionError("the pull did not finish within 120 s");
      }
      return child.exitValue();
    } finally {
      child.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
    }
  }

  private void upload(
      DistributionRegistry registry, Digest digest, long size, Supplier<InputStream> content)
      throws Exception {
    HttpResponse<Void> started =
        http.send(
            HttpRequest.newBuilder(registry.url().resolve("/v2/it/big/blobs/uploads/"))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.discarding());
    assertThat(started.statusCode()).isEqualTo(202);
    String location = started.headers().firstValue("Location").orElseThrow();
    URI put =
        registry
            .url()
            .resolve(location + (location.contains("?") ? "&" : "?") + "digest=" + digest);
    HttpResponse<String> finished =
        http.send(
            HttpRequest.newBuilder(put)
                .header("Content-Type", "application/octet-stream")
                .PUT(
                    HttpRequest.BodyPublishers.fromPublisher(
                        HttpRequest.BodyPublishers.ofInputStream(content), size))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(finished.statusCode()).as(finished.body()).isEqualTo(201);
  }

  private void putManifest(
      DistributionRegistry registry, Digest config, long configSize, Digest layer)
      throws Exception {
    String manifest =
        "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\","
            + "\"config\":{\"mediaType\":\"application/vnd.oci.image.config.v1+json\","
            + "\"digest\":\""
            + config
            + "\",\"size\":"
            + configSize
            + "},\"layers\":[{\"mediaType\":\"application/vnd.oci.image.layer.v1.tar\","
            + "\"digest\":\""
            + layer
            + "\",\"size\":"
            + LAYER_SIZE
            + "}]}";
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(registry.url().resolve("/v2/it/big/manifests/v1"))
                .header("Content-Type", "application/vnd.oci.image.manifest.v1+json")
                .PUT(HttpRequest.BodyPublishers.ofString(manifest))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
  }

  private static Digest digestOf(Supplier<InputStream> content) throws Exception {
    MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
    byte[] buffer = new byte[1 << 16];
    try (InputStream in = content.get()) {
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        sha256.update(buffer, 0, n);
      }
    }
    return Digest.parse("sha256:" + java.util.HexFormat.of().formatHex(sha256.digest()));
  }

  private static InputStream newInputStream(Path file) {
    try {
      return Files.newInputStream(file);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
