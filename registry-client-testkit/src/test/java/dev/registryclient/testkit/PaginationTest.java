package dev.registryclient.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PaginationTest {
  private static final Pattern NEXT = Pattern.compile("<([^>]+)>;\\s*rel=\"next\"");
  static TestRegistry registry;

  @BeforeAll
  static void start() {
    registry = TestRegistry.builder().start();
    PushedImage image = registry.image("many/tags").layer(10).push("t000");
    for (int i = 1; i < 120; i++) {
      registry.pushManifest(
          "many/tags", String.format("t%03d", i), image.mediaType(), image.manifest());
    }
  }

  @AfterAll
  static void stop() {
    registry.close();
  }

  @SuppressWarnings("unchecked")
  private static List<String> tags(HttpResponse<byte[]> r) {
    return (List<String>) Http.json(r).get("tags");
  }

  @Test
  void withoutNTheListIsCutAtFiftyWithALinkToTheRest() {
    HttpResponse<byte[]> r = Http.get(registry.url() + "/v2/many/tags/tags/list");
    assertThat(tags(r)).hasSize(50).startsWith("t000").endsWith("t049");
    assertThat(r.headers().firstValue("Link"))
        .hasValue("</v2/many/tags/tags/list?last=t049&n=50>; rel=\"next\"");
  }

  @Test
  void followingLinksYieldsEveryTagOnceInOrder() {
    List<String> all = new ArrayList<>();
    String next = "/v2/many/tags/tags/list?n=7";
    for (int pages = 0; next != null && pages < 100; pages++) {
      HttpResponse<byte[]> r = Http.get(registry.url() + next);
      all.addAll(tags(r));
      next = r.headers().firstValue("Link").map(PaginationTest::target).orElse(null);
    }
    assertThat(all).hasSize(120).isSorted().doesNotHaveDuplicates();
  }

  @Test
  void lastStartsAfterTheGivenTag() {
    HttpResponse<byte[]> r = Http.get(registry.url() + "/v2/many/tags/tags/list?n=2&last=t117");
    assertThat(tags(r)).containsExactly("t118", "t119");
    assertThat(r.headers().firstValue("Link")).isEmpty();
  }

  @Test
  void aNegativeOrNonNumericNIsRefused() {
    for (String n : new String[] {"-1", "ten"}) {
      HttpResponse<byte[]> r = Http.get(registry.url() + "/v2/many/tags/tags/list?n=" + n);
      assertThat(r.statusCode()).isEqualTo(400);
      assertThat(Http.errorCode(r)).isEqualTo("PAGINATION_NUMBER_INVALID");
    }
  }

  @Test
  void tagsOfAnUnknownRepositoryAreNameUnknown() {
    HttpResponse<byte[]> r = Http.get(registry.url() + "/v2/no/such/tags/list");
    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(Http.errorCode(r)).isEqualTo("NAME_UNKNOWN");
  }

  @Test
  void theCatalogPaginatesToo() {
    registry.image("many/other").layer(1).push("x");
    HttpResponse<byte[]> r = Http.get(registry.url() + "/v2/_catalog?n=1");
    assertThat(Http.json(r).get("repositories")).isEqualTo(List.of("many/other"));
    assertThat(r.headers().firstValue("Link"))
        .hasValueSatisfying(l -> assertThat(l).contains("last=many%2Fother"));
  }

  @Test
  void aConfiguredPageSizeApplies() {
    try (TestRegistry small = TestRegistry.builder().tagPageSize(3).start()) {
      PushedImage image = small.image("a/b").layer(1).push("1");
      small.pushManifest("a/b", "2", image.mediaType(), image.manifest());
      small.pushManifest("a/b", "3", image.mediaType(), image.manifest());
      small.pushManifest("a/b", "4", image.mediaType(), image.manifest());
      assertThat(tags(Http.get(small.url() + "/v2/a/b/tags/list"))).containsExactly("1", "2", "3");
    }
  }

  private static String target(String link) {
    Matcher m = NEXT.matcher(link);
    return m.find() ? m.group(1) : null;
  }
}
