package dev.registryclient.api.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.registryclient.api.Descriptor;
import dev.registryclient.api.Digest;
import dev.registryclient.api.ImageReference;
import dev.registryclient.api.MediaType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PullResultTest {
  private static Digest digest(String s) {
    return Digest.sha256(s.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void totalsCountDownloadedAndSkippedBlobsApart() {
    PulledBlob fetched =
        new PulledBlob(digest("a"), 100, Optional.of("cdn.example"), Duration.ofMillis(5), 2);
    PulledBlob present = PulledBlob.skipped(digest("b"), 40);
    PullResult r =
        new PullResult(
            ImageReference.parse("r.example/app:1"),
            Descriptor.of(MediaType.OCI_MANIFEST, digest("m"), 10),
            Optional.empty(),
            List.of(fetched, present),
            Duration.ofMillis(9));

    assertThat(r.bytesDownloaded()).isEqualTo(100);
    assertThat(r.totalBytes()).isEqualTo(140);
    assertThat(r.retries()).isEqualTo(2);
    assertThat(fetched.downloaded()).isTrue();
    assertThat(present.downloaded()).isFalse();
  }

  @Test
  void diffIdsNotCheckedListsOnlyLayersPassedThroughUnchecked() {
    PulledBlob config = PulledBlob.skipped(digest("config"), 10);
    PulledBlob verified =
        PulledBlob.skipped(digest("a"), 100)
            .withDiffIdCheck(DiffIdCheck.verified(digest("a-tar"), "gzip"));
    PulledBlob lazy =
        PulledBlob.skipped(digest("b"), 100).withDiffIdCheck(DiffIdCheck.notChecked("eStargz"));
    PullResult r =
        new PullResult(
            ImageReference.parse("r.example/app:1"),
            Descriptor.of(MediaType.OCI_MANIFEST, digest("m"), 10),
            Optional.empty(),
            List.of(config, verified, lazy),
            Duration.ofMillis(9));

    assertThat(r.diffIdsNotChecked()).containsExactly(lazy);
  }

  @Test
  void aDiffIdGoesWithAVerifiedCheckOnly() {
    assertThatThrownBy(
            () -> new DiffIdCheck(DiffIdCheck.Outcome.NOT_CHECKED, Optional.of(digest("x")), "?"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> new DiffIdCheck(DiffIdCheck.Outcome.VERIFIED, Optional.empty(), "gzip"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
