package dev.registryclient.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.registryclient.api.client.PullResult;
import dev.registryclient.api.client.PulledBlob;
import dev.registryclient.api.client.RegistryClient;
import dev.registryclient.oci.layout.OciLayout;
import dev.registryclient.testkit.CdnFront;
import dev.registryclient.testkit.RecordedRequest;
import dev.registryclient.testkit.distribution.DistributionRegistry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A fleet behind a pull-through cache: docker-registry in proxy mode, configured as the mirror of
 * {@code registry.redhat.io} (which does not resolve here), in front of an upstream whose blob GETs
 * redirect to a CDN (a docker-registry behind the kit's CDN front). Four machines pull at once from
 * the cold cache, then again; the upstream's journal shows what reached it.
 */
class PullThroughCacheIT {
  private static final String PRIMARY = "registry.redhat.io";
  private static final int MACHINES = 4;

  @Test
  void fourColdPullsSucceedAndASecondRoundSendsNoBlobRequestUpstream(@TempDir Path tmp)
      throws Exception {
    Images.helloLayout(tmp, "amd64", "amd64\n");
    Path layout = Images.helloLayout(tmp, "arm64", "arm64\n");
    Images.addIndex(layout, "multi");
    try (DistributionRegistry upstream = DistributionRegistry.builder().start();
        CdnFront cdn = CdnFront.builder(upstream.url()).start();
        DistributionRegistry cache = DistributionRegistry.builder().proxy(cdn.url()).start()) {
      Images.push(layout, "multi", upstream.hostAndPort() + "/ubi9/ubi:9.4", "--all");
      Path registriesConf =
          RegistriesConfFile.forRegistry(PRIMARY).mirror(cache.hostAndPort()).writeTo(tmp);

      List<PullResult> cold = pullOnEveryMachine(registriesConf, tmp.resolve("cold"));

      List<String> blobs = cold.get(0).blobs().stream().map(b -> b.digest().toString()).toList();
      assertThat(blobs).hasSize(4); // two configs, two layers
      for (PullResult result : cold) {
        assertThat(result.source().toString())
            .isEqualTo("mirror " + cache.hostAndPort() + "/ubi9/ubi:9.4");
        assertThat(result.blobs())
            .extracting(b -> b.digest().toString())
            .containsExactlyInAnyOrderElementsOf(blobs);
        assertThat(result.blobs())
            .extracting(PulledBlob::source)
            .allSatisfy(
                s -> assertThat(s).hasValueSatisfying(src -> assertThat(src.mirror()).isTrue()));
      }
      // the cache fetched every blob through the CDN, without credentials
      assertThat(cdn.journal().cdn())
          .extracting(RecordedRequest::path)
          .map(p -> p.substring(p.lastIndexOf('/') + 1))
          .containsAll(blobs);
      assertThat(cdn.journal().cdn()).noneMatch(RecordedRequest::hasAuthorization);
      awaitStored(cache, blobs); // the cache stores in the background, after answering
      int upstreamBefore = cdn.journal().all().size();

      List<PullResult> warm = pullOnEveryMachine(registriesConf, tmp.resolve("warm"));

      assertThat(warm).allSatisfy(r -> assertThat(r.manifest()).isEqualTo(cold.get(0).manifest()));
      List<RecordedRequest> upstreamSince =
          cdn.journal().all().subList(upstreamBefore, cdn.journal().all().size());
      assertThat(upstreamSince)
          .as("a warm cache asks its upstream about tags only")
          .noneMatch(r -> r.path().contains("/blobs/"));
    }
  }

  /** Four clients, as four machines would, pulling every platform into layouts of their own. */
  private static List<PullResult> pullOnEveryMachine(Path registriesConf, Path dir)
      throws Exception {
    ExecutorService machines = Executors.newFixedThreadPool(MACHINES);
    try {
      List<Future<PullResult>> pulls = new ArrayList<>();
      for (int i = 0; i < MACHINES; i++) {
        Path layout = dir.resolve("machine-" + i);
        pulls.add(
            machines.submit(
                () -> {
                  try (RegistryClient client =
                      RegistryClient.builder().registriesConf(registriesConf).build()) {
                    return client
                        .pull(PRIMARY + "/ubi9/ubi:9.4")
                        .allPlatforms()
                        .into(OciLayout.at(layout))
                        .execute();
                  }
                }));
      }
      List<PullResult> results = new ArrayList<>();
      for (Future<PullResult> pull : pulls) {
        results.add(pull.get(60, TimeUnit.SECONDS));
      }
      return results;
    } finally {
      machines.shutdownNow();
    }
  }

  private static void awaitStored(DistributionRegistry cache, List<String> blobs)
      throws InterruptedException {
    for (int i = 0; i < 200 && !blobs.stream().allMatch(b -> cache.holdsBlob("ubi9/ubi", b)); i++) {
      Thread.sleep(50);
    }
    assertThat(blobs).allMatch(b -> cache.holdsBlob("ubi9/ubi", b), "stored by the cache");
  }
}
