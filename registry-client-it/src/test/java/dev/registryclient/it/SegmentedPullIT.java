package dev.registryclient.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.registryclient.api.Digest;
import dev.registryclient.api.client.PullResult;
import dev.registryclient.api.client.RegistryClient;
import dev.registryclient.oci.layout.OciLayout;
import dev.registryclient.testkit.CdnFront;
import dev.registryclient.testkit.RecordedRequest;
import dev.registryclient.testkit.distribution.DistributionRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 96 MiB layer of a real docker-registry comes as byte ranges on several connections (the
 * registry's access log shows the 206 answers), directly and through a CDN front that redirects
 * every range to a signed URL, and what lands in the layout hashes to the layer's digest.
 */
class SegmentedPullIT {
  private static final long LAYER_SIZE = 96L << 20;
  private static final Pattern RANGE = Pattern.compile("bytes=(\\d+)-(\\d+)");

  @Test
  void aLargeLayerComesAsRangesFromTheRegistryAndThroughACdn(@TempDir Path tmp) throws Exception {
    try (DistributionRegistry registry = DistributionRegistry.builder().start();
        CdnFront front = CdnFront.builder(registry.url()).start();
        RegistryClient client = RegistryClient.builder().parallelism(4).build()) {
      Digest layer = LargeImage.push(registry, "it/seg", "v1", LAYER_SIZE, 0x5e6);
      String layerPath = "/v2/it/seg/blobs/" + layer;

      int before = AccessLog.of(registry).size();
      PullResult direct =
          client
              .pull(registry.hostAndPort() + "/it/seg:v1")
              .into(OciLayout.at(tmp.resolve("direct")))
              .execute();
      List<AccessLog.Entry> directGets =
          AccessLog.since(registry, before).stream()
              .filter(e -> e.method().equals("GET") && e.target().equals(layerPath))
              .toList();

      assertThat(directGets).hasSizeGreaterThan(1).allMatch(e -> e.status() == 206);
      assertStored(tmp.resolve("direct"), layer);
      assertThat(direct.blobs()).anyMatch(b -> b.digest().equals(layer) && b.downloaded());

      before = AccessLog.of(registry).size();
      client
          .pull(front.hostAndPort() + "/it/seg:v1")
          .into(OciLayout.at(tmp.resolve("cdn")))
          .execute();
      List<RecordedRequest> cdn =
          front.journal().cdn().stream().filter(r -> r.path().endsWith(layer.toString())).toList();
      List<RecordedRequest> redirects =
          front.journal().registry().stream()
              .filter(r -> r.path().equals(layerPath) && r.method().equals("GET"))
              .toList();

      assertThat(cdn).hasSizeGreaterThan(1).allMatch(r -> r.status() == 206);
      assertThat(cdn).noneMatch(RecordedRequest::hasAuthorization);
      assertThat(redirects).hasSameSizeAs(cdn); // every range asked the registry for its URL
      assertThat(coveredBytes(cdn)).isEqualTo(LAYER_SIZE);
      assertThat(
              AccessLog.since(registry, before).stream()
                  .filter(e -> e.method().equals("GET") && e.target().equals(layerPath))
                  .filter(e -> e.status() == 206))
          .hasSameSizeAs(cdn); // the CDN origin relayed each range to the registry
      assertStored(tmp.resolve("cdn"), layer);
    }
  }

  /** The ranges, sorted, must touch end to end from byte 0; their total length. */
  private static long coveredBytes(List<RecordedRequest> downloads) {
    List<long[]> ranges = new ArrayList<>();
    for (RecordedRequest r : downloads) {
      Matcher m = RANGE.matcher(r.header("Range").orElseThrow());
      assertThat(m.matches()).as(r.toString()).isTrue();
      ranges.add(new long[] {Long.parseLong(m.group(1)), Long.parseLong(m.group(2))});
    }
    ranges.sort((a, b) -> Long.compare(a[0], b[0]));
    long next = 0;
    for (long[] r : ranges) {
      assertThat(r[0]).isEqualTo(next);
      next = r[1] + 1;
    }
    return next;
  }

  private static void assertStored(Path layout, Digest layer) throws Exception {
    Path blob = layout.resolve("blobs/sha256/" + layer.hex());
    assertThat(Files.size(blob)).isEqualTo(LAYER_SIZE);
    assertThat(LargeImage.digestOf(blob)).isEqualTo(layer);
    try (var staging = Files.list(layout.resolve("ingest"))) {
      assertThat(staging).noneMatch(p -> p.toString().endsWith(".part")); // no staging file left
    }
  }
}
