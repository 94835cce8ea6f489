package dev.registryclient.oci.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class QueryStringsTest {

  @Test
  void unreservedCharactersStayAndEverythingElseIsPercentEncodedAsUtf8() {
    assertThat(QueryStrings.encode("aZ09-._~")).isEqualTo("aZ09-._~");
    assertThat(QueryStrings.encode("a b+c&d=e/f?g#h%"))
        .isEqualTo("a%20b%2Bc%26d%3De%2Ff%3Fg%23h%25");
    assertThat(QueryStrings.encode("é")).isEqualTo("%C3%A9");
  }

  @Test
  void withParamStartsOrExtendsTheQueryAndKeepsTheFragment() {
    assertThat(QueryStrings.withParam(URI.create("https://r/v2/x"), "n", "5"))
        .hasToString("https://r/v2/x?n=5");
    assertThat(QueryStrings.withParam(URI.create("https://r/v2/x?n=5"), "last", "a b"))
        .hasToString("https://r/v2/x?n=5&last=a%20b");
    assertThat(QueryStrings.withParam(URI.create("https://r/v2/x?n=5#f"), "last", "y"))
        .hasToString("https://r/v2/x?n=5&last=y#f");
  }
}
