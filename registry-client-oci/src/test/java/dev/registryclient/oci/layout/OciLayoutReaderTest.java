package dev.registryclient.oci.layout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.registryclient.api.Descriptor;
import dev.registryclient.api.MediaType;
import dev.registryclient.api.Platform;
import dev.registryclient.api.exception.DigestMismatchException;
import dev.registryclient.api.exception.InvalidContentException;
import dev.registryclient.api.exception.StoreException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OciLayoutReaderTest {
  @TempDir Path dir;

  @Test
  void aTagResolvesToItsManifestWhoseBlobsOpen() throws IOException {
    OciLayout layout = OciLayout.at(dir);
    Descriptor written = SampleImage.write(layout, "app");
    layout.tag("1.0", written);

    OciLayoutReader reader = OciLayoutReader.open(dir);
    Descriptor resolved = reader.resolve("1.0").orElseThrow();

    assertThat(resolved.digest()).isEqualTo(written.digest());
    assertThat(OciLayoutReader.refName(resolved)).contains("1.0");
    assertThat(new String(reader.readManifest(resolved), "UTF-8")).contains("\"layers\"");
    assertThat(reader.resolve("2.0")).isEmpty();
    try (var in = reader.openBlob(resolved)) {
      assertThat(in.readAllBytes()).hasSize((int) resolved.size());
    }
  }

  @Test
  void platformArtifactTypeAndUrlsOfAnEntrySurviveTheRoundTrip() {
    OciLayout layout = OciLayout.at(dir);
    Descriptor written =
        SampleImage.write(layout, "arm")
            .withPlatform(Platform.parse("windows(10.0.17763)/arm64/v8"))
            .withArtifactType(MediaType.parse("application/vnd.example+json"))
            .withUrls(List.of("https://cdn.example/blob"))
            .withAnnotations(Map.of("a", "b"));
    layout.tag("arm", written);

    Descriptor resolved = OciLayoutReader.open(dir).resolve("arm").orElseThrow();

    assertThat(resolved)
        .isEqualTo(written.withAnnotations(Map.of("a", "b", OciLayout.REF_NAME, "arm")));
  }

  @Test
  void aDirectoryWithoutOciLayoutIsNotALayout() {
    assertThatThrownBy(() -> OciLayoutReader.open(dir))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining(dir.resolve("oci-layout").toString());
  }

  @Test
  void anUnsupportedLayoutVersionIsRejectedNamingIt() throws IOException {
    Files.writeString(dir.resolve("oci-layout"), "{\"imageLayoutVersion\":\"2.0.0\"}");
    assertThatThrownBy(() -> OciLayoutReader.open(dir))
        .isInstanceOf(InvalidContentException.class)
        .hasMessageContaining("2.0.0");
  }

  @Test
  void anEntryWithAnUnknownDigestAlgorithmIsATypedErrorNamingFileAndDigest() throws IOException {
    OciLayoutReader reader = layoutWithEntry("md5:d41d8cd98f00b204e9800998ecf8427e", "12");
    assertThatThrownBy(reader::manifests)
        .isInstanceOf(InvalidContentException.class)
        .hasMessageContaining("md5")
        .hasMessageContaining(dir.resolve("index.json").toString());
  }

  @Test
  void anEntryWhoseDigestTriesToEscapeTheLayoutIsATypedError() throws IOException {
    OciLayoutReader reader = layoutWithEntry("sha256:../../../etc/passwd", "12");
    assertThatThrownBy(reader::manifests)
        .isInstanceOf(InvalidContentException.class)
        .hasMessageContaining("sha256:../../../etc/passwd");
  }

  @Test
  void anEntryWithANegativeSizeIsATypedError() throws IOException {
    OciLayoutReader reader = layoutWithEntry("sha256:" + "b".repeat(64), "-1");
    assertThatThrownBy(reader::manifests)
        .isInstanceOf(InvalidContentException.class)
        .hasMessageContaining("size");
  }

  @Test
  void aManifestWhoseBytesChangedOnDiskFailsToRead() throws IOException {
    OciLayout layout = OciLayout.at(dir);
    Descriptor manifest = SampleImage.write(layout, "tampered");
    layout.tag("t", manifest);
    Path file = dir.resolve("blobs/sha256/" + manifest.digest().hex());
    byte[] bytes = Files.readAllBytes(file);
    bytes[0] ^= 1;
    Files.write(file, bytes);

    assertThatThrownBy(() -> layout.reader().readManifest(manifest))
        .isInstanceOf(DigestMismatchException.class)
        .hasMessageContaining(manifest.digest().toString());
  }

  @Test
  void anOversizedManifestIsRefusedBeforeReading() {
    OciLayout layout = OciLayout.at(dir);
    Descriptor huge =
        Descriptor.of(
            MediaType.OCI_MANIFEST,
            SampleImage.write(layout, "x").digest(),
            OciLayoutReader.MAX_MANIFEST_BYTES + 1L);
    assertThatThrownBy(() -> layout.reader().readManifest(huge))
        .isInstanceOf(InvalidContentException.class);
  }

  private OciLayoutReader layoutWithEntry(String digest, String size) throws IOException {
    Files.writeString(dir.resolve("oci-layout"), "{\"imageLayoutVersion\":\"1.0.0\"}");
    Files.writeString(
        dir.resolve("index.json"),
        "{\"schemaVersion\":2,\"manifests\":[{\"mediaType\":\"x/y\",\"digest\":\""
            + digest
            + "\",\"size\":"
            + size
            + "}]}");
    return OciLayoutReader.open(dir);
  }
}
