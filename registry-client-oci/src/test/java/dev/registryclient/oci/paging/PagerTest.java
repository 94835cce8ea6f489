package dev.registryclient.oci.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.registryclient.api.exception.ErrorContext;
import dev.registryclient.api.exception.Phase;
import java.net.URI;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PagerTest {

  private static final URI TAGS = URI.create("https://registry.example/v2/ns/app/tags/list");

  /** Serves {@code total} tags like distribution does: n per page, next link with last. */
  static final class FakeTagRegistry implements PageFetcher<String> {
    final List<URI> requests = new ArrayList<>();
    final List<String> tags;

    FakeTagRegistry(int total) {
      tags = IntStream.range(0, total).mapToObj(i -> String.format("t%04d", i)).toList();
    }

    @Override
    public Page<String> fetch(URI uri) {
      requests.add(uri);
      Map<String, String> q = query(uri);
      int n = Integer.parseInt(q.getOrDefault("n", "1000"));
      int from = q.containsKey("last") ? tags.indexOf(q.get("last")) + 1 : 0;
      int to = Math.min(tags.size(), from + n);
      List<String> items = tags.subList(from, to);
      String link =
          to < tags.size()
              ? "<" + uri.getRawPath() + "?n=" + n + "&last=" + tags.get(to - 1) + ">; rel=\"next\""
              : null;
      return Page.of(items, uri, link == null ? List.of() : List.of(link));
    }

    private static Map<String, String> query(URI uri) {
      Map<String, String> q = new java.util.HashMap<>();
      if (uri.getQuery() != null) {
        for (String kv : uri.getQuery().split("&")) {
          String[] p = kv.split("=", 2);
          q.put(p[0], p.length > 1 ? p[1] : "");
        }
      }
      return q;
    }
  }

  @Test
  void listsAllTagsInOrderWithOneRequestPerPage() {
    FakeTagRegistry registry = new FakeTagRegistry(237);
    List<String> all = Pager.builder(TAGS, registry).pageSize(50).build().stream().toList();

    assertThat(all).isEqualTo(registry.tags);
    assertThat(registry.requests).hasSize(5);
    assertThat(registry.requests.get(0)).hasToString(TAGS + "?n=50");
    assertThat(registry.requests.get(4)).hasToString(TAGS + "?n=50&last=t0199");
  }

  @Test
  void firstItemIsAvailableBeforeTheSecondPageIsRequested() {
    FakeTagRegistry registry = new FakeTagRegistry(237);
    Iterator<String> it = Pager.builder(TAGS, registry).pageSize(50).build().iterator();

    assertThat(registry.requests).isEmpty();
    assertThat(it.next()).isEqualTo("t0000");
    assertThat(registry.requests).hasSize(1);
    for (int i = 1; i < 50; i++) {
      it.next();
    }
    assertThat(registry.requests).hasSize(1);
    assertThat(it.next()).isEqualTo("t0050");
    assertThat(registry.requests).hasSize(2);
  }

  @Test
  void limitingTheStreamFetchesOnlyTheNeededPages() {
    FakeTagRegistry registry = new FakeTagRegistry(237);
    assertThat(Pager.builder(TAGS, registry).pageSize(50).build().stream().limit(60)).hasSize(60);
    assertThat(registry.requests).hasSize(2);
  }

  @Test
  void startAfterIsSentPercentEncodedAsLast() {
    FakeTagRegistry registry = new FakeTagRegistry(3);
    Pager<String> pager = Pager.builder(TAGS, registry).pageSize(2).startAfter("a b/c").build();
    assertThat(pager.firstPage()).hasToString(TAGS + "?n=2&last=a%20b%2Fc");
  }

  @Test
  void eachIterationStartsAFreshListing() {
    FakeTagRegistry registry = new FakeTagRegistry(5);
    Pager<String> pager = Pager.builder(TAGS, registry).pageSize(2).build();
    assertThat(pager.stream().toList()).isEqualTo(pager.stream().toList());
    assertThat(registry.requests).hasSize(6);
  }

  @Test
  void emptyPagesWithNextLinksAreFollowed() {
    List<URI> seen = new ArrayList<>();
    PageFetcher<String> fetcher =
        uri -> {
          seen.add(uri);
          return switch (seen.size()) {
            case 1 -> new Page<>(List.of(), Optional.of(TAGS.resolve("?p=2")));
            case 2 -> new Page<>(List.of(), Optional.of(TAGS.resolve("?p=3")));
            default -> Page.last(List.of("only"));
          };
        };
    assertThat(Pager.builder(TAGS, fetcher).build().stream()).containsExactly("only");
  }

  @Test
  void nextLinkRepeatingAPageIsRefused() {
    PageFetcher<String> looping =
        uri ->
            new Page<>(
                List.of("x"), Optional.of(uri.getQuery() == null ? TAGS.resolve("?p=2") : TAGS));
    ErrorContext ctx = ErrorContext.of(Phase.TAGS, "registry.example", "ns/app");
    Iterator<String> it = Pager.builder(TAGS, looping).context(ctx).build().iterator();
    it.next();
    it.next();
    assertThatThrownBy(it::next)
        .isInstanceOfSatisfying(
            PaginationException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(PaginationException.Reason.REPEATED_PAGE);
              assertThat(e.repository()).contains("ns/app");
            })
        .hasMessageContaining(TAGS.toString());
  }

  @Test
  void nextLinkToAnotherHostIsRefusedBeforeItIsFetched() {
    List<URI> fetched = new ArrayList<>();
    PageFetcher<String> fetcher =
        uri -> {
          fetched.add(uri);
          return new Page<>(
              List.of("x"),
              Optional.of(URI.create("https://evil.example/v2/ns/app/tags/list?p=2")));
        };
    Iterator<String> it = Pager.builder(TAGS, fetcher).build().iterator();
    it.next();
    assertThatThrownBy(it::hasNext)
        .isInstanceOfSatisfying(
            PaginationException.class,
            e -> assertThat(e.reason()).isEqualTo(PaginationException.Reason.OTHER_ORIGIN))
        .hasMessageContaining("evil.example");
    assertThat(fetched).containsExactly(TAGS);
  }

  @Test
  void nextLinkDowngradingToHttpOrChangingPortIsRefused() {
    for (String next :
        List.of("http://registry.example/v2/x", "https://registry.example:8443/v2/x")) {
      PageFetcher<String> fetcher = uri -> new Page<>(List.of("x"), Optional.of(URI.create(next)));
      assertThatThrownBy(() -> Pager.builder(TAGS, fetcher).build().stream().toList())
          .isInstanceOf(PaginationException.class)
          .hasMessageContaining(next);
    }
  }

  @Test
  void explicitDefaultPortAndHostCaseCountAsTheSameOrigin() {
    PageFetcher<String> fetcher =
        uri ->
            uri.getQuery() == null
                ? new Page<>(
                    List.of("a"),
                    Optional.of(URI.create("https://REGISTRY.example:443/v2/ns/app/tags/list?p=2")))
                : Page.last(List.of("b"));
    assertThat(Pager.builder(TAGS, fetcher).build().stream()).containsExactly("a", "b");
  }

  @Test
  void nextLinkWithUserInfoIsRefusedWithoutShowingIt() {
    PageFetcher<String> fetcher =
        uri ->
            new Page<>(
                List.of("x"), Optional.of(URI.create("https://user:s3cret@registry.example/v2/x")));
    assertThatThrownBy(() -> Pager.builder(TAGS, fetcher).build().stream().toList())
        .isInstanceOf(PaginationException.class)
        .hasMessageNotContaining("s3cret");
  }

  @Test
  void listingLongerThanMaxPagesIsRefused() {
    FakeTagRegistry registry = new FakeTagRegistry(10);
    Pager<String> pager = Pager.builder(TAGS, registry).pageSize(2).maxPages(3).build();
    assertThatThrownBy(() -> pager.stream().toList())
        .isInstanceOfSatisfying(
            PaginationException.class,
            e -> assertThat(e.reason()).isEqualTo(PaginationException.Reason.TOO_MANY_PAGES));
    assertThat(registry.requests).hasSize(3);
  }

  @Test
  void relativeFirstPageAndBadPageSizeAreRefused() {
    FakeTagRegistry registry = new FakeTagRegistry(1);
    assertThatThrownBy(() -> Pager.builder(URI.create("/v2/x"), registry))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Pager.builder(TAGS, registry).pageSize(0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
