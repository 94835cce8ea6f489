package dev.registryclient.oci.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.registryclient.api.ImageReference;
import dev.registryclient.api.client.CopyEvent;
import dev.registryclient.api.client.CopyResult;
import dev.registryclient.api.client.PullEvent;
import dev.registryclient.api.client.PullResult;
import dev.registryclient.api.client.PulledBlob;
import dev.registryclient.api.client.RegistryClient;
import dev.registryclient.api.client.RegistrySettings;
import dev.registryclient.api.config.MirrorRule;
import dev.registryclient.api.config.PullFromMirror;
import dev.registryclient.api.config.RegistryConfig;
import dev.registryclient.api.config.RegistryRule;
import dev.registryclient.api.exception.NotFoundException;
import dev.registryclient.api.exception.RegistryClientException;
import dev.registryclient.api.exception.SourcesFailedException;
import dev.registryclient.core.store.MemoryBlobStore;
import dev.registryclient.testkit.Fault;
import dev.registryclient.testkit.PushedImage;
import dev.registryclient.testkit.TestRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Mirrors from a registry configuration: which source serves what, failover, and what is reported.
 * The "primary" {@code registry.redhat.io} does not resolve here (unit tests resolve names from a
 * loopback-only hosts file), so any attempt to reach it fails at once without leaving the machine.
 */
class ClientMirrorTest {
  private static final String PRIMARY = "registry.redhat.io";

  private static RegistryClient client(RegistryConfig config) {
    return RegistryClient.builder()
        .registryConfig(config)
        .defaults(
            RegistrySettings.defaults()
                .withConnectTimeout(Duration.ofMillis(500))
                .withRetries(
                    dev.registryclient.api.client.Retries.of(3, Duration.ofSeconds(20))
                        .withFirstBackoff(Duration.ofMillis(10))))
        .build();
  }

  private static RegistryConfig mirrors(MirrorRule... mirrors) {
    return RegistryConfig.of(List.of(RegistryRule.mirrored(PRIMARY, mirrors)));
  }

  private static MirrorRule mirror(TestRegistry registry, PullFromMirror kind) {
    return new MirrorRule(registry.hostAndPort(), false, kind);
  }

  private static ImageReference primary(PushedImage image, boolean byDigest) {
    return ImageReference.parse(
        PRIMARY + "/" + image.repository() + (byDigest ? "@" + image.digest() : ":" + image.tag()));
  }

  @Test
  void aDigestOnlyMirrorServesAPullByDigestAndThePrimaryIsNeverAsked() {
    try (TestRegistry mirror = TestRegistry.builder().start();
        RegistryClient client = client(mirrors(mirror(mirror, PullFromMirror.DIGEST_ONLY)))) {
      PushedImage image = mirror.image("ubi9/ubi").layer(3000).push("9.4");

      PullResult result = client.pull(primary(image, true)).into(new MemoryBlobStore()).execute();

      assertThat(result.manifest().digest()).isEqualTo(image.digest());
      assertThat(result.source().mirror()).isTrue();
      assertThat(result.source().reference().registry()).isEqualTo(mirror.hostAndPort());
      assertThat(result.blobs())
          .allSatisfy(
              b -> assertThat(b.source()).hasValueSatisfying(s -> assertThat(s.mirror()).isTrue()));
    }
  }

  @Test
  void aDigestOnlyMirrorIsNeverAskedForATagAndTheErrorNamesThePrimaryAndTheSkippedMirror() {
    try (TestRegistry mirror = TestRegistry.builder().start();
        RegistryClient client = client(mirrors(mirror(mirror, PullFromMirror.DIGEST_ONLY)))) {
      PushedImage image = mirror.image("ubi9/ubi").layer(3000).push("9.4");

      SourcesFailedException e =
          catchThrowableOfType(
              SourcesFailedException.class,
              () -> client.pull(primary(image, false)).into(new MemoryBlobStore()).execute());

      assertThat(e.failures()).hasSize(1);
      assertThat(e.failures().get(0).getMessage()).contains(PRIMARY);
      assertThat(e.notTried())
          .containsExactly(
              "mirror "
                  + mirror.hostAndPort()
                  + "/ubi9/ubi:9.4, which serves pulls by digest only");
      assertThat(e.getMessage())
          .contains(PRIMARY + "/ubi9/ubi:9.4: ")
          .contains("not tried: mirror " + mirror.hostAndPort() + "/ubi9/ubi:9.4");
      assertThat(mirror.journal().registry()).isEmpty();
    }
  }

  @Test
  void aTagTheRegistryDoesNotHaveIsStillNotFoundWhenADigestOnlyMirrorWasSkipped() {
    try (TestRegistry registry = TestRegistry.builder().start();
        TestRegistry mirror = TestRegistry.builder().start();
        RegistryClient client =
            client(
                RegistryConfig.of(
                    List.of(
                        new RegistryRule(
                            PRIMARY,
                            Optional.of(registry.hostAndPort()),
                            false,
                            false,
                            List.of(mirror(mirror, PullFromMirror.DIGEST_ONLY))))))) {
      NotFoundException e =
          catchThrowableOfType(
              NotFoundException.class,
              () -> client.manifest(ImageReference.parse(PRIMARY + "/app:missing")));

      assertThat(e.getMessage())
          .contains(registry.hostAndPort() + "/app:missing")
          .contains("not tried: mirror " + mirror.hostAndPort() + "/app:missing");
      assertThat(mirror.journal().registry()).isEmpty();
    }
  }

  @Test
  void aTagPulledFromAMirrorIsFetchedByDigestFromThatMirrorForEverythingElse() {
    try (TestRegistry first = TestRegistry.builder().start();
        TestRegistry second = TestRegistry.builder().start();
        RegistryClient client =
            client(
                mirrors(
                    mirror(first, PullFromMirror.ALL),
                    mirror(second, PullFromMirror.DIGEST_ONLY)))) {
      PushedImage image = first.image("app").layer(5000).push("1.0");
      second.image("app").layer(5000).push("1.0"); // a copy it would serve too

      PullResult result = client.pull(primary(image, false)).into(new MemoryBlobStore()).execute();

      assertThat(result.source().reference().registry()).isEqualTo(first.hostAndPort());
      assertThat(second.journal().registry()).isEmpty();
      assertThat(first.journal().matching("GET", "/blobs/")).isNotEmpty();
    }
  }

  @Test
  void failoverPastARefusingMirrorAndAMirrorWhoseCdnIsABlackHole() {
    try (TestRegistry dead = TestRegistry.builder().start();
        TestRegistry blackHole =
            TestRegistry.builder()
                .cdnRedirects(Duration.ofMinutes(5))
                .faults(Fault.cdnConnectTimeout().always())
                .start();
        TestRegistry working = TestRegistry.builder().start()) {
      String deadPort = dead.hostAndPort();
      dead.close(); // nothing listens there any more: connection refused
      PushedImage image = working.image("app").layer(20_000).push("1.0");
      blackHole.image("app").layer(20_000).push("1.0");
      RegistryConfig config =
          RegistryConfig.of(
              List.of(
                  new RegistryRule(
                      PRIMARY,
                      Optional.of(working.hostAndPort()),
                      false,
                      false,
                      List.of(
                          new MirrorRule(deadPort, false, PullFromMirror.ALL),
                          mirror(blackHole, PullFromMirror.ALL)))));
      List<PullEvent> events = new CopyOnWriteArrayList<>();
      try (RegistryClient client = client(config)) {
        PullResult result =
            client
                .pull(primary(image, false))
                .into(new MemoryBlobStore())
                .onProgress(events::add)
                .execute();

        assertThat(result.manifest().digest()).isEqualTo(image.digest());
        // the black hole's registry served the manifest; its CDN failed, so every blob came from
        // the next source that has it by digest
        assertThat(result.source().reference().registry()).isEqualTo(blackHole.hostAndPort());
        assertThat(result.blobs())
            .allSatisfy(
                b ->
                    assertThat(b.source())
                        .hasValueSatisfying(
                            s ->
                                assertThat(s.reference().registry())
                                    .isEqualTo(working.hostAndPort())));
      }
      assertThat(events)
          .filteredOn(PullEvent.SourceFailed.class::isInstance)
          .map(e -> ((PullEvent.SourceFailed) e).source())
          .anyMatch(s -> s.contains(deadPort));
    }
  }

  @Test
  void aSourceThatFailedIsAskedLastForTheRestOfAPullOrCopyNotFirstForEveryBlob() {
    try (TestRegistry failing =
            TestRegistry.builder().faults(Fault.status(500).on("/manifests/").always()).start();
        TestRegistry blackHole =
            TestRegistry.builder()
                .cdnRedirects(Duration.ofMinutes(5))
                .faults(Fault.cdnConnectTimeout().always())
                .start();
        TestRegistry working = TestRegistry.builder().start();
        TestRegistry target = TestRegistry.builder().start()) {
      PushedImage image =
          working.image("app").layer(1000).layer(2000).layer(3000).layer(4000).push("1.0");
      blackHole.image("app").layer(1000).layer(2000).layer(3000).layer(4000).push("1.0");
      RegistryConfig config =
          mirrors(
              mirror(failing, PullFromMirror.ALL),
              mirror(blackHole, PullFromMirror.ALL),
              mirror(working, PullFromMirror.ALL));
      try (RegistryClient client =
          RegistryClient.builder()
              .registryConfig(config)
              .parallelism(1) // one blob after another: the first failure ranks the rest
              .defaults(
                  RegistrySettings.defaults()
                      .withConnectTimeout(Duration.ofMillis(300))
                      .withRetries(
                          dev.registryclient.api.client.Retries.of(2, Duration.ofSeconds(20))
                              .withFirstBackoff(Duration.ofMillis(10))))
              .build()) {
        PullResult pulled =
            client.pull(primary(image, false)).into(new MemoryBlobStore()).execute();

        assertThat(pulled.source().reference().registry()).isEqualTo(blackHole.hostAndPort());
        assertThat(pulled.blobs()).hasSize(5);
        // the black hole's CDN failed the first blob; the other four went to the working mirror
        assertThat(blobsAskedOf(blackHole)).hasSize(1);
        // the mirror that failed the manifest was not asked for a blob
        assertThat(blobsAskedOf(failing)).isEmpty();

        blackHole.journal().clear();
        failing.journal().clear();
        client
            .copy(primary(image, false), ImageReference.parse(target.hostAndPort() + "/app:1.0"))
            .execute();

        assertThat(blobsAskedOf(blackHole)).hasSize(1);
        assertThat(blobsAskedOf(failing)).isEmpty();
      }
    }
  }

  /** The blobs a registry was asked for (each once, however often it was asked). */
  private static List<String> blobsAskedOf(TestRegistry registry) {
    return registry.journal().registry().stream()
        .map(r -> r.path())
        .filter(p -> p.contains("/blobs/sha256:"))
        .distinct()
        .toList();
  }

  @Test
  void whenEverySourceFailsTheErrorListsEachWithItsOwnFailure() {
    try (TestRegistry dead = TestRegistry.builder().start();
        TestRegistry failing =
            TestRegistry.builder().faults(Fault.status(500).on("/manifests/").always()).start()) {
      String deadPort = dead.hostAndPort();
      dead.close();
      try (RegistryClient client =
          client(
              mirrors(
                  new MirrorRule(deadPort, false, PullFromMirror.ALL),
                  mirror(failing, PullFromMirror.ALL)))) {
        SourcesFailedException e =
            catchThrowableOfType(
                SourcesFailedException.class,
                () -> client.manifest(ImageReference.parse(PRIMARY + "/app:1.0")));

        assertThat(e.failures()).hasSize(3);
        assertThat(e.getMessage())
            .contains("mirror " + deadPort)
            .contains("mirror " + failing.hostAndPort())
            .contains(PRIMARY + "/app:1.0")
            .contains("HTTP 500");
      }
    }
  }

  @Test
  void whenEverySourceSaysNotFoundItIsANotFoundException() {
    try (TestRegistry mirror = TestRegistry.builder().start();
        RegistryClient client =
            client(
                RegistryConfig.of(
                    List.of(
                        new RegistryRule(
                            PRIMARY,
                            Optional.of(mirror.hostAndPort() + "/relocated"),
                            false,
                            false,
                            List.of(mirror(mirror, PullFromMirror.ALL))))))) {
      NotFoundException e =
          catchThrowableOfType(
              NotFoundException.class,
              () -> client.manifest(ImageReference.parse(PRIMARY + "/app:missing")));

      assertThat(e.getMessage()).contains("every source failed").contains("relocated/app:missing");
    }
  }

  @Test
  void aBlockedRegistryIsRefusedWithoutARequest() {
    try (RegistryClient client =
        client(
            RegistryConfig.of(
                List.of(new RegistryRule(PRIMARY, Optional.empty(), false, true, List.of()))))) {
      RegistryClientException e =
          catchThrowableOfType(
              RegistryClientException.class,
              () -> client.resolve(ImageReference.parse(PRIMARY + "/app:1")));

      assertThat(e.getMessage()).contains("blocked");
    }
  }

  @Test
  void inspectTagsAndCopyHonourTheMirrors() {
    try (TestRegistry mirror = TestRegistry.builder().start();
        TestRegistry target = TestRegistry.builder().start();
        RegistryClient client = client(mirrors(mirror(mirror, PullFromMirror.ALL)))) {
      PushedImage image = mirror.image("ubi9/ubi").layer(4000).push("9.4");

      assertThat(client.manifest(primary(image, false)).digest()).isEqualTo(image.digest());
      try (Stream<String> tags = client.tags(ImageReference.parse(PRIMARY + "/ubi9/ubi"))) {
        assertThat(tags).containsExactly("9.4");
      }
      CopyResult copied =
          client
              .copy(primary(image, false), ImageReference.parse(target.hostAndPort() + "/ubi:9.4"))
              .execute();
      assertThat(copied.manifest().digest()).isEqualTo(image.digest());
      assertThat(copied.uploaded()).isEqualTo(2);
    }
  }

  @Test
  void aCopyReportsEachSourceThatFailedBeforeAnotherServed() {
    try (TestRegistry dead = TestRegistry.builder().start();
        TestRegistry mirror = TestRegistry.builder().start();
        TestRegistry target = TestRegistry.builder().start()) {
      String deadPort = dead.hostAndPort();
      dead.close();
      PushedImage image = mirror.image("ubi9/ubi").layer(4000).push("9.4");
      List<CopyEvent> events = new CopyOnWriteArrayList<>();
      try (RegistryClient client =
          client(
              mirrors(
                  new MirrorRule(deadPort, false, PullFromMirror.ALL),
                  mirror(mirror, PullFromMirror.ALL)))) {
        CopyResult copied =
            client
                .copy(
                    primary(image, false), ImageReference.parse(target.hostAndPort() + "/ubi:9.4"))
                .onProgress(events::add)
                .execute();

        assertThat(copied.manifest().digest()).isEqualTo(image.digest());
      }
      assertThat(events)
          .filteredOn(CopyEvent.SourceFailed.class::isInstance)
          .map(e -> (CopyEvent.SourceFailed) e)
          .isNotEmpty()
          .allSatisfy(e -> assertThat(e.source()).startsWith("mirror " + deadPort + "/ubi9/ubi"));
    }
  }

  @Test
  void theReachabilityOfEverySourceIsReportedInTheOrderAPullTriesThem() {
    try (TestRegistry mirror = TestRegistry.builder().start();
        RegistryClient client = client(mirrors(mirror(mirror, PullFromMirror.ALL)))) {
      PushedImage image = mirror.image("app").layer(1000).push("1");

      List<dev.registryclient.api.client.ReachabilityReport> reports =
          client.sourceReachability(primary(image, false));

      assertThat(reports).hasSize(2);
      assertThat(reports.get(0).reference().registry()).isEqualTo(mirror.hostAndPort());
      assertThat(reports.get(0).passed()).isTrue();
      assertThat(reports.get(1).reference().registry()).isEqualTo(PRIMARY);
      assertThat(reports.get(1).passed()).as("the primary does not resolve here").isFalse();
    }
  }

  @Test
  void pulledBlobsNameTheirSourceAndWithoutAConfigurationNothingChanges() {
    try (TestRegistry registry = TestRegistry.builder().start();
        RegistryClient client = RegistryClient.builder().build()) {
      PushedImage image = registry.image("app").layer(1000).push("1");

      PullResult result = client.pull(image.reference()).into(new MemoryBlobStore()).execute();

      assertThat(result.source().mirror()).isFalse();
      assertThat(result.source().reference()).isEqualTo(ImageReference.parse(image.reference()));
      assertThat(result.blobs()).extracting(PulledBlob::host).allMatch(Optional::isPresent);
    }
  }
}
