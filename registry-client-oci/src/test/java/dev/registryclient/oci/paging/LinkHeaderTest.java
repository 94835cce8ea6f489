package dev.registryclient.oci.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class LinkHeaderTest {

  private static final URI REQUEST = URI.create("https://registry.example/v2/ns/app/tags/list?n=2");

  @Test
  void relativeNextLinkIsResolvedAgainstTheRequestUri() {
    assertThat(
            LinkHeader.nextLink(
                REQUEST, List.of("</v2/ns/app/tags/list?n=2&last=b>; rel=\"next\"")))
        .contains(URI.create("https://registry.example/v2/ns/app/tags/list?n=2&last=b"));
  }

  @Test
  void absoluteNextLinkIsKeptAsIs() {
    assertThat(LinkHeader.nextLink(REQUEST, List.of("<http://other:5000/v2/x?last=y>; rel=next")))
        .contains(URI.create("http://other:5000/v2/x?last=y"));
  }

  @Test
  void noHeaderMeansNoNextLink() {
    assertThat(LinkHeader.nextLink(REQUEST, List.of())).isEmpty();
  }

  @Test
  void onlyPrevLinkMeansNoNextLink() {
    assertThat(LinkHeader.nextLink(REQUEST, List.of("</v2/a?last=x>; rel=\"prev\""))).isEmpty();
  }

  @Test
  void nextIsFoundAmongSeveralLinksInOneValue() {
    String value =
        "</first>; rel=\"first\", </prev>;rel=prev , </next>; rel=\"next\"; title=\"p, 2\"";
    List<Link> links = LinkHeader.parse(REQUEST, value);
    assertThat(links)
        .extracting(l -> l.target().getPath())
        .containsExactly("/first", "/prev", "/next");
    assertThat(links.get(2).param("title")).contains("p, 2");
    assertThat(LinkHeader.nextLink(REQUEST, List.of(value)))
        .contains(URI.create("https://registry.example/next"));
  }

  @Test
  void nextIsFoundInALaterHeaderValue() {
    assertThat(LinkHeader.nextLink(REQUEST, List.of("</a>; rel=prev", "</b>; rel=next")))
        .contains(URI.create("https://registry.example/b"));
  }

  @Test
  void relListMatchesEachOfItsTypes() {
    Link link = LinkHeader.parse(REQUEST, "</p>; rel=\"prev  next\"").get(0);
    assertThat(link.relations()).containsExactly("prev", "next");
    assertThat(link.hasRelation("NEXT")).isTrue();
  }

  @Test
  void parameterNamesAndRelationTypesAreCaseInsensitive() {
    assertThat(LinkHeader.nextLink(REQUEST, List.of("</n>; REL=\"Next\"")))
        .contains(URI.create("https://registry.example/n"));
  }

  @Test
  void onlyTheFirstRelParameterCounts() {
    assertThat(LinkHeader.nextLink(REQUEST, List.of("</n>; rel=prev; rel=next"))).isEmpty();
  }

  @Test
  void quotedStringEscapesAreDecoded() {
    Link link = LinkHeader.parse(REQUEST, "</n>; title=\"a \\\"q\\\" \\\\ b\"; rel=next").get(0);
    assertThat(link.param("title")).contains("a \"q\" \\ b");
    assertThat(link.hasRelation("next")).isTrue();
  }

  @Test
  void parameterWithoutValueAndStraySemicolonsAreAccepted() {
    Link link = LinkHeader.parse(REQUEST, "</n>;; crossorigin ; rel=next;").get(0);
    assertThat(link.params()).containsEntry("crossorigin", "").containsEntry("rel", "next");
  }

  @Test
  void emptyListElementsAreIgnored() {
    assertThat(LinkHeader.parse(REQUEST, " , </a>; rel=next,, ,</b>,")).hasSize(2);
  }

  @Test
  void whitespaceInsideAngleBracketsIsTrimmed() {
    assertThat(LinkHeader.parse(REQUEST, "< /a >").get(0).target())
        .isEqualTo(URI.create("https://registry.example/a"));
  }

  @Test
  void missingAngleBracketIsRefusedNamingTheValue() {
    assertThatThrownBy(() -> LinkHeader.parse(REQUEST, "/v2/x; rel=next"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("/v2/x; rel=next")
        .hasMessageContaining("'<'");
  }

  @Test
  void unterminatedTargetIsRefused() {
    assertThatThrownBy(() -> LinkHeader.parse(REQUEST, "</v2/x; rel=next"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unterminated");
  }

  @Test
  void unterminatedQuotedStringIsRefused() {
    assertThatThrownBy(() -> LinkHeader.parse(REQUEST, "</v2/x>; rel=\"next"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unterminated quoted string");
  }

  @Test
  void garbageAfterALinkIsRefused() {
    assertThatThrownBy(() -> LinkHeader.parse(REQUEST, "</v2/x> junk"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("expected ','");
  }

  @Test
  void invalidTargetIsRefusedNamingIt() {
    assertThatThrownBy(() -> LinkHeader.parse(REQUEST, "</v2/a b>; rel=next"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("/v2/a b");
  }
}
