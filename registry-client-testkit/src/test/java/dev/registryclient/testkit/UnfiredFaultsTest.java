package dev.registryclient.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A registry counts how often each fault fired and fails a check when one never did. */
class UnfiredFaultsTest {

  private static String blobUrl(TestRegistry registry, PushedBlob blob) {
    return registry.url() + "/v2/f/app/blobs/" + blob.digest();
  }

  @Test
  void aFaultThatNeverFiredFailsTheCheckNamingItsRule() {
    Fault fault = Fault.wrongBytes().on("/blobs/sha256:");
    try (TestRegistry r = TestRegistry.builder().faults(fault).start()) {
      r.image("f/app").layer(10).push("v1");
      Http.get(r.url() + "/v2/f/app/manifests/v1");

      assertThat(r.unusedFaults()).containsExactly(fault);
      assertThat(r.timesFired(fault)).isZero();
      assertThatThrownBy(r::assertFaultsFired)
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining("a declared fault never fired")
          .hasMessageContaining("WRONG_BYTES")
          .hasMessageContaining("path ~ /blobs/sha256:")
          .hasMessageContaining("matched 0 of 1 requests in the journal")
          .hasMessageContaining(".optional()");
    }
  }

  @Test
  void aBodyFaultWhoseRuleOnlyMetHeadsSaysSo() {
    Fault fault = Fault.truncatedBody().onBlobs();
    try (TestRegistry r = TestRegistry.builder().faults(fault).start()) {
      PushedBlob blob = r.pushRandomBlob("f/app", 100, "x");
      assertThat(Http.head(blobUrl(r, blob)).statusCode()).isEqualTo(200);
      assertThatThrownBy(r::assertFaultsFired)
          .hasMessageContaining("matched 1 of 1 requests")
          .hasMessageContaining("fires only on a served body");
    }
  }

  @Test
  void anUploadFaultWhoseRuleOnlyMetAnUploadStartSaysSo() {
    Fault cut = Fault.cutUploadAfter(10);
    try (TestRegistry r = TestRegistry.builder().faults(cut).start()) {
      assertThat(Http.post(r.url() + "/v2/f/app/blobs/uploads/", new byte[0]).statusCode())
          .isEqualTo(202);
      assertThatThrownBy(r::assertFaultsFired)
          .hasMessageContaining("CUT_UPLOAD_AFTER 10")
          .hasMessageContaining("at REGISTRY, path ~ /blobs/uploads/")
          .hasMessageContaining("matched 1 of 1 requests")
          .hasMessageContaining("an upload fault fires only on an upload the registry handles");
    }
  }

  @Test
  void aFaultShadowedByAnEarlierOneSaysSo() {
    Fault first = Fault.status(503).on("/manifests/");
    Fault shadowed = Fault.status(500).on("/manifests/");
    try (TestRegistry r = TestRegistry.builder().faults(first, shadowed).start()) {
      Http.get(r.url() + "/v2/f/app/manifests/v1");
      assertThat(r.unusedFaults()).containsExactly(shadowed);
      assertThatThrownBy(r::assertFaultsFired)
          .hasMessageContaining("STATUS 500")
          .hasMessageNotContaining("STATUS 503")
          .hasMessageContaining("an earlier fault in the list took those requests");
    }
  }

  @Test
  void firedFaultsAreCountedAndPassTheCheck() {
    Fault twice = Fault.status(503).on("/manifests/").times(2);
    try (TestRegistry r = TestRegistry.builder().faults(twice).start()) {
      for (int i = 0; i < 3; i++) {
        Http.get(r.url() + "/v2/f/app/manifests/v1");
      }
      assertThat(r.timesFired(twice)).isEqualTo(2);
      assertThat(r.unusedFaults()).isEmpty();
      assertThatCode(r::assertFaultsFired).doesNotThrowAnyException();
    }
  }

  @Test
  void anAlwaysFaultCountsAsFiredOnceItFiredAtLeastOnce() {
    Fault always = Fault.tooManyRequests(Duration.ofSeconds(1)).on("/manifests/").always();
    try (TestRegistry r = TestRegistry.builder().faults(always).start()) {
      Http.get(r.url() + "/v2/f/app/manifests/v1");
      assertThat(r.timesFired(always)).isEqualTo(1);
      assertThatCode(r::assertFaultsFired).doesNotThrowAnyException();
    }
  }

  @Test
  void anOptionalFaultMayStayUnfired() {
    Fault maybe = Fault.status(503).on("/tags/list").optional();
    try (TestRegistry r = TestRegistry.builder().faults(maybe).start()) {
      assertThat(r.unusedFaults()).containsExactly(maybe);
      assertThat(maybe.isOptional()).isTrue();
      assertThat(maybe.toString()).contains("optional");
      assertThatCode(r::assertFaultsFired).doesNotThrowAnyException();
    }
  }

  @Test
  void countsBelongToEachRegistryNotToTheSharedFault() {
    Fault fault = Fault.status(503).on("^/v2/$");
    TestRegistry.Builder builder = TestRegistry.builder().faults(fault);
    try (TestRegistry first = builder.start();
        TestRegistry second = builder.start()) {
      Http.get(first.url() + "/v2/");
      assertThat(first.timesFired(fault)).isEqualTo(1);
      assertThat(second.timesFired(fault)).isZero();
      assertThat(second.timesFired(Fault.status(503).on("^/v2/$"))).as("another instance").isZero();
    }
  }
}
