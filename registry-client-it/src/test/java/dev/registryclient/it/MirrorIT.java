package dev.registryclient.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.registryclient.api.Descriptor;
import dev.registryclient.api.Digest;
import dev.registryclient.api.client.CopiedBlob;
import dev.registryclient.api.client.CopyResult;
import dev.registryclient.api.client.RegistryClient;
import dev.registryclient.api.client.RegistrySettings;
import dev.registryclient.api.client.Retries;
import dev.registryclient.api.manifest.ImageIndex;
import dev.registryclient.testkit.CdnFront;
import dev.registryclient.testkit.Fault;
import dev.registryclient.testkit.RecordedRequest;
import dev.registryclient.testkit.TestRegistry;
import dev.registryclient.testkit.Upload;
import dev.registryclient.testkit.distribution.DistributionRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The mirror job against real docker-registries: the source's blobs come from a CDN on another
 * host, and a target that cuts uploads, loses sessions and answers 429 and 5xx still gets every
 * blob committed under its digest.
 */
class MirrorIT {
  /** Larger than the SDK's 8 MiB chunk, so its upload has a PATCH before the closing PUT. */
  private static final int BIG = 12 << 20;

  @TempDir static Path tmp;
  static DistributionRegistry source;
  static byte[] random;

  @BeforeAll
  static void pushWithSkopeo() {
    source = DistributionRegistry.builder().start();
    Images.helloLayout(tmp, "amd64", "amd64\n");
    Path layout = Images.helloLayout(tmp, "arm64", "arm64\n");
    Images.addIndex(layout, "multi");
    Images.push(layout, "multi", source.hostAndPort() + "/it/app:multi", "--all");
    random = new byte[BIG];
    new Random(17).nextBytes(random); // incompressible: the gzipped layer stays this large
    Path big = Images.fileLayout(tmp, "big", "random.bin", random);
    Images.push(big, "big", source.hostAndPort() + "/it/big:1", "--format", "oci");
  }

  @AfterAll
  static void stop() {
    if (source != null) {
      source.close();
    }
  }

  @Test
  void anIndexIsMirroredFromARegistryWhoseBlobsComeFromACdn(@TempDir Path dir) throws Exception {
    try (CdnFront front = CdnFront.builder(source.url()).start();
        DistributionRegistry target = DistributionRegistry.builder().start();
        RegistryClient client = RegistryClient.builder().build()) {

      CopyResult result =
          client
              .copy(front.hostAndPort() + "/it/app:multi", target.hostAndPort() + "/mirror/app:1")
              .allPlatforms()
              .execute();

      String mirrored = "docker://" + target.hostAndPort() + "/mirror/app";
      String original = "docker://" + source.hostAndPort() + "/it/app";
      assertThat(Images.rawManifest(mirrored + ":1"))
          .isEqualTo(Images.rawManifest(original + ":multi"));
      ImageIndex index = (ImageIndex) client.manifest(target.hostAndPort() + "/mirror/app:1");
      for (Descriptor image : index.manifests()) {
        assertThat(Images.rawManifest(mirrored + "@" + image.digest()))
            .isEqualTo(Images.rawManifest(original + "@" + image.digest()));
      }
      assertThat(result.uploaded()).isEqualTo(result.blobs().size());
      assertThat(front.journal().cdn())
          .extracting(RecordedRequest::path)
          .containsExactlyInAnyOrderElementsOf(
              result.blobs().stream().map(b -> "/it/app/blobs/" + b.digest()).toList());
      assertThat(front.journal().cdn())
          .allMatch(r -> r.status() == 200)
          .noneMatch(RecordedRequest::hasAuthorization);
      Path rootfs = Images.copyAndUnpack(mirrored + ":1", dir);
      assertThat(Files.readString(rootfs.resolve("hello.txt"))).isEqualTo("amd64\n");
    }
  }

  @Test
  void aLayerLargerThanAChunkReachesDockerRegistryInChunks(@TempDir Path dir) throws Exception {
    try (DistributionRegistry target = DistributionRegistry.builder().start();
        RegistryClient client = RegistryClient.builder().build()) {

      client.copy(source.hostAndPort() + "/it/big:1", target.hostAndPort() + "/big:1").execute();

      assertThat(AccessLog.of(target))
          .filteredOn(e -> e.isUploadTo("big") && e.method().equals("PATCH"))
          .isNotEmpty()
          .allSatisfy(e -> assertThat(e.status()).isEqualTo(202));
      String copied = "docker://" + target.hostAndPort() + "/big:1";
      assertThat(Images.rawManifest(copied))
          .isEqualTo(Images.rawManifest("docker://" + source.hostAndPort() + "/it/big:1"));
      Path rootfs = Images.copyAndUnpack(copied, dir);
      assertThat(Digest.sha256(Files.readAllBytes(rootfs.resolve("random.bin"))))
          .isEqualTo(Digest.sha256(random));
    }
  }

  @Test
  void aCopyThroughUploadFaultsCommitsEveryBlobUnderItsDigest(@TempDir Path dir) throws Exception {
    try (TestRegistry target =
            TestRegistry.builder()
                .faults(
                    Fault.tooManyRequests(Duration.ZERO).on("/blobs/uploads/").method("POST"),
                    Fault.status(503).on("/blobs/uploads/").method("PATCH"),
                    Fault.cutUploadAfter(1 << 20).method("PATCH"),
                    Fault.status(502).on("/blobs/uploads/").method("PUT"),
                    Fault.loseUploadSession().method("PUT"),
                    Fault.status(500).on("/manifests/").method("PUT"))
                .start();
        RegistryClient client =
            RegistryClient.builder()
                .registry(
                    target.hostAndPort(),
                    RegistrySettings.defaults()
                        .withRetries(
                            Retries.of(10, Duration.ofSeconds(60))
                                .withFirstBackoff(Duration.ofMillis(5))))
                .build()) {

      CopyResult result =
          client
              .copy(source.hostAndPort() + "/it/big:1", target.hostAndPort() + "/big:1")
              .execute();

      target.assertFaultsFired();
      assertThat(target.uploads())
          .filteredOn(u -> u.state() == Upload.State.COMMITTED)
          .extracting(u -> u.digest().orElseThrow())
          .containsExactlyInAnyOrderElementsOf(
              result.blobs().stream().map(CopiedBlob::digest).toList());
      assertThat(target.uploads()).extracting(Upload::state).contains(Upload.State.LOST);
      assertThat(target.uploads())
          .flatExtracting(Upload::steps)
          .anySatisfy(s -> assertThat(s.status()).isEqualTo(-1)) // the cut PATCH
          .anySatisfy( // resumed where it was cut
              s ->
                  assertThat(s)
                      .extracting(Upload.Step::method, Upload.Step::offset)
                      .containsExactly("PATCH", (long) (1 << 20)));
      assertThat(result.blobs()).extracting(CopiedBlob::retries).anyMatch(n -> n > 0);
      // skopeo reads the test registry through a CdnFront: its port hangs up on TLS at once, so
      // skopeo falls back to http without waiting for its 10 s handshake timeout
      try (CdnFront reader = CdnFront.builder(target.url()).start()) {
        String copied = "docker://" + reader.hostAndPort() + "/big:1";
        assertThat(Images.rawManifest(copied))
            .isEqualTo(Images.rawManifest("docker://" + source.hostAndPort() + "/it/big:1"));
        // skopeo verifies every blob's digest as it copies; umoci unpacks the layer
        Path rootfs = Images.copyAndUnpack(copied, dir);
        assertThat(Digest.sha256(Files.readAllBytes(rootfs.resolve("random.bin"))))
            .isEqualTo(Digest.sha256(random));
      }
    }
  }
}
