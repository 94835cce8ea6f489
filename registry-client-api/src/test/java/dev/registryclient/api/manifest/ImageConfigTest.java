package dev.registryclient.api.manifest;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.registryclient.api.Digest;
import dev.registryclient.api.MediaType;
import dev.registryclient.api.Platform;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ImageConfigTest {
  private static final byte[] RAW = "{\"architecture\":\"arm64\"}".getBytes(UTF_8);
  private static final Digest LAYER = Digest.sha256("layer".getBytes(UTF_8));

  private static ImageConfig config(byte[] raw, Digest digest, List<Digest> diffIds) {
    return new ImageConfig(
        MediaType.OCI_CONFIG,
        digest,
        raw,
        "linux",
        "arm64",
        Optional.of("v8"),
        Optional.empty(),
        Optional.of(Instant.parse("2024-01-02T03:04:05Z")),
        diffIds,
        List.of(
            new HistoryEntry(
                Optional.empty(),
                Optional.of("/bin/sh -c #(nop) ENV A=b"),
                Optional.empty(),
                true)),
        RunConfig.EMPTY);
  }

  @Test
  void statesItsPlatform() {
    ImageConfig c = config(RAW, Digest.sha256(RAW), List.of(LAYER));

    assertThat(c.platform()).isEqualTo(Platform.parse("linux/arm64/v8"));
    assertThat(c.size()).isEqualTo(RAW.length);
  }

  @Test
  void rejectsADigestThatIsNotTheDigestOfItsBytes() {
    assertThatThrownBy(() -> config(RAW, LAYER, List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("image config digest " + LAYER);
  }

  @Test
  void copiesItsBytesAndLists() {
    byte[] raw = RAW.clone();
    List<Digest> diffIds = new ArrayList<>(List.of(LAYER));
    ImageConfig c = config(raw, Digest.sha256(RAW), diffIds);
    raw[0] = 0;
    c.raw()[1] = 0;
    diffIds.clear();

    assertThat(c.raw()).isEqualTo(RAW);
    assertThat(c.diffIds()).containsExactly(LAYER);
    assertThatThrownBy(() -> c.history().clear()).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void runConfigKeepsLabelOrderAndCopies() {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put("z", "1");
    labels.put("a", "2");
    List<String> env = new ArrayList<>(List.of("PATH=/bin"));
    RunConfig run =
        new RunConfig(
            List.of("/entrypoint"),
            List.of("serve"),
            env,
            labels,
            Optional.of("/app"),
            Optional.of("1000:1000"));
    env.add("X=1");
    labels.put("b", "3");

    assertThat(run.env()).containsExactly("PATH=/bin");
    assertThat(run.labels().keySet()).containsExactly("z", "a");
    assertThatThrownBy(() -> run.cmd().add("x")).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void equalsComparesContentNotArrayIdentity() {
    ImageConfig a = config(RAW.clone(), Digest.sha256(RAW), List.of(LAYER));
    ImageConfig b = config(RAW.clone(), Digest.sha256(RAW), List.of(LAYER));

    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    assertThat(a).isNotEqualTo(config(RAW.clone(), Digest.sha256(RAW), List.of()));
  }
}
