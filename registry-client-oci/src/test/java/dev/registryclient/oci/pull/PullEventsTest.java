package dev.registryclient.oci.pull;

import static org.assertj.core.api.Assertions.assertThat;

import dev.registryclient.api.client.PullEvent;
import dev.registryclient.api.client.PullResult;
import dev.registryclient.api.client.PullTarget;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class PullEventsTest extends EngineFixture {

  @Test
  void progressAddsUpToTheTotalAndEveryBlobStartsAndFinishes() {
    images.randomImage("1.0", 5, 300_000);
    List<PullEvent> events = new CopyOnWriteArrayList<>();

    PullResult result =
        pull("1.0", PullOptions.into(PullTarget.of(memoryStore())).withListener(events::add));

    PullEvent.Resolved resolved = (PullEvent.Resolved) events.get(0);
    assertThat(resolved.totalBytes()).isEqualTo(result.totalBytes());
    long progress =
        events.stream()
            .filter(e -> e instanceof PullEvent.BlobProgress)
            .mapToLong(e -> ((PullEvent.BlobProgress) e).delta())
            .sum();
    assertThat(progress).isEqualTo(result.totalBytes());
    assertThat(events.stream().filter(e -> e instanceof PullEvent.BlobStarted)).hasSize(6);
    assertThat(events.stream().filter(e -> e instanceof PullEvent.BlobDone)).hasSize(6);
    assertThat(events.get(events.size() - 1)).isEqualTo(new PullEvent.Finished(result));
  }

  @Test
  void aWarmPullReportsEveryBlobAsSkipped() {
    images.randomImage("1.0", 2, 100);
    var store = memoryStore();
    pull("1.0", store);
    List<PullEvent> events = new CopyOnWriteArrayList<>();

    pull("1.0", PullOptions.into(PullTarget.of(store)).withListener(events::add));

    assertThat(events.stream().filter(e -> e instanceof PullEvent.BlobSkipped)).hasSize(3);
    assertThat(events).noneMatch(e -> e instanceof PullEvent.BlobStarted);
  }

  @Test
  void aListenerThatThrowsDoesNotBreakThePull() {
    images.randomImage("1.0", 2, 100);

    PullResult result =
        pull(
            "1.0",
            PullOptions.into(PullTarget.of(memoryStore()))
                .withListener(
                    e -> {
                      throw new IllegalStateException("listener bug");
                    }));

    assertThat(result.blobs()).hasSize(3);
  }
}
