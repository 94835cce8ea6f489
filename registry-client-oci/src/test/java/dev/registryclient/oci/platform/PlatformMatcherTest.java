package dev.registryclient.oci.platform;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.registryclient.api.MediaType;
import dev.registryclient.api.Platform;
import dev.registryclient.api.exception.ErrorContext;
import dev.registryclient.api.exception.Phase;
import dev.registryclient.api.manifest.ImageConfig;
import dev.registryclient.api.manifest.ImageIndex;
import dev.registryclient.oci.manifest.ManifestCodec;
import dev.registryclient.oci.testing.RealWorld;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PlatformMatcherTest {

  private static final ErrorContext CTX =
      ErrorContext.of(Phase.MANIFEST, "docker.io", "library/alpine");
  private static final ImageIndex ALPINE =
      index("dockerhub-alpine-latest-2020-08-20.manifest-list.json");
  private static final ImageIndex MCR = index("mcr-hello-world-windows-os-version.as-shown.json");
  private static final ImageIndex POSTGRES =
      index("dockerhub-postgres-17.11-index-with-attestations.json");

  private static ImageIndex index(String file) {
    return (ImageIndex)
        ManifestCodec.defaults()
            .decode(RealWorld.bytes("manifests/" + file), Optional.empty(), CTX);
  }

  /** Alpine's list (2020-08-20): amd64, arm/v6, arm/v7, arm64/v8, 386, ppc64le, s390x. */
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "linux/amd64, sha256:a15790640a6690aa1730c38cf0a440e2aa44aaca9b0e8931a9f2b0d7cc90fd65",
    "linux/x86_64, sha256:a15790640a6690aa1730c38cf0a440e2aa44aaca9b0e8931a9f2b0d7cc90fd65",
    "linux/arm64, sha256:3b3f647d2d99cac772ed64c4791e5d9b750dd5fe0b25db653ec4976f7b72837c",
    "linux/arm64/v8, sha256:3b3f647d2d99cac772ed64c4791e5d9b750dd5fe0b25db653ec4976f7b72837c",
    "linux/aarch64, sha256:3b3f647d2d99cac772ed64c4791e5d9b750dd5fe0b25db653ec4976f7b72837c",
    "linux/arm, sha256:c929c5ca1d3f793bfdd2c6d6d9210e2530f1184c0f488f514f1bb8080bb1e82b",
    "linux/arm/v7, sha256:c929c5ca1d3f793bfdd2c6d6d9210e2530f1184c0f488f514f1bb8080bb1e82b",
    "linux/arm/v6, sha256:71465c7d45a086a2181ce33bb47f7eaef5c233eace65704da0c5e5454a79cee5",
    "linux/386, sha256:90baa0922fe90624b05cb5766fa5da4e337921656c2f8e2b13bd3c052a0baac1",
    "linux/s390x, sha256:a5426f084c755f4d6c1d1562a2d456aa574a24a61706f6806415627360c06ac0",
  })
  void selectsTheExactPlatformFromTheDockerHubAlpineList(String wanted, String digest) {
    assertThat(PlatformMatcher.select(ALPINE, Platform.parse(wanted), CTX).digest())
        .hasToString(digest);
  }

  @Test
  void noMatchListsWhatTheIndexHas() {
    assertThatThrownBy(() -> PlatformMatcher.select(ALPINE, Platform.parse("windows/amd64"), CTX))
        .isInstanceOfSatisfying(
            NoMatchingPlatformException.class,
            e -> {
              assertThat(e.wanted()).isEqualTo(Platform.parse("windows/amd64"));
              assertThat(e.available()).hasSize(7);
            })
        .hasMessageContaining("windows/amd64")
        .hasMessageContaining("linux/arm/v6, linux/arm/v7, linux/arm64/v8")
        .hasMessageContaining("docker.io/library/alpine");
  }

  @Test
  void armV5IsNotServedByV6OrV7() {
    assertThatThrownBy(() -> PlatformMatcher.select(ALPINE, Platform.parse("linux/arm/v5"), CTX))
        .isInstanceOf(NoMatchingPlatformException.class);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "windows/amd64, sha256:b791ad98d505a",
    "windows(10.0.17763.1697)/amd64, sha256:b791ad98d505a",
    "windows(10.0.17763)/amd64, sha256:b791ad98d505a",
    "linux/amd64, sha256:83c7f9c92844b",
    "linux/arm64/v8, sha256:873612c5503f3",
  })
  void windowsOsVersionIsMatchedWhenAsked(String wanted, String digestPrefix) {
    assertThat(PlatformMatcher.select(MCR, Platform.parse(wanted), CTX).digest().toString())
        .startsWith(digestPrefix);
  }

  @Test
  void otherWindowsBuildIsRefused() {
    assertThatThrownBy(
            () -> PlatformMatcher.select(MCR, Platform.parse("windows(10.0.20348)/amd64"), CTX))
        .isInstanceOf(NoMatchingPlatformException.class)
        .hasMessageContaining("windows(10.0.17763.1697)/amd64");
  }

  @Test
  void defaultIsTheRunningJvmsPlatform() {
    Platform current = Platform.current();
    boolean offered = !ALPINE.manifestsMatching(current).isEmpty();
    if (offered) {
      assertThat(PlatformMatcher.select(ALPINE, CTX))
          .isEqualTo(PlatformMatcher.select(ALPINE, current, CTX));
    } else {
      assertThatThrownBy(() -> PlatformMatcher.select(ALPINE, CTX))
          .isInstanceOfSatisfying(
              NoMatchingPlatformException.class, e -> assertThat(e.wanted()).isEqualTo(current));
    }
  }

  @Test
  void singlePlatformImageIsCheckedAgainstItsConfig() {
    String json =
        "{\"os\":\"linux\",\"architecture\":\"arm64\",\"variant\":\"v8\",\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[]}}";
    ImageConfig config =
        ManifestCodec.defaults().decodeConfig(json.getBytes(UTF_8), MediaType.OCI_CONFIG, CTX);
    PlatformMatcher.check(config, Platform.parse("linux/arm64"), CTX);
    assertThatThrownBy(() -> PlatformMatcher.check(config, Platform.parse("linux/amd64"), CTX))
        .isInstanceOf(NoMatchingPlatformException.class)
        .hasMessageContaining("linux/arm64/v8");
  }

  /** Postgres 17.11 on Docker Hub: 8 images, each followed by its unknown/unknown attestation. */
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "linux/amd64, sha256:e31e3d5327d1806f6177827c9710643e4f35f7ab3f14d26d05332753d3e95ee0",
    "linux/arm64, sha256:86fa57b44a1d38f09970f64ac71eb492f7a9cf94d08b85e1c8f07bb0fc0a1761",
    "linux/arm/v5, sha256:9b6d2e9b55335c9909a929c463a906a82a5cc9cf4302f87c44269c1aa4173d47",
    "linux/s390x, sha256:33b944ae19be3c19293d7592789c56a6c7808b552a38e78e440904a57d19d570",
  })
  void selectsImagesFromAnIndexWithAttestations(String wanted, String digest) {
    assertThat(PlatformMatcher.select(POSTGRES, Platform.parse(wanted), CTX).digest())
        .hasToString(digest);
  }

  @Test
  void unknownUnknownNeverSelectsAnAttestation() {
    assertThatThrownBy(
            () -> PlatformMatcher.select(POSTGRES, Platform.of("unknown", "unknown"), CTX))
        .isInstanceOfSatisfying(
            NoMatchingPlatformException.class,
            e ->
                assertThat(e.available())
                    .hasSize(8)
                    .doesNotContain(Platform.of("unknown", "unknown")));
  }

  @Test
  void noMatchListsOnlyTheImagesNotTheAttestations() {
    assertThatThrownBy(() -> PlatformMatcher.select(POSTGRES, Platform.parse("windows/amd64"), CTX))
        .isInstanceOf(NoMatchingPlatformException.class)
        .hasMessageContaining(
            "available: linux/amd64, linux/arm/v5, linux/arm/v7, linux/arm64/v8, linux/386,"
                + " linux/ppc64le, linux/riscv64, linux/s390x")
        .message()
        .doesNotContain("unknown/unknown");
  }
}
