package dev.registryclient.oci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.registryclient.api.Digest;
import java.net.URI;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class RegistryEndpointsTest {

  private static final RegistryEndpoints EP =
      RegistryEndpoints.of(URI.create("https://registry.example:5000"));
  private static final Digest DIGEST = Digest.parse("sha256:" + "ab".repeat(32));

  @Test
  void pingIsV2WithTrailingSlash() {
    assertThat(EP.ping()).hasToString("https://registry.example:5000/v2/");
  }

  @Test
  void manifestByTagAndByDigest() {
    assertThat(EP.manifest("library/alpine", "3.19"))
        .hasToString("https://registry.example:5000/v2/library/alpine/manifests/3.19");
    assertThat(EP.manifest("a/b/c", DIGEST.toString()))
        .hasToString("https://registry.example:5000/v2/a/b/c/manifests/" + DIGEST);
    assertThat(EP.manifest("a", DIGEST)).isEqualTo(EP.manifest("a", DIGEST.toString()));
  }

  @Test
  void blobByDigest() {
    assertThat(EP.blob("ns/app", DIGEST))
        .hasToString("https://registry.example:5000/v2/ns/app/blobs/" + DIGEST);
  }

  @Test
  void tagsWithAndWithoutPaging() {
    assertThat(EP.tags("ns/app")).hasToString("https://registry.example:5000/v2/ns/app/tags/list");
    assertThat(EP.tags("ns/app", OptionalInt.of(50), Optional.of("v1.0")))
        .hasToString("https://registry.example:5000/v2/ns/app/tags/list?n=50&last=v1.0");
    assertThat(EP.tags("ns/app", OptionalInt.empty(), Optional.of("v1")))
        .hasToString("https://registry.example:5000/v2/ns/app/tags/list?last=v1");
  }

  @Test
  void catalogLastValueIsPercentEncoded() {
    assertThat(EP.catalog()).hasToString("https://registry.example:5000/v2/_catalog");
    assertThat(EP.catalog(OptionalInt.of(100), Optional.of("ns/app")))
        .hasToString("https://registry.example:5000/v2/_catalog?n=100&last=ns%2Fapp");
  }

  @Test
  void referrersWithArtifactTypeFilterPercentEncoded() {
    assertThat(EP.referrers("ns/app", DIGEST, Optional.empty()))
        .hasToString("https://registry.example:5000/v2/ns/app/referrers/" + DIGEST);
    assertThat(EP.referrers("ns/app", DIGEST, Optional.of("application/vnd.example+json; v=1")))
        .hasToString(
            "https://registry.example:5000/v2/ns/app/referrers/"
                + DIGEST
                + "?artifactType=application%2Fvnd.example%2Bjson%3B%20v%3D1");
  }

  @Test
  void basePathPrefixAndTrailingSlashesAreKept() {
    RegistryEndpoints ep = RegistryEndpoints.of(URI.create("http://127.0.0.1:8080/mirror/"));
    assertThat(ep.ping()).hasToString("http://127.0.0.1:8080/mirror/v2/");
    assertThat(ep.base()).hasToString("http://127.0.0.1:8080/mirror");
  }

  @Test
  void invalidRepositoryNamesAreRefusedBeforeTheyReachAPath() {
    for (String bad : new String[] {"../etc", "UPPER/x", "a//b", "a?x=1", "a/", "", "a#b", "a b"}) {
      assertThatThrownBy(() -> EP.tags(bad))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("\"" + bad + "\"");
    }
  }

  @Test
  void invalidReferencesAreRefused() {
    for (String bad : new String[] {"../x", "a/b", "sha256:short", ".tag", "x?y"}) {
      assertThatThrownBy(() -> EP.manifest("ns/app", bad))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining(bad);
    }
  }

  @Test
  void nonPositivePageSizeIsRefused() {
    assertThatThrownBy(() -> EP.tags("a", OptionalInt.of(0), Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void baseWithUserInfoQueryOrOtherSchemeIsRefused() {
    for (String bad :
        new String[] {
          "https://u:p@r.example", "https://r.example?x", "ftp://r.example", "r.example"
        }) {
      assertThatThrownBy(() -> RegistryEndpoints.of(URI.create(bad)))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageNotContaining("u:p");
    }
  }
}
