package dev.registryclient.oci.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.registryclient.api.Digest;
import dev.registryclient.api.ImageReference;
import dev.registryclient.api.Platform;
import dev.registryclient.api.client.CopiedBlob;
import dev.registryclient.api.client.CopyEvent;
import dev.registryclient.api.client.CopyResult;
import dev.registryclient.api.client.RegistryClient;
import dev.registryclient.api.client.RegistrySettings;
import dev.registryclient.api.client.Retries;
import dev.registryclient.api.exception.CancelledException;
import dev.registryclient.api.exception.NotFoundException;
import dev.registryclient.oci.layout.OciLayout;
import dev.registryclient.testkit.Fault;
import dev.registryclient.testkit.PushedBlob;
import dev.registryclient.testkit.PushedImage;
import dev.registryclient.testkit.PushedIndex;
import dev.registryclient.testkit.RecordedRequest;
import dev.registryclient.testkit.TestRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Registry to registry copies and layout pushes, against two in-process registries. */
class ClientCopyTest {
  private static final String ALL_TYPES =
      "application/vnd.oci.image.index.v1+json, application/vnd.oci.image.manifest.v1+json,"
          + " application/vnd.docker.distribution.manifest.v2+json,"
          + " application/vnd.docker.distribution.manifest.list.v2+json";

  @TempDir Path dir;

  private static RegistryClient client(TestRegistry... registries) {
    var builder = RegistryClient.builder();
    for (TestRegistry r : registries) {
      builder.registry(
          r.hostAndPort(),
          RegistrySettings.defaults()
              .withRetries(
                  Retries.of(5, Duration.ofSeconds(30)).withFirstBackoff(Duration.ofMillis(5))));
    }
    return builder.build();
  }

  /** The raw manifest a registry serves for {@code repository:reference}. */
  private static byte[] raw(TestRegistry registry, String repository, String reference)
      throws Exception {
    HttpResponse<byte[]> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(
                            registry.url() + "/v2/" + repository + "/manifests/" + reference))
                    .header("Accept", ALL_TYPES)
                    .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    assertThat(r.statusCode()).as("%s:%s at %s", repository, reference, registry).isEqualTo(200);
    return r.body();
  }

  private static List<RecordedRequest> blobBodies(TestRegistry registry) {
    return registry.journal().registry().stream()
        .filter(r -> r.path().contains("/blobs/uploads/"))
        .filter(r -> r.method().equals("PATCH") || r.method().equals("PUT"))
        .toList();
  }

  private static ImageReference at(TestRegistry registry, String repositoryAndTag) {
    return ImageReference.parse(registry.hostAndPort() + "/" + repositoryAndTag);
  }

  @Test
  void anImageIsCopiedByteForByteToAnotherRegistry() throws Exception {
    try (TestRegistry source = TestRegistry.builder().start();
        TestRegistry target = TestRegistry.builder().start();
        RegistryClient client = client(source, target)) {
      PushedImage image = source.image("team/app").layer(300_000).layer(20_000).push("1.0");
      List<CopyEvent> events = new CopyOnWriteArrayList<>();

      CopyResult result =
          client
              .copy(ImageReference.parse(image.reference()), at(target, "mirror/app:1.0"))
              .onProgress(events::add)
              .execute();

      assertThat(raw(target, "mirror/app", "1.0")).isEqualTo(image.manifest());
      assertThat(result.manifest().digest()).isEqualTo(image.digest());
      assertThat(result.rewritten()).isFalse();
      assertThat(result.uploaded()).isEqualTo(3);
      assertThat(result.bytesUploaded()).isEqualTo(image.config().size() + 300_000 + 20_000);
      for (PushedBlob layer : image.layers()) {
        assertThat(target.containsBlob(layer.digest())).isTrue();
      }
      assertThat(events).first().isInstanceOf(CopyEvent.Resolved.class);
      assertThat(events).last().isInstanceOf(CopyEvent.Finished.class);
      assertThat(events).filteredOn(CopyEvent.ManifestPushed.class::isInstance).hasSize(1);
    }
  }

  @Test
  void aCopyWithinOneRegistryMountsAndUploadsNoBytes() throws Exception {
    try (TestRegistry registry = TestRegistry.builder().start();
        RegistryClient client = client(registry)) {
      PushedImage image = registry.image("team/app").layer(200_000).push("1.0");

      CopyResult result =
          client
              .copy(ImageReference.parse(image.reference()), at(registry, "prod/app:1.0"))
              .execute();

      assertThat(result.mounted()).isEqualTo(2);
      assertThat(result.uploaded()).isZero();
      assertThat(blobBodies(registry)).isEmpty();
      assertThat(raw(registry, "prod/app", "1.0")).isEqualTo(image.manifest());
    }
  }

  @Test
  void aSecondCopySendsNothingItHasAlready() {
    try (TestRegistry source = TestRegistry.builder().start();
        TestRegistry target = TestRegistry.builder().start();
        RegistryClient client = client(source, target)) {
      PushedImage image = source.image("team/app").layer(100_000).push("1.0");
      client.copy(ImageReference.parse(image.reference()), at(target, "app:1.0")).execute();
      target.journal().clear();

      CopyResult again =
          client.copy(ImageReference.parse(image.reference()), at(target, "app:1.0")).execute();

      assertThat(again.skipped()).isEqualTo(2);
      assertThat(blobBodies(target)).isEmpty();
    }
  }

  @Test
  void aBlobSeenInOneRepositoryIsMountedIntoTheNextOneOfThatRegistry() {
    try (TestRegistry source = TestRegistry.builder().start();
        TestRegistry target = TestRegistry.builder().start();
        RegistryClient client = client(source, target)) {
      PushedImage image = source.image("team/app").layer(100_000).push("1.0");
      client.copy(ImageReference.parse(image.reference()), at(target, "one/app:1.0")).execute();
      target.journal().clear();

      CopyResult second =
          client.copy(ImageReference.parse(image.reference()), at(target, "two/app:1.0")).execute();

      assertThat(second.mounted()).isEqualTo(2);
      assertThat(blobBodies(target)).isEmpty();
    }
  }

  @Test
  void allPlatformsKeepsTheIndexAndEveryChildByteForByte() throws Exception {
    try (TestRegistry source = TestRegistry.builder().start();
        TestRegistry target = TestRegistry.builder().start();
        RegistryClient client = client(source, target)) {
      PushedIndex index =
          source
              .index("team/multi")
              .add(source.image("team/multi").platform("linux", "amd64").layer(5000))
              .add(source.image("team/multi").platform("linux", "arm64").layer(6000))
              .withAttestations()
              .push("2.0");

      CopyResult result =
          client
              .copy(ImageReference.parse(index.reference()), at(target, "multi:2.0"))
              .allPlatforms()
              .execute();

      assertThat(raw(target, "multi", "2.0")).isEqualTo(index.manifest());
      assertThat(result.rewritten()).isFalse();
      for (PushedImage image : index.images()) {
        assertThat(raw(target, "multi", image.digest().toString())).isEqualTo(image.manifest());
      }
    }
  }

  @Test
  void aSubsetOfPlatformsIsCopiedUnderARewrittenIndexAndOnlyItsDigestChanges() throws Exception {
    try (TestRegistry source = TestRegistry.builder().start();
        TestRegistry target = TestRegistry.builder().start();
        RegistryClient client = client(source, target)) {
      PushedIndex index =
          source
              .index("team/multi")
              .add(source.image("team/multi").platform("linux", "amd64").layer(5000))
              .add(source.image("team/multi").platform("linux", "arm64").layer(6000))
              .add(source.image("team/multi").platform("linux", "s390x").layer(7000))
              .push("2.0");

      CopyResult result =
          client
              .copy(ImageReference.parse(index.reference()), at(target, "multi:2.0"))
              .platforms(Set.of(Platform.parse("linux/amd64"), Platform.parse("linux/arm64")))
              .execute();

      assertThat(result.rewritten()).isTrue();
      assertThat(result.sourceManifest().digest()).isEqualTo(index.digest());
      byte[] written = raw(target, "multi", "2.0");
      assertThat(Digest.sha256(written)).isEqualTo(result.manifest().digest());
      String json = new String(written, java.nio.charset.StandardCharsets.UTF_8);
      PushedImage amd = index.image("linux", "amd64");
      PushedImage s390 = index.image("linux", "s390x");
      assertThat(json).contains(amd.digest().toString()).doesNotContain(s390.digest().toString());
      assertThat(raw(target, "multi", amd.digest().toString())).isEqualTo(amd.manifest());
      assertThat(target.containsBlob(s390.layers().get(0).digest())).isFalse();
    }
  }

  @Test
  void byDefaultTheTagNamesThisPlatformsImageAsSkopeoDoes() throws Exception {
    try (TestRegistry source = TestRegistry.builder().start();
        TestRegistry target = TestRegistry.builder().start();
        RegistryClient client = client(source, target)) {
      PushedIndex index =
          source
              .index("team/multi")
              .add(source.image("team/multi").platform("linux", "amd64").layer(5000))
              .add(source.image("team/multi").platform("linux", "arm64").layer(6000))
              .push("2.0");

      CopyResult result =
          client
              .copy(ImageReference.parse(index.reference()), at(target, "multi:2.0"))
              .platform(Platform.parse("linux/arm64"))
              .execute();

      PushedImage arm = index.image("linux", "arm64");
      assertThat(raw(target, "multi", "2.0")).isEqualTo(arm.manifest());
      assertThat(result.manifest().digest()).isEqualTo(arm.digest());
      assertThat(result.rewritten()).isFalse();
    }
  }

  @Test
  void aLayoutIsPushedWithItsDigestsKept() throws Exception {
    try (TestRegistry source = TestRegistry.builder().start();
        TestRegistry target = TestRegistry.builder().start();
        RegistryClient client = client(source, target)) {
      PushedImage image = source.image("team/app").layer(70_000).push("1.0");
      OciLayout layout = OciLayout.at(dir);
      client.pull(image.reference()).into(layout).execute();

      CopyResult result = client.push(layout.image("1.0"), at(target, "pushed/app:1.0")).execute();

      byte[] pushed = raw(target, "pushed/app", "1.0");
      assertThat(Digest.sha256(pushed)).isEqualTo(result.manifest().digest());
      assertThat(result.uploaded()).isEqualTo(2);
      for (PushedBlob layer : image.layers()) {
        assertThat(target.containsBlob(layer.digest())).isTrue();
      }
    }
  }

  @Test
  void uploadFailuresAtTheTargetAreRetriedAndTheCopySucceeds() throws Exception {
    try (TestRegistry source = TestRegistry.builder().start();
        TestRegistry target =
            TestRegistry.builder()
                .faults(
                    Fault.status(503).on("/blobs/uploads/").method("PATCH").times(1),
                    Fault.status(502).on("/blobs/uploads/").method("PUT").times(1),
                    Fault.status(500).on("/manifests/").method("PUT").times(1))
                .start();
        RegistryClient client = client(source, target)) {
      PushedImage image = source.image("team/app").layer(9 << 20).push("1.0");

      CopyResult result =
          client.copy(ImageReference.parse(image.reference()), at(target, "app:1.0")).execute();

      assertThat(raw(target, "app", "1.0")).isEqualTo(image.manifest());
      // one retry per blob fault; which blob meets which fault depends on the order of uploads
      assertThat(result.blobs().stream().mapToInt(CopiedBlob::retries).sum()).isEqualTo(2);
    }
  }

  @Test
  void copiesSurviveCutUploadsLostSessionsRateLimitsAndACutDownload() throws Exception {
    byte[] layer = new byte[20 << 20];
    new java.util.Random(3).nextBytes(layer);
    try (TestRegistry source =
            TestRegistry.builder()
                .cdnRedirects(Duration.ofMinutes(5))
                .faults(Fault.resetAfter(3 << 20).onBlob(Digest.sha256(layer)).times(1))
                .start();
        TestRegistry target =
            TestRegistry.builder()
                .faults(
                    Fault.tooManyRequests(Duration.ofSeconds(0))
                        .on("/blobs/uploads/")
                        .method("POST")
                        .times(1),
                    Fault.cutUploadAfter(5 << 20).method("PATCH").times(1),
                    Fault.loseUploadSession().method("PATCH").times(1))
                .start();
        RegistryClient client = client(source, target)) {
      PushedImage image = source.image("team/app").layer(layer).push("1.0");

      CopyResult result =
          client.copy(ImageReference.parse(image.reference()), at(target, "app:1.0")).execute();

      assertThat(raw(target, "app", "1.0")).isEqualTo(image.manifest());
      assertThat(target.containsBlob(Digest.sha256(layer))).isTrue();
      assertThat(source.unusedFaults()).isEmpty();
      assertThat(target.unusedFaults()).isEmpty();
      assertThat(result.blobs()).extracting(CopiedBlob::retries).anyMatch(n -> n >= 2);
    }
  }

  @Test
  void theMirrorJobTokenAuthAndACdnAtTheSourceTokenAuthWithPushAtTheTarget() throws Exception {
    try (TestRegistry source =
            TestRegistry.builder()
                .tokenAuth("reader", "r-secret")
                .cdnRedirects(Duration.ofMinutes(5))
                .start();
        TestRegistry target =
            TestRegistry.builder()
                .tokenAuth()
                .user("mirror", "m-secret")
                .grant("mirror", "ocp/*", "pull", "push")
                .start();
        RegistryClient client =
            RegistryClient.builder()
                .credentials(
                    source.hostAndPort(),
                    dev.registryclient.api.auth.Credentials.usernamePassword(
                        "reader", dev.registryclient.api.auth.Secret.of("r-secret")))
                .credentials(
                    target.hostAndPort(),
                    dev.registryclient.api.auth.Credentials.usernamePassword(
                        "mirror", dev.registryclient.api.auth.Secret.of("m-secret")))
                .build()) {
      PushedImage image = source.image("ubi9/ubi").layer(200_000).push("9.4");

      CopyResult result =
          client.copy(ImageReference.parse(image.reference()), at(target, "ocp/ubi:9.4")).execute();

      assertThat(result.uploaded()).isEqualTo(2);
      assertThat(source.journal().cdn()).isNotEmpty().noneMatch(RecordedRequest::hasAuthorization);
      assertThat(target.containsBlob(image.layers().get(0).digest())).isTrue();
    }
  }

  @Test
  void aMissingSourceFailsNamingItAndWritesNothing() {
    try (TestRegistry source = TestRegistry.builder().start();
        TestRegistry target = TestRegistry.builder().start();
        RegistryClient client = client(source, target)) {
      assertThatThrownBy(
              () -> client.copy(at(source, "team/none:1"), at(target, "app:1")).execute())
          .isInstanceOf(NotFoundException.class)
          .hasMessageContaining("team/none:1");
      assertThat(target.journal().registry()).noneMatch(r -> r.method().equals("PUT"));
    }
  }

  @Test
  void aCopyPastItsDeadlineWritesNoTag() {
    byte[] big = new byte[400_000];
    try (TestRegistry source =
            TestRegistry.builder()
                .faults(Fault.slowBody(50_000).on("/blobs/" + Digest.sha256(big)).always())
                .start();
        TestRegistry target = TestRegistry.builder().start();
        RegistryClient client = client(source, target)) {
      PushedImage image = source.image("team/app").layer(big).push("1.0");

      assertThatThrownBy(
              () ->
                  client
                      .copy(ImageReference.parse(image.reference()), at(target, "app:1.0"))
                      .deadline(Duration.ofMillis(500))
                      .execute())
          .isInstanceOf(CancelledException.class)
          .hasMessageContaining("deadline");
      assertThat(target.journal().matching("PUT", "/manifests/")).isEmpty();
    }
  }
}
