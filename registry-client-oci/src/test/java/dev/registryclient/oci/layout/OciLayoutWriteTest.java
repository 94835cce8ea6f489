package dev.registryclient.oci.layout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.registryclient.api.Descriptor;
import dev.registryclient.api.Digest;
import dev.registryclient.api.MediaType;
import dev.registryclient.api.exception.StoreException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OciLayoutWriteTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  @Test
  void openingCreatesTheLayoutMarkerAndAnEmptyIndex() throws IOException {
    OciLayout.at(dir);

    assertThat(json("oci-layout").get("imageLayoutVersion").asText()).isEqualTo("1.0.0");
    JsonNode index = json("index.json");
    assertThat(index.get("schemaVersion").asInt()).isEqualTo(2);
    assertThat(index.get("mediaType").asText()).isEqualTo(MediaType.OCI_INDEX.toString());
    assertThat(index.get("manifests")).isEmpty();
  }

  @Test
  void aTaggedImageIsAValidLayoutEntryWithItsBlobsInPlace() throws IOException {
    OciLayout layout = OciLayout.at(dir);
    Descriptor manifest = SampleImage.write(layout, "hello");

    layout.tag("v1.0", manifest);

    JsonNode entries = json("index.json").get("manifests");
    assertThat(entries).hasSize(1);
    JsonNode entry = entries.get(0);
    assertThat(entry.get("mediaType").asText()).isEqualTo(MediaType.OCI_MANIFEST.toString());
    assertThat(entry.get("digest").asText()).isEqualTo(manifest.digest().toString());
    assertThat(entry.get("size").asLong()).isEqualTo(manifest.size());
    assertThat(entry.get("annotations").get(OciLayout.REF_NAME).asText()).isEqualTo("v1.0");
    // every descriptor reachable from the index names a blob file of that size and digest
    assertBlobMatches(entry);
    JsonNode parsed = JSON.readTree(blobFile(manifest.digest()).toFile());
    assertBlobMatches(parsed.get("config"));
    parsed.get("layers").forEach(this::assertBlobMatches);
  }

  @Test
  void taggingAnExistingNameReplacesItsEntryAndKeepsOthers() {
    OciLayout layout = OciLayout.at(dir);
    Descriptor first = SampleImage.write(layout, "one");
    Descriptor second = SampleImage.write(layout, "two");
    layout.tag("latest", first);
    layout.tag("stable", first);

    layout.tag("latest", second);

    OciLayoutReader reader = layout.reader();
    assertThat(reader.tags()).containsExactlyInAnyOrder("latest", "stable");
    assertThat(reader.resolve("latest").orElseThrow().digest()).isEqualTo(second.digest());
    assertThat(reader.resolve("stable").orElseThrow().digest()).isEqualTo(first.digest());
  }

  @Test
  void untagRemovesOnlyTheTag() {
    OciLayout layout = OciLayout.at(dir);
    Descriptor manifest = SampleImage.write(layout, "gone");
    layout.tag("old", manifest);

    assertThat(layout.untag("old")).isTrue();
    assertThat(layout.untag("old")).isFalse();
    assertThat(layout.reader().tags()).isEmpty();
    assertThat(layout.blobs().exists(manifest.digest())).isTrue();
  }

  @Test
  void fieldsThisSdkDoesNotModelSurviveAnUpdate() throws IOException {
    Files.writeString(dir.resolve("oci-layout"), "{\"imageLayoutVersion\":\"1.0.0\"}");
    Files.writeString(
        dir.resolve("index.json"),
        """
        {"schemaVersion":2,"annotations":{"made.by":"other-tool"},
         "manifests":[{"mediaType":"application/vnd.oci.image.manifest.v1+json",
           "digest":"sha256:%s","size":7,
           "platform":{"architecture":"arm64","os":"linux"}}]}"""
            .formatted("a".repeat(64)));
    OciLayout layout = OciLayout.at(dir);

    layout.tag("mine", SampleImage.write(layout, "mine"));

    JsonNode index = json("index.json");
    assertThat(index.get("annotations").get("made.by").asText()).isEqualTo("other-tool");
    assertThat(index.get("manifests").get(0).get("platform").get("os").asText()).isEqualTo("linux");
    assertThat(index.get("manifests")).hasSize(2);
  }

  @Test
  void anInvalidTagNameIsRejectedQuotingIt() {
    OciLayout layout = OciLayout.at(dir);
    Descriptor manifest = SampleImage.write(layout, "x");
    assertThatThrownBy(() -> layout.tag("../escape", manifest))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("\"../escape\"");
    assertThatThrownBy(() -> layout.tag("", manifest)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void taggingAManifestThatIsNotInTheLayoutFailsNamingIt() {
    OciLayout layout = OciLayout.at(dir);
    Digest absent = Digest.sha256("absent".getBytes(StandardCharsets.UTF_8));
    assertThatThrownBy(() -> layout.tag("v1", Descriptor.of(MediaType.OCI_MANIFEST, absent, 6)))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining(absent.toString())
        .hasMessageContaining(dir.toString());
    assertThat(layout.reader().tags()).isEmpty();
  }

  @Test
  void manyThreadsTaggingAtOnceAllLand() throws Exception {
    OciLayout layout = OciLayout.at(dir);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        String tag = "t" + i;
        futures.add(pool.submit(() -> layout.tag(tag, SampleImage.write(layout, tag))));
      }
      for (Future<?> f : futures) {
        f.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(layout.reader().tags()).hasSize(16);
  }

  @Test
  void severalProcessesTaggingOneLayoutAllLand() throws Exception {
    OciLayout layout = OciLayout.at(dir);
    Process a = LayoutTaggerProcess.start(dir, "a", 15);
    Process b = LayoutTaggerProcess.start(dir, "b", 15);
    try {
      for (int i = 0; i < 15; i++) {
        layout.tag("main-" + i, SampleImage.write(layout, "main-" + i));
      }
      assertThat(LayoutTaggerProcess.awaitExit(a)).isZero();
      assertThat(LayoutTaggerProcess.awaitExit(b)).isZero();
    } finally {
      a.destroyForcibly();
      b.destroyForcibly();
    }
    assertThat(layout.reader().tags()).hasSize(45);
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("oci-layout", "index.json", "blobs", "ingest");
    }
  }

  private void assertBlobMatches(JsonNode descriptor) {
    Digest digest = Digest.parse(descriptor.get("digest").asText());
    Path file = blobFile(digest);
    try {
      assertThat(Files.size(file)).isEqualTo(descriptor.get("size").asLong());
      assertThat(Digest.sha256(Files.readAllBytes(file))).isEqualTo(digest);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private Path blobFile(Digest digest) {
    return dir.resolve("blobs").resolve(digest.algorithm().prefix()).resolve(digest.hex());
  }

  private JsonNode json(String file) throws IOException {
    return JSON.readTree(dir.resolve(file).toFile());
  }
}
