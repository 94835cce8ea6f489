package dev.registryclient.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.registryclient.api.Digest;
import dev.registryclient.api.MediaType;
import dev.registryclient.api.Platform;
import dev.registryclient.api.manifest.ImageIndex;
import dev.registryclient.api.manifest.ImageManifest;
import dev.registryclient.api.manifest.Schema1Manifest;
import dev.registryclient.testkit.distribution.DistributionRegistry;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What skopeo pushes, the SDK reads byte for byte: digests agree with skopeo and the registry. */
class ManifestDigestsIT {
  @TempDir static Path tmp;
  static DistributionRegistry registry;
  static SdkSteps sdk;

  @BeforeAll
  static void pushWithSkopeo() {
    registry = DistributionRegistry.builder().start();
    sdk = SdkSteps.anonymous(registry.url());
    Images.helloLayout(tmp, "amd64", "amd64\n");
    Path layout = Images.helloLayout(tmp, "arm64", "arm64\n");
    Images.addIndex(layout, "multi");
    String repo = registry.hostAndPort() + "/it/digests";
    Images.push(layout, "amd64", repo + ":v2s2", "--format", "v2s2");
    Images.push(layout, "amd64", repo + ":v2s1", "--format", "v2s1");
    Images.push(layout, "amd64", repo + ":oci", "--format", "oci");
    Images.push(layout, "multi", repo + ":multi", "--all");
  }

  @AfterAll
  static void stop() {
    if (sdk != null) {
      sdk.close();
    }
    if (registry != null) {
      registry.close();
    }
  }

  @Test
  void dockerSchema2DigestMatchesSkopeoAndTheRegistry() {
    SdkSteps.Fetched fetched = sdk.manifest("it/digests", "v2s2");
    assertThat(fetched.manifest()).isInstanceOf(ImageManifest.class);
    assertThat(fetched.manifest().mediaType().is(MediaType.DOCKER_MANIFEST)).isTrue();
    assertThat(fetched.manifest().digest()).isEqualTo(skopeoDigest("v2s2"));
    assertThat(fetched.dockerContentDigest()).hasValue(fetched.manifest().digest().toString());
  }

  @Test
  void ociManifestDigestMatchesSkopeoAndTheRegistry() {
    SdkSteps.Fetched fetched = sdk.manifest("it/digests", "oci");
    assertThat(fetched.manifest().mediaType().is(MediaType.OCI_MANIFEST)).isTrue();
    assertThat(fetched.manifest().digest()).isEqualTo(skopeoDigest("oci"));
    assertThat(fetched.dockerContentDigest()).hasValue(fetched.manifest().digest().toString());
  }

  @Test
  void signedSchema1DigestIsTheRegistrysDigestOfThePayloadNotOfTheSignedBytes() {
    SdkSteps.Fetched fetched = sdk.manifest("it/digests", "v2s1");
    assertThat(fetched.manifest()).isInstanceOf(Schema1Manifest.class);
    Schema1Manifest schema1 = (Schema1Manifest) fetched.manifest();
    assertThat(fetched.dockerContentDigest()).hasValue(schema1.digest().toString());
    assertThat(schema1.digest()).isNotEqualTo(Digest.sha256(schema1.raw()));
    assertThat(schema1.fsLayers()).isNotEmpty();
  }

  @Test
  void indexPushedWithAllKeepsItsDigestAndEachPlatformsManifest() {
    SdkSteps.Fetched fetched = sdk.manifest("it/digests", "multi");
    assertThat(fetched.manifest()).isInstanceOf(ImageIndex.class);
    ImageIndex index = (ImageIndex) fetched.manifest();
    assertThat(index.digest()).isEqualTo(skopeoDigest("multi"));
    assertThat(index.manifests())
        .extracting(d -> d.platform().orElseThrow())
        .containsExactly(Platform.parse("linux/amd64"), Platform.parse("linux/arm64"));
    for (var child : index.manifests()) {
      SdkSteps.Fetched image = sdk.manifest("it/digests", child.digest().toString());
      assertThat(image.manifest().digest()).isEqualTo(child.digest());
      assertThat(image.manifest().size()).isEqualTo((int) child.size());
    }
  }

  private static Digest skopeoDigest(String tag) {
    return Digest.sha256(
        Images.rawManifest("docker://" + registry.hostAndPort() + "/it/digests:" + tag));
  }
}
