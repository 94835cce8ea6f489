package dev.registryclient.examples.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.registryclient.oci.testing.StubRegistry;
import dev.registryclient.oci.testing.StubRegistry.Reply;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A rate-limited registry: the failure line says the quota, whom it counts, and when to retry. */
class RateLimitReportTest {

  @Test
  void theFailureLineSaysTheQuotaTheSourceAndWhenToRetry() throws Exception {
    try (StubRegistry stub = StubRegistry.start()) {
      stub.on(
          "/v2/library/alpine/manifests/3",
          new Reply(
              429,
              Map.of(
                  "Content-Type", "application/json",
                  "ratelimit-limit", "100;w=21600",
                  "ratelimit-remaining", "0;w=21600",
                  "docker-ratelimit-source", "1.2.3.4",
                  // longer than the client waits, so it gives up at once
                  "Retry-After", "3600"),
              ("{\"errors\":[{\"code\":\"TOOMANYREQUESTS\",\"message\":\"You have reached your"
                      + " pull rate limit.\"}]}")
                  .getBytes(UTF_8)));

      CliRun run = CliRun.of("inspect", stub.hostAndPort() + "/library/alpine:3");

      assertThat(run.exit()).as(run.toString()).isEqualTo(1);
      assertThat(run.err().lines()).hasSize(1);
      assertThat(run.err())
          .startsWith("error: manifest failed on " + stub.hostAndPort())
          .contains(
              "rate limited: 0 of 100 requests left per 6 h (source 1.2.3.4); retry after 60 min")
          .contains("You have reached your pull rate limit. Wait and try again")
          .contains("log in for a higher limit");
    }
  }
}
