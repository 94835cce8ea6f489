package dev.registryclient.oci.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.registryclient.api.Digest;
import dev.registryclient.api.client.PullEvent;
import dev.registryclient.api.client.PullResult;
import dev.registryclient.api.client.PulledBlob;
import dev.registryclient.api.client.RegistryClient;
import dev.registryclient.api.client.RegistrySettings;
import dev.registryclient.api.client.Retries;
import dev.registryclient.api.exception.TransportException;
import dev.registryclient.core.store.MemoryBlobStore;
import dev.registryclient.testkit.Fault;
import dev.registryclient.testkit.PushedImage;
import dev.registryclient.testkit.RecordedRequest;
import dev.registryclient.testkit.TestRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * One retry budget per blob: the transport's retries and the body's resumes share it, the pull
 * engine never multiplies it, and the result and the events say what really happened.
 */
class ClientFailureBudgetTest {
  private static final byte[] LAYER = random(300_000);
  private static final Digest LAYER_DIGEST = Digest.sha256(LAYER);

  private static byte[] random(int size) {
    byte[] b = new byte[size];
    new Random(7).nextBytes(b);
    return b;
  }

  private static RegistryClient client(TestRegistry registry, Retries retries) {
    return RegistryClient.builder()
        .registry(
            registry.hostAndPort(),
            RegistrySettings.defaults()
                .withRetries(retries)
                .withConnectTimeout(Duration.ofMillis(500)))
        .build();
  }

  private static Retries quick(int attempts) {
    return Retries.of(attempts, Duration.ofSeconds(30)).withFirstBackoff(Duration.ofMillis(5));
  }

  /**
   * The blob GETs that reached the registry itself. The config blob comes first and fails, so the
   * pull ends before any layer starts.
   */
  private static List<RecordedRequest> blobGets(TestRegistry registry) {
    return registry.journal().registry().stream()
        .filter(r -> r.method().equals("GET") && r.path().contains("/blobs/"))
        .toList();
  }

  @Test
  void aRefusingCdnGetsThreeAttemptsInAllAndTheMessageSaysSo() {
    try (TestRegistry registry =
            TestRegistry.builder()
                .cdnRedirects(Duration.ofMinutes(5))
                .faults(Fault.cdnRefused().always())
                .start();
        RegistryClient client = client(registry, quick(5))) {
      PushedImage image = registry.image("team/app").layer(LAYER).push("1.0");

      TransportException e =
          catchThrowableOfType(
              TransportException.class,
              () -> client.pull(image.reference()).into(new MemoryBlobStore()).execute());

      assertThat(e.getMessage())
          .contains("refused")
          .contains("(redirected from " + registry.hostAndPort() + ")")
          .contains("gave up after 3 attempts in ")
          .contains("allow it through your firewall or proxy");
      // 3, not 3 engine attempts x 5 transport attempts as before
      assertThat(blobGets(registry)).hasSize(3);
    }
  }

  @Test
  void noRetriesMeansOneAttempt() {
    try (TestRegistry registry =
            TestRegistry.builder()
                .cdnRedirects(Duration.ofMinutes(5))
                .faults(Fault.cdnRefused().always())
                .start();
        RegistryClient client = client(registry, Retries.none())) {
      PushedImage image = registry.image("team/app").layer(LAYER).push("1.0");

      TransportException e =
          catchThrowableOfType(
              TransportException.class,
              () -> client.pull(image.reference()).into(new MemoryBlobStore()).execute());

      assertThat(e.getMessage()).contains("refused").doesNotContain("gave up after");
      assertThat(blobGets(registry)).hasSize(1);
    }
  }

  @Test
  void aCdnThatNeverAcceptsTheConnectionIsTriedThreeTimesNotFifteen() {
    try (TestRegistry registry =
            TestRegistry.builder()
                .cdnRedirects(Duration.ofMinutes(5))
                .faults(Fault.cdnConnectTimeout().always())
                .start();
        RegistryClient client = client(registry, quick(5))) {
      PushedImage image = registry.image("team/app").layer(LAYER).push("1.0");

      TransportException e =
          catchThrowableOfType(
              TransportException.class,
              () -> client.pull(image.reference()).into(new MemoryBlobStore()).execute());

      assertThat(e.getMessage())
          .contains("timed out")
          .contains("gave up after 3 attempts in ")
          .contains("allow it through your firewall or proxy");
      assertThat(blobGets(registry)).hasSize(3);
    }
  }

  @Test
  void rangeResumesCountAsRetriesAndAreReportedAsEvents() {
    try (TestRegistry registry =
            TestRegistry.builder()
                .faults(Fault.disconnectAfter(100_000).on("/blobs/" + LAYER_DIGEST).times(2))
                .start();
        RegistryClient client = client(registry, quick(5))) {
      PushedImage image = registry.image("team/app").layer(LAYER).push("1.0");
      List<PullEvent> events = new CopyOnWriteArrayList<>();

      PullResult result =
          client
              .pull(image.reference())
              .into(new MemoryBlobStore())
              .onProgress(events::add)
              .execute();

      assertThat(result.blobs())
          .filteredOn(b -> b.digest().equals(LAYER_DIGEST))
          .singleElement()
          .extracting(PulledBlob::retries)
          .isEqualTo(2);
      assertThat(events)
          .filteredOn(PullEvent.Resumed.class::isInstance)
          .map(PullEvent.Resumed.class::cast)
          .extracting(PullEvent.Resumed::digest, PullEvent.Resumed::attempt)
          .containsExactly(
              org.assertj.core.api.Assertions.tuple(LAYER_DIGEST, 2),
              org.assertj.core.api.Assertions.tuple(LAYER_DIGEST, 3));
      assertThat(events)
          .filteredOn(PullEvent.Resumed.class::isInstance)
          .map(ev -> ((PullEvent.Resumed) ev).offset())
          .allMatch(offset -> offset > 0 && offset < LAYER.length);
      // no progress was taken back: the bytes reported add up to the layer once
      long reported =
          events.stream()
              .filter(
                  ev -> ev instanceof PullEvent.BlobProgress p && p.digest().equals(LAYER_DIGEST))
              .mapToLong(ev -> ((PullEvent.BlobProgress) ev).delta())
              .sum();
      assertThat(reported).isEqualTo(LAYER.length);
    }
  }

  @Test
  void aRetriedBlobRequestCountsAndIsReported() {
    try (TestRegistry registry =
            TestRegistry.builder()
                .faults(Fault.status(503).on("/blobs/" + LAYER_DIGEST).method("GET").times(1))
                .start();
        RegistryClient client = client(registry, quick(5))) {
      PushedImage image = registry.image("team/app").layer(LAYER).push("1.0");
      List<PullEvent> events = new CopyOnWriteArrayList<>();

      PullResult result =
          client
              .pull(image.reference())
              .into(new MemoryBlobStore())
              .onProgress(events::add)
              .execute();

      assertThat(result.blobs())
          .filteredOn(b -> b.digest().equals(LAYER_DIGEST))
          .singleElement()
          .extracting(PulledBlob::retries)
          .isEqualTo(1);
      assertThat(events).contains(new PullEvent.Retrying(LAYER_DIGEST, 2, "HTTP 503"));
    }
  }
}
