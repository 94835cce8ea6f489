package dev.registryclient.core.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LocationResolverTest {
  private static final URI BASE = URI.create("http://a/b/c/d;p?q");

  /** RFC 3986 section 5.4, normal and abnormal examples (fragments dropped). */
  @ParameterizedTest
  @CsvSource({
    "g, http://a/b/c/g",
    "./g, http://a/b/c/g",
    "g/, http://a/b/c/g/",
    "/g, http://a/g",
    "//g, http://g/",
    "?y, http://a/b/c/d;p?y",
    "g?y, http://a/b/c/g?y",
    "#s, http://a/b/c/d;p?q",
    "g#s, http://a/b/c/g",
    ";x, http://a/b/c/;x",
    "., http://a/b/c/",
    "./, http://a/b/c/",
    ".., http://a/b/",
    "../g, http://a/b/g",
    "../.., http://a/",
    "../../g, http://a/g",
    "../../../g, http://a/g",
    "../../../../g, http://a/g",
    "/./g, http://a/g",
    "/../g, http://a/g",
    "g., http://a/b/c/g.",
    "..g, http://a/b/c/..g",
    "./../g, http://a/b/g",
    "g/./h, http://a/b/c/g/h",
    "g/../h, http://a/b/c/h",
    "https://cdn.example/x?sig=a%2Fb, https://cdn.example/x?sig=a%2Fb",
  })
  void resolvesAsRfc3986Says(String location, String expected) {
    assertThat(LocationResolver.resolve(BASE, location)).isEqualTo(URI.create(expected));
  }

  @Test
  void rawSpacesAreEncodedRatherThanRejected() {
    assertThat(LocationResolver.resolve(BASE, "/a b")).isEqualTo(URI.create("http://a/a%20b"));
  }

  @Test
  void nonHttpTargetsAndEmptyLocationsAreRefused() {
    assertThatThrownBy(() -> LocationResolver.resolve(BASE, "file:///etc/passwd"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("file:///etc/passwd");
    assertThatThrownBy(() -> LocationResolver.resolve(BASE, "  "))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
