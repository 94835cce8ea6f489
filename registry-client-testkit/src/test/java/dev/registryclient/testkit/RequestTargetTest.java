package dev.registryclient.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.registryclient.api.Digest;
import dev.registryclient.testkit.RecordedRequest.Origin;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RequestTargetTest {
  private static final Digest BLOB = Digest.sha256("layer".getBytes(StandardCharsets.UTF_8));
  private static final String REGISTRY_PATH = "/v2/team/app/blobs/" + BLOB;

  @Test
  void aRegistryBlobRequestNamesItsRepositoryAndBlob() {
    RequestTarget target = RequestTarget.of(Origin.REGISTRY, "GET", REGISTRY_PATH);
    assertThat(target.path()).isEqualTo(REGISTRY_PATH);
    assertThat(target.registryPath()).hasValue(REGISTRY_PATH);
    assertThat(target.repository()).hasValue("team/app");
    assertThat(target.blob()).hasValue(BLOB);
    assertThat(target.isCdnDownload()).isFalse();
  }

  @Test
  void aTestRegistryCdnDownloadStandsForTheRegistryBlobGetOfItsRepository() {
    RequestTarget target =
        RequestTarget.of(
            Origin.CDN,
            "GET",
            "/sha256/" + BLOB.hex() + "?repository=team/app&expires=1&signature=x");
    assertThat(target.path()).isEqualTo("/sha256/" + BLOB.hex());
    assertThat(target.registryPath()).hasValue(REGISTRY_PATH);
    assertThat(target.repository()).hasValue("team/app");
    assertThat(target.blob()).hasValue(BLOB);
    assertThat(target.isCdnDownload()).isTrue();
  }

  @Test
  void aCdnFrontDownloadStandsForTheRegistryBlobGetOfItsRepository() {
    RequestTarget target =
        RequestTarget.of(Origin.CDN, "GET", "/team/app/blobs/" + BLOB + "?expires=1&signature=x");
    assertThat(target.registryPath()).hasValue(REGISTRY_PATH);
    assertThat(target.repository()).hasValue("team/app");
    assertThat(target.blob()).hasValue(BLOB);
  }

  @Test
  void aCdnFrontBlobOfARepositoryNamedSha256IsNotTakenForAContentAddressedPath() {
    RequestTarget target = RequestTarget.of(Origin.CDN, "GET", "/sha256/blobs/" + BLOB);
    assertThat(target.repository()).hasValue("sha256");
    assertThat(target.registryPath()).hasValue("/v2/sha256/blobs/" + BLOB);
  }

  @Test
  void aCdnDownloadWithoutRepositoryKnowsItsBlobButNoRegistryPath() {
    RequestTarget target = RequestTarget.of(Origin.CDN, "GET", "/sha256/" + BLOB.hex());
    assertThat(target.blob()).hasValue(BLOB);
    assertThat(target.repository()).isEmpty();
    assertThat(target.registryPath()).isEmpty();
  }

  @Test
  void uploadsManifestsAndTokensAreNoBlobs() {
    RequestTarget upload =
        RequestTarget.of(Origin.REGISTRY, "PUT", "/v2/team/app/blobs/uploads/1f?digest=" + BLOB);
    assertThat(upload.repository()).hasValue("team/app");
    assertThat(upload.blob()).isEmpty();
    RequestTarget manifest = RequestTarget.of(Origin.REGISTRY, "GET", "/v2/a/b/c/manifests/v1");
    assertThat(manifest.repository()).hasValue("a/b/c");
    assertThat(manifest.blob()).isEmpty();
    RequestTarget token = RequestTarget.of(Origin.TOKEN, "POST", "/token?scope=x");
    assertThat(token.registryPath()).hasValue("/token");
    assertThat(token.repository()).isEmpty();
    assertThat(RequestTarget.of(Origin.CDN, "GET", "/sha256/not-hex").blob()).isEmpty();
  }
}
