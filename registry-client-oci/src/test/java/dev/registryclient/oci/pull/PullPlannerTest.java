package dev.registryclient.oci.pull;

import static org.assertj.core.api.Assertions.assertThat;

import dev.registryclient.api.Descriptor;
import dev.registryclient.api.Digest;
import dev.registryclient.api.MediaType;
import dev.registryclient.api.manifest.ImageManifest;
import dev.registryclient.core.store.MemoryBlobStore;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class PullPlannerTest {
  private final MemoryBlobStore store = new MemoryBlobStore();

  private static Descriptor blob(MediaType type, String content) {
    byte[] b = content.getBytes(StandardCharsets.UTF_8);
    return Descriptor.of(type, Digest.sha256(b), b.length);
  }

  private static ImageManifest manifest(Descriptor config, Descriptor... layers) {
    return ImageManifest.of(
        MediaType.OCI_MANIFEST,
        ("{" + config.digest() + "}").getBytes(StandardCharsets.UTF_8),
        config,
        List.of(layers));
  }

  @Test
  void blobsSharedByImagesArePlannedOnceInManifestOrder() {
    Descriptor config1 = blob(MediaType.OCI_CONFIG, "c1");
    Descriptor config2 = blob(MediaType.OCI_CONFIG, "c2");
    Descriptor base = blob(MediaType.OCI_LAYER_TAR_GZIP, "base");
    Descriptor top = blob(MediaType.OCI_LAYER_TAR_GZIP, "top");

    PullPlan plan =
        PullPlanner.plan(
            List.of(manifest(config1, base, top, base), manifest(config2, base)), store);

    assertThat(plan.configs())
        .extracting(BlobTask::digest)
        .containsExactly(config1.digest(), config2.digest());
    assertThat(plan.layers())
        .extracting(BlobTask::digest)
        .containsExactly(base.digest(), top.digest());
    assertThat(plan.blobs()).hasSize(4);
    assertThat(plan.totalBytes()).isEqualTo(2 + 2 + 4 + 3);
  }

  @Test
  void blobsAlreadyInTheStoreAreNotPlannedForDownload() {
    Descriptor config = blob(MediaType.OCI_CONFIG, "c");
    Descriptor layer = blob(MediaType.OCI_LAYER_TAR_GZIP, "have");
    try (var w = store.writer(layer.digest(), layer.size())) {
      w.write("have".getBytes(StandardCharsets.UTF_8));
      w.commit();
    }

    PullPlan plan = PullPlanner.plan(List.of(manifest(config, layer)), store);

    assertThat(plan.present()).containsExactly(layer.digest());
    assertThat(plan.layers()).isEmpty();
    assertThat(plan.blobs()).hasSize(2);
  }

  @Test
  void aForeignLayerWithUrlsIsLeftOutButAnOrdinaryLayerWithUrlsIsNot() {
    Descriptor config = blob(MediaType.OCI_CONFIG, "c");
    Descriptor foreign =
        blob(MediaType.DOCKER_FOREIGN_LAYER, "windows").withUrls(List.of("https://mcr.example/x"));
    Descriptor mirrored =
        blob(MediaType.OCI_LAYER_TAR_GZIP, "mirrored").withUrls(List.of("https://cdn.example/y"));

    PullPlan plan = PullPlanner.plan(List.of(manifest(config, foreign, mirrored)), store);

    assertThat(plan.layers()).extracting(BlobTask::digest).containsExactly(mirrored.digest());
  }

  @Test
  void aBlobUsedAsConfigAndAsLayerIsPlannedOnceAsConfig() {
    Descriptor empty = blob(MediaType.OCI_EMPTY, "{}");
    Descriptor asLayer = Descriptor.of(MediaType.OCI_EMPTY, empty.digest(), empty.size());

    PullPlan plan = PullPlanner.plan(List.of(manifest(empty, asLayer)), store);

    assertThat(plan.configs()).hasSize(1);
    assertThat(plan.layers()).isEmpty();
  }
}
