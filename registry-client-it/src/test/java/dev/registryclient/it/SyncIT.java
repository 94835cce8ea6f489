package dev.registryclient.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.registryclient.api.client.RegistryClient;
import dev.registryclient.api.client.SyncRequest;
import dev.registryclient.api.client.SyncResult;
import dev.registryclient.api.client.SyncedImage;
import dev.registryclient.api.exception.NotFoundException;
import dev.registryclient.testkit.distribution.DistributionRegistry;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A repository synced between two real docker-registries: every tag's manifests byte for byte, and
 * a second run that finds everything present and, as the target's access log shows, writes nothing.
 */
class SyncIT {

  @Test
  void aSecondSyncFindsEveryTagPresentAndTheTargetLogsNoWrite(@TempDir Path tmp) {
    try (DistributionRegistry source = DistributionRegistry.builder().start();
        DistributionRegistry target = DistributionRegistry.builder().start();
        RegistryClient client = RegistryClient.builder().build()) {
      Images.helloLayout(tmp, "amd64", "amd64\n");
      Path layout = Images.helloLayout(tmp, "arm64", "arm64\n");
      Images.addIndex(layout, "multi");
      String repo = source.hostAndPort() + "/it/app";
      Images.push(layout, "amd64", repo + ":1.0", "--format", "oci");
      Images.push(layout, "arm64", repo + ":1.1", "--format", "v2s2");
      Images.push(layout, "multi", repo + ":2.0", "--all");
      Images.push(layout, "amd64", repo + ":dev", "--format", "oci");
      String mirror = target.hostAndPort() + "/mirror/app";

      SyncResult first = sync(client, repo, mirror).execute();

      assertThat(first.copied()).isEqualTo(3);
      assertThat(first.images())
          .extracting(i -> i.target().toString())
          .containsExactlyInAnyOrder(mirror + ":1.0", mirror + ":1.1", mirror + ":2.0");
      for (String tag : new String[] {"1.0", "1.1", "2.0"}) {
        assertThat(Images.rawManifest("docker://" + mirror + ":" + tag))
            .as(tag)
            .isEqualTo(Images.rawManifest("docker://" + repo + ":" + tag));
      }
      assertThatThrownBy(() -> client.resolve(mirror + ":dev"))
          .isInstanceOf(NotFoundException.class);
      assertThat(AccessLog.of(target)).anyMatch(AccessLog.Entry::sendsBlobBytes);
      int loggedBefore = AccessLog.of(target).size();

      SyncResult second = sync(client, repo, mirror).execute();

      assertThat(second.images())
          .hasSize(3)
          .allSatisfy(i -> assertThat(i.status()).isEqualTo(SyncedImage.Status.PRESENT))
          .allSatisfy(i -> assertThat(i.copy()).isEmpty());
      assertThat(AccessLog.since(target, loggedBefore))
          .isNotEmpty() // the second run asked what the tags name
          .noneMatch(AccessLog.Entry::writes);
    }
  }

  private static SyncRequest sync(RegistryClient client, String from, String to) {
    return client.sync(from, to).tags(Pattern.compile("[0-9.]+")).allPlatforms();
  }
}
