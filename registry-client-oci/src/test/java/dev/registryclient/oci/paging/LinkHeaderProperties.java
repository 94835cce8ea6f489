package dev.registryclient.oci.paging;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class LinkHeaderProperties {

  private static final URI REQUEST =
      URI.create("https://registry.example:5000/v2/ns/app/tags/list?n=10");

  /** What a generated link should parse back to. */
  record Generated(String text, URI expectedTarget, List<String> rels, String title) {}

  @Property
  void generatedHeadersParseBackToTheirLinks(@ForAll("headers") List<List<Generated>> values) {
    List<String> headerValues = new ArrayList<>();
    List<Generated> all = new ArrayList<>();
    for (List<Generated> value : values) {
      headerValues.add(String.join(" ,\t", value.stream().map(Generated::text).toList()));
      all.addAll(value);
    }

    List<Link> parsed = LinkHeader.parse(REQUEST, headerValues);

    assertThat(parsed).hasSameSizeAs(all);
    for (int i = 0; i < all.size(); i++) {
      assertThat(parsed.get(i).target()).isEqualTo(all.get(i).expectedTarget());
      assertThat(parsed.get(i).relations()).isEqualTo(all.get(i).rels());
      assertThat(parsed.get(i).param("title")).contains(all.get(i).title());
    }
    URI expectedNext =
        all.stream()
            .filter(g -> g.rels().contains("next"))
            .map(Generated::expectedTarget)
            .findFirst()
            .orElse(null);
    assertThat(LinkHeader.nextLink(REQUEST, headerValues).orElse(null)).isEqualTo(expectedNext);
  }

  @Property
  void arbitraryStringsNeverCrashWithAnythingButIllegalArgument(@ForAll("junk") String value) {
    try {
      LinkHeader.parse(REQUEST, value);
    } catch (IllegalArgumentException expected) {
      assertThat(expected.getMessage()).startsWith("malformed Link header");
    }
  }

  @Property
  void arbitraryTargetsNeverCrashWithAnythingButIllegalArgument(@ForAll String target) {
    try {
      LinkHeader.nextLink(REQUEST, List.of("<" + target + ">; rel=next"));
    } catch (IllegalArgumentException expected) {
      assertThat(expected).hasMessageContaining("Link header");
    }
  }

  @Provide
  Arbitrary<String> junk() {
    return Arbitraries.oneOf(
        Arbitraries.strings(),
        Arbitraries.strings().withChars("<>;=\", \t/?#:relnxt\\%a").ofMaxLength(40));
  }

  @Provide
  Arbitrary<List<List<Generated>>> headers() {
    return link().list().ofMinSize(1).ofMaxSize(4).list().ofMinSize(1).ofMaxSize(3);
  }

  private Arbitrary<Generated> link() {
    Arbitrary<String> segment =
        Combinators.combine(
                Arbitraries.strings().withChars("abcxyz019-._~").ofMinLength(1).ofMaxLength(8),
                Arbitraries.of("", "%2F", "%20"))
            .as(String::concat)
            .filter(s -> !s.equals(".") && !s.equals(".."));
    Arbitrary<String> path = segment.list().ofMinSize(1).ofMaxSize(4).map(l -> String.join("/", l));
    Arbitrary<String> query =
        Combinators.combine(
                Arbitraries.strings().withChars("abn019=&-_").ofMaxLength(12),
                Arbitraries.of("", "%3D"))
            .as(String::concat);
    Arbitrary<Integer> form = Arbitraries.integers().between(0, 2);
    Arbitrary<List<String>> rels =
        Arbitraries.of("next", "prev", "first", "last", "Next").list().ofMaxSize(3);
    Arbitrary<String> title = Arbitraries.strings().withChars("ab ,;=<>\"\\").ofMaxLength(10);
    Arbitrary<Boolean> quotedRel = Arbitraries.of(true, false);
    return Combinators.combine(path, query, form, rels, title, quotedRel)
        .as(LinkHeaderProperties::generated);
  }

  private static Generated generated(
      String path, String query, int form, List<String> rels, String title, boolean quotedRel) {
    String pathAndQuery = "/" + path + (query.isEmpty() ? "" : "?" + query);
    String reference =
        switch (form) {
          case 0 -> pathAndQuery; // absolute path, the usual registry form
          case 1 -> "http://mirror.example:8080" + pathAndQuery; // absolute URI
          default -> "//cdn.example" + pathAndQuery; // network-path reference
        };
    URI expected =
        URI.create(
            switch (form) {
              case 0 -> "https://registry.example:5000" + pathAndQuery;
              case 1 -> reference;
              default -> "https:" + reference;
            });
    StringBuilder sb = new StringBuilder("<").append(reference).append(">");
    boolean relIsToken = rels.size() == 1 && !quotedRel;
    if (!rels.isEmpty()) {
      String relValue = String.join(" ", rels);
      sb.append(" ;REL=").append(relIsToken ? relValue : "\"" + relValue + "\"");
    }
    sb.append("; Title=\"").append(title.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
    List<String> lowered = rels.stream().map(r -> r.toLowerCase(java.util.Locale.ROOT)).toList();
    return new Generated(sb.toString(), expected, lowered, title);
  }
}
