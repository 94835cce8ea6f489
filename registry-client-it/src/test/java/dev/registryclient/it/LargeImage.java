package dev.registryclient.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.registryclient.api.Digest;
import dev.registryclient.testkit.distribution.DistributionRegistry;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.function.Supplier;

/**
 * Pushes a one-layer image whose layer is a large {@link PatternStream}, straight over the
 * distribution API (no tool holds it in memory), for tests that pull large blobs.
 *
 * <pre>{@code
 * Digest layer = LargeImage.push(registry, "it/big", "v1", 256L << 20, 0x1a4e);
 * }</pre>
 */
final class LargeImage {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private LargeImage() {}

  /** Pushes {@code repository:tag} with one layer of {@code size} pattern bytes; its digest. */
  static Digest push(
      DistributionRegistry registry, String repository, String tag, long size, long seed)
      throws Exception {
    Digest layer = digestOf(() -> new PatternStream(size, seed));
    upload(registry, repository, layer, size, () -> new PatternStream(size, seed));
    byte[] config =
        ("{\"architecture\":\"amd64\",\"os\":\"linux\",\"rootfs\":{\"type\":\"layers\","
                + "\"diff_ids\":[\""
                + layer
                + "\"]}}")
            .getBytes(StandardCharsets.UTF_8);
    Digest configDigest = Digest.sha256(config);
    upload(
        registry, repository, configDigest, config.length, () -> new ByteArrayInputStream(config));
    putManifest(registry, repository, tag, configDigest, config.length, layer, size);
    return layer;
  }

  /** The SHA-256 of a file, read again from disk. */
  static Digest digestOf(Path file) throws Exception {
    return digestOf(
        () -> {
          try {
            return Files.newInputStream(file);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }

  static Digest digestOf(Supplier<InputStream> content) throws Exception {
    MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
    byte[] buffer = new byte[1 << 16];
    try (InputStream in = content.get()) {
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        sha256.update(buffer, 0, n);
      }
    }
    return Digest.parse("sha256:" + HexFormat.of().formatHex(sha256.digest()));
  }

  private static void upload(
      DistributionRegistry registry,
      String repository,
      Digest digest,
      long size,
      Supplier<InputStream> content)
      throws Exception {
    HttpResponse<Void> started =
        HTTP.send(
            HttpRequest.newBuilder(registry.url().resolve("/v2/" + repository + "/blobs/uploads/"))
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
        HTTP.send(
            HttpRequest.newBuilder(put)
                .header("Content-Type", "application/octet-stream")
                .PUT(
                    HttpRequest.BodyPublishers.fromPublisher(
                        HttpRequest.BodyPublishers.ofInputStream(content), size))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(finished.statusCode()).as(finished.body()).isEqualTo(201);
  }

  private static void putManifest(
      DistributionRegistry registry,
      String repository,
      String tag,
      Digest config,
      long configSize,
      Digest layer,
      long layerSize)
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
            + layerSize
            + "}]}";
    HttpResponse<String> r =
        HTTP.send(
            HttpRequest.newBuilder(
                    registry.url().resolve("/v2/" + repository + "/manifests/" + tag))
                .header("Content-Type", "application/vnd.oci.image.manifest.v1+json")
                .PUT(HttpRequest.BodyPublishers.ofString(manifest))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
  }
}
