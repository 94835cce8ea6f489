package dev.registryclient.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MediaTypeTest {

  @Test
  void parsesTypeSubtypeAndParameters() {
    MediaType mt = MediaType.parse("application/vnd.oci.image.manifest.v1+json; charset=utf-8");

    assertThat(mt.type()).isEqualTo("application");
    assertThat(mt.subtype()).isEqualTo("vnd.oci.image.manifest.v1+json");
    assertThat(mt.parameters()).containsExactly(Map.entry("charset", "utf-8"));
    assertThat(mt.withoutParameters()).isSameAs(MediaType.OCI_MANIFEST);
  }

  @Test
  void internsKnownTypesWithoutParameters() {
    assertThat(MediaType.parse("application/vnd.docker.distribution.manifest.v2+json"))
        .isSameAs(MediaType.DOCKER_MANIFEST);
    assertThat(MediaType.parse(" Application/VND.OCI.IMAGE.INDEX.V1+JSON "))
        .isSameAs(MediaType.OCI_INDEX);
    assertThat(MediaType.of("application", "vnd.oci.empty.v1+json")).isSameAs(MediaType.OCI_EMPTY);
  }

  @Test
  void printsTheCanonicalLowerCaseForm() {
    MediaType mt = MediaType.parse("Text/Plain;Charset=\"UTF-8\";  Format=Flowed;;");

    assertThat(mt).hasToString("text/plain; charset=utf-8; format=Flowed");
    assertThat(MediaType.parse(mt.toString())).isEqualTo(mt);
  }

  @Test
  void quotesParameterValuesThatAreNotTokens() {
    MediaType mt = MediaType.parse("application/x; name=\"a b\\\"c\"; empty=\"\"");

    assertThat(mt.parameters()).containsEntry("name", "a b\"c").containsEntry("empty", "");
    assertThat(mt).hasToString("application/x; name=\"a b\\\"c\"; empty=\"\"");
    assertThat(MediaType.parse(mt.toString())).isEqualTo(mt);
  }

  @Test
  void comparesParametersRegardlessOfOrder() {
    assertThat(MediaType.parse("a/b; x=1; y=2"))
        .isEqualTo(MediaType.parse("a/b;y=2;x=1"))
        .hasSameHashCodeAs(MediaType.parse("a/b;y=2;x=1"))
        .isNotEqualTo(MediaType.parse("a/b; x=1"));
  }

  @Test
  void isMatchesRangesAndParameterSubsets() {
    MediaType json = MediaType.parse("application/json; charset=utf-8");

    assertThat(json.is(MediaType.JSON)).isTrue();
    assertThat(json.is(MediaType.parse("application/*"))).isTrue();
    assertThat(json.is(MediaType.parse("*/*"))).isTrue();
    assertThat(json.is(MediaType.parse("application/json; charset=utf-8"))).isTrue();
    assertThat(json.is(MediaType.parse("application/json; charset=latin1"))).isFalse();
    assertThat(MediaType.JSON.is(json)).isFalse();
    assertThat(json.is(MediaType.OCI_MANIFEST)).isFalse();
  }

  @Test
  void classifiesManifestsIndexesAndSchema1() {
    assertThat(MediaType.OCI_MANIFEST.isManifest()).isTrue();
    assertThat(MediaType.DOCKER_MANIFEST.isManifest()).isTrue();
    assertThat(MediaType.parse(MediaType.OCI_MANIFEST + "; charset=utf-8").isManifest()).isTrue();
    assertThat(MediaType.OCI_INDEX.isIndex()).isTrue();
    assertThat(MediaType.DOCKER_MANIFEST_LIST.isIndex()).isTrue();
    assertThat(MediaType.DOCKER_SCHEMA1_MANIFEST.isSchema1()).isTrue();
    assertThat(MediaType.DOCKER_SCHEMA1_SIGNED_MANIFEST.isSchema1()).isTrue();
    assertThat(MediaType.DOCKER_SCHEMA1_SIGNED_MANIFEST.isAnyManifest()).isTrue();
    assertThat(MediaType.OCI_INDEX.isManifest()).isFalse();
    assertThat(MediaType.OCI_MANIFEST.isIndex()).isFalse();
    assertThat(MediaType.JSON.isAnyManifest()).isFalse();
  }

  @Test
  void classifiesConfigsAndLayers() {
    assertThat(MediaType.OCI_CONFIG.isConfig()).isTrue();
    assertThat(MediaType.DOCKER_CONFIG.isConfig()).isTrue();
    assertThat(MediaType.OCI_EMPTY.isConfig()).isFalse();
    for (MediaType layer :
        new MediaType[] {
          MediaType.OCI_LAYER_TAR,
          MediaType.OCI_LAYER_TAR_GZIP,
          MediaType.OCI_LAYER_TAR_ZSTD,
          MediaType.OCI_NONDISTRIBUTABLE_LAYER_TAR,
          MediaType.OCI_NONDISTRIBUTABLE_LAYER_TAR_GZIP,
          MediaType.OCI_NONDISTRIBUTABLE_LAYER_TAR_ZSTD,
          MediaType.DOCKER_LAYER,
          MediaType.DOCKER_FOREIGN_LAYER
        }) {
      assertThat(layer.isLayer()).as(layer.toString()).isTrue();
      assertThat(layer.isConfig()).as(layer.toString()).isFalse();
    }
    assertThat(MediaType.OCI_CONFIG.isLayer()).isFalse();
    assertThat(MediaType.OCTET_STREAM.isLayer()).isFalse();
  }

  @Test
  void constantsSpellTheRegisteredNames() {
    assertThat(MediaType.DOCKER_SCHEMA1_SIGNED_MANIFEST)
        .hasToString("application/vnd.docker.distribution.manifest.v1+prettyjws");
    assertThat(MediaType.DOCKER_FOREIGN_LAYER)
        .hasToString("application/vnd.docker.image.rootfs.foreign.diff.tar.gzip");
    assertThat(MediaType.OCI_LAYER_TAR_ZSTD)
        .hasToString("application/vnd.oci.image.layer.v1.tar+zstd");
    assertThat(MediaType.DOCKER_MANIFEST_LIST)
        .hasToString("application/vnd.docker.distribution.manifest.list.v2+json");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "application",
        "application/",
        "/json",
        "application/json/extra",
        "application /json",
        "application/json; charset",
        "application/json; charset=",
        "application/json; =utf-8",
        "application/json; charset=\"utf-8",
        "application/json; a=1; a=2",
        "application/json garbage",
        "appl(ication/json",
        "application/json; x=\"\u0001\""
      })
  void rejectsMalformedMediaTypesQuotingThem(String value) {
    assertThatThrownBy(() -> MediaType.parse(value))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("invalid media type \"");
  }

  @Test
  void ofRejectsPartsThatAreNotTokens() {
    assertThatThrownBy(() -> MediaType.of("application", "json; charset=utf-8"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> MediaType.of("", "json")).isInstanceOf(IllegalArgumentException.class);
  }
}
