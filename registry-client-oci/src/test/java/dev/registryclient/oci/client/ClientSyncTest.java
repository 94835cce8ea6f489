package dev.registryclient.oci.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.registryclient.api.ImageReference;
import dev.registryclient.api.client.CopyEvent;
import dev.registryclient.api.client.RegistryClient;
import dev.registryclient.api.client.SyncResult;
import dev.registryclient.api.client.SyncedImage;
import dev.registryclient.testkit.Fault;
import dev.registryclient.testkit.PushedImage;
import dev.registryclient.testkit.TestRegistry;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Syncing a repository's tags, or a list of images, idempotently. */
class ClientSyncTest {

  private static long uploadedBytesRequests(TestRegistry registry) {
    return registry.journal().registry().stream()
        .filter(r -> r.path().contains("/blobs/uploads/"))
        .filter(r -> r.method().equals("PATCH") || r.method().equals("PUT"))
        .count();
  }

  @Test
  void aRepositoryIsSyncedAndASecondRunTransfersNothing() {
    try (TestRegistry source = TestRegistry.builder().start();
        TestRegistry target = TestRegistry.builder().start();
        RegistryClient client = RegistryClient.builder().build()) {
      source.image("ubi9/ubi").layer(3000).push("9.4");
      source.image("ubi9/ubi").layer(4000).push("9.5");
      source.image("ubi9/ubi").layer(5000).push("latest");
      ImageReference from = ImageReference.parse(source.hostAndPort() + "/ubi9/ubi");
      ImageReference to = ImageReference.parse(target.hostAndPort() + "/mirror/ubi");

      SyncResult first = client.sync(from, to).tags(Pattern.compile("9\\.[0-9]+")).execute();

      assertThat(first.copied()).isEqualTo(2);
      assertThat(first.images())
          .extracting(i -> i.target().toString())
          .containsExactlyInAnyOrder(
              target.hostAndPort() + "/mirror/ubi:9.4", target.hostAndPort() + "/mirror/ubi:9.5");
      target.journal().clear();

      List<CopyEvent> events = new java.util.concurrent.CopyOnWriteArrayList<>();
      SyncResult second =
          client
              .sync(from, to)
              .tags(Pattern.compile("9\\.[0-9]+"))
              .onProgress(events::add)
              .execute();

      assertThat(events)
          .filteredOn(CopyEvent.ImageSynced.class::isInstance)
          .map(e -> ((CopyEvent.ImageSynced) e).image().status())
          .containsExactly(SyncedImage.Status.PRESENT, SyncedImage.Status.PRESENT);
      assertThat(second.present()).isEqualTo(2);
      assertThat(second.copied()).isZero();
      assertThat(uploadedBytesRequests(target)).isZero();
      assertThat(target.journal().matching("PUT", "/manifests/")).isEmpty();
    }
  }

  @Test
  void aListOfImagesGoesUnderTheTargetNamespaceAndAFailureDoesNotStopTheOthers() {
    try (TestRegistry source = TestRegistry.builder().start();
        TestRegistry target =
            TestRegistry.builder()
                .faults(Fault.status(400).on("/v2/ns/team/bad/").always())
                .start();
        RegistryClient client = RegistryClient.builder().build()) {
      PushedImage good = source.image("team/good").layer(1000).push("1");
      PushedImage bad = source.image("team/bad").layer(1000).push("1");

      SyncResult result =
          client
              .sync(
                  List.of(
                      ImageReference.parse(bad.reference()),
                      ImageReference.parse(good.reference())),
                  target.hostAndPort() + "/ns")
              .execute();

      assertThat(result.images())
          .extracting(SyncedImage::status)
          .containsExactly(SyncedImage.Status.FAILED, SyncedImage.Status.COPIED);
      assertThat(result.images().get(0).failure()).isPresent();
      assertThat(result.images().get(1).target().toString())
          .isEqualTo(target.hostAndPort() + "/ns/team/good:1");
    }
  }
}
