package dev.registryclient.oci.manifest;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.registryclient.api.Digest;
import dev.registryclient.api.MediaType;
import dev.registryclient.api.exception.ErrorContext;
import dev.registryclient.api.exception.InvalidContentException;
import dev.registryclient.api.exception.Phase;
import dev.registryclient.api.manifest.ImageConfig;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ImageConfigDecodingTest {

  private static final ErrorContext CTX = ErrorContext.of(Phase.CONFIG);
  private static final String D1 = "sha256:" + "11".repeat(32);
  private static final String D2 = "sha256:" + "22".repeat(32);

  @Test
  void readsPlatformDiffIdsHistoryAndRunConfig() {
    String json =
        "{\"architecture\":\"arm\",\"variant\":\"v7\",\"os\":\"linux\",\"created\":\"2024-01-02T03:04:05.5Z\","
            + "\"config\":{\"Env\":[\"PATH=/bin\"],\"Cmd\":[\"/bin/sh\"],\"Entrypoint\":null,\"WorkingDir\":\"/w\",\"Labels\":{\"a\":\"b\"}},"
            + "\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[\""
            + D1
            + "\",\""
            + D2
            + "\"]},"
            + "\"history\":[{\"created\":\"2024-01-02T03:04:05+01:00\",\"created_by\":\"ADD x\"},{\"created_by\":\"ENV a=b\",\"empty_layer\":true}]}";
    byte[] bytes = json.getBytes(UTF_8);
    ImageConfig c = ManifestCodec.defaults().decodeConfig(bytes, MediaType.DOCKER_CONFIG, CTX);
    assertThat(c.digest()).isEqualTo(Digest.sha256(bytes));
    assertThat(c.platform()).hasToString("linux/arm/v7");
    assertThat(c.created()).contains(Instant.parse("2024-01-02T03:04:05.5Z"));
    assertThat(c.diffIds()).containsExactly(Digest.parse(D1), Digest.parse(D2));
    assertThat(c.history()).hasSize(2);
    assertThat(c.history().get(0).created()).contains(Instant.parse("2024-01-02T02:04:05Z"));
    assertThat(c.history().get(1).emptyLayer()).isTrue();
    assertThat(c.config().env()).containsExactly("PATH=/bin");
    assertThat(c.config().cmd()).containsExactly("/bin/sh");
    assertThat(c.config().entrypoint()).isEmpty();
    assertThat(c.config().workingDir()).contains("/w");
    assertThat(c.config().labels()).containsEntry("a", "b");
  }

  @Test
  void invalidDiffIdIsRefused() {
    byte[] bytes =
        "{\"os\":\"linux\",\"architecture\":\"amd64\",\"rootfs\":{\"diff_ids\":[\"md5:x\"]}}"
            .getBytes(UTF_8);
    assertThatThrownBy(
            () -> ManifestCodec.defaults().decodeConfig(bytes, MediaType.OCI_CONFIG, CTX))
        .isInstanceOf(InvalidContentException.class)
        .hasMessageContaining("rootfs.diff_ids");
  }

  @Test
  void oversizedConfigIsRefused() {
    byte[] bytes = new byte[65];
    assertThatThrownBy(
            () ->
                ManifestCodec.builder()
                    .maxBytes(64)
                    .build()
                    .decodeConfig(bytes, MediaType.OCI_CONFIG, CTX))
        .isInstanceOf(InvalidContentException.class)
        .hasMessageContaining("64 byte limit");
  }
}
