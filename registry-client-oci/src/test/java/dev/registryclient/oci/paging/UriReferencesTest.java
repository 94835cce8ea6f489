package dev.registryclient.oci.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UriReferencesTest {

  private static final URI RFC_BASE = URI.create("http://a/b/c/d;p?q");

  /** RFC 3986 section 5.4.1 and 5.4.2, every example. */
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = ' ',
      value = {
        "g:h g:h",
        "g http://a/b/c/g",
        "./g http://a/b/c/g",
        "g/ http://a/b/c/g/",
        "/g http://a/g",
        "//g http://g",
        "?y http://a/b/c/d;p?y",
        "g?y http://a/b/c/g?y",
        "#s http://a/b/c/d;p?q#s",
        "g#s http://a/b/c/g#s",
        "g?y#s http://a/b/c/g?y#s",
        ";x http://a/b/c/;x",
        "g;x http://a/b/c/g;x",
        "g;x?y#s http://a/b/c/g;x?y#s",
        "'' http://a/b/c/d;p?q",
        ". http://a/b/c/",
        "./ http://a/b/c/",
        ".. http://a/b/",
        "../ http://a/b/",
        "../g http://a/b/g",
        "../.. http://a/",
        "../../ http://a/",
        "../../g http://a/g",
        "../../../g http://a/g",
        "../../../../g http://a/g",
        "/./g http://a/g",
        "/../g http://a/g",
        "g. http://a/b/c/g.",
        ".g http://a/b/c/.g",
        "g.. http://a/b/c/g..",
        "..g http://a/b/c/..g",
        "./../g http://a/b/g",
        "./g/. http://a/b/c/g/",
        "g/./h http://a/b/c/g/h",
        "g/../h http://a/b/c/h",
        "g;x=1/./y http://a/b/c/g;x=1/y",
        "g;x=1/../y http://a/b/c/y",
        "g?y/./x http://a/b/c/g?y/./x",
        "g?y/../x http://a/b/c/g?y/../x",
        "g#s/./x http://a/b/c/g#s/./x",
        "g#s/../x http://a/b/c/g#s/../x",
        "http:g http:g",
      })
  void resolvesEveryExampleOfRfc3986(String reference, String expected) {
    assertThat(UriReferences.resolve(RFC_BASE, reference)).hasToString(expected);
  }

  @Test
  void relativePathAgainstABaseWithoutPathGetsARootSlash() {
    assertThat(UriReferences.resolve(URI.create("https://r.example"), "v2/x"))
        .hasToString("https://r.example/v2/x");
  }

  @Test
  void percentEncodingOfTheReferenceIsKeptVerbatim() {
    assertThat(UriReferences.resolve(URI.create("https://quay.io/v2/a/tags/list"), "?c=ab%3D&n=5"))
        .hasToString("https://quay.io/v2/a/tags/list?c=ab%3D&n=5");
  }

  @Test
  void relativeBaseIsRefused() {
    assertThatThrownBy(() -> UriReferences.resolve(URI.create("/v2/"), "x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("/v2/");
  }

  @Test
  void referenceWithIllegalCharactersIsRefusedNamingIt() {
    assertThatThrownBy(() -> UriReferences.resolve(RFC_BASE, "/a b"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("/a b");
  }
}
