package dev.registryclient.oci.layout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.registryclient.api.Descriptor;
import dev.registryclient.api.ImageReference;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OciLayoutPullTargetTest {
  @TempDir Path dir;

  @Test
  void aPulledTagIsRecordedUnderTheReferencesTag() {
    OciLayout layout = OciLayout.at(dir);
    Descriptor manifest = SampleImage.write(layout, "tagged");

    layout.pulled(ImageReference.parse("registry.example/ns/app:1.2"), manifest);

    assertThat(layout.reader().resolve("1.2").orElseThrow().digest()).isEqualTo(manifest.digest());
  }

  @Test
  void aPullByDigestAddsOneUntaggedEntryHoweverOftenItIsRepeated() {
    OciLayout layout = OciLayout.at(dir);
    Descriptor manifest = SampleImage.write(layout, "untagged");
    ImageReference byDigest =
        ImageReference.parse("registry.example/ns/app").withDigest(manifest.digest());

    layout.pulled(byDigest, manifest);
    layout.pulled(byDigest, manifest);

    assertThat(layout.reader().manifests())
        .singleElement()
        .satisfies(d -> assertThat(d.digest()).isEqualTo(manifest.digest()))
        .satisfies(d -> assertThat(OciLayoutReader.refName(d)).isEmpty());
    assertThat(layout.reader().tags()).isEmpty();
  }
}
