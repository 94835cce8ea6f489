package dev.registryclient.benchmarks.paging;

import dev.registryclient.oci.paging.LinkHeader;
import dev.registryclient.oci.paging.Page;
import dev.registryclient.oci.paging.PageFetcher;
import dev.registryclient.oci.paging.Pager;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Link header parsing and a whole paginated listing over an in-memory page fetcher, in microseconds
 * per operation: cheap paths, measured to catch regressions (a quadratic parser, a copy per item).
 *
 * <ul>
 *   <li>{@code nextLinkRelative}: one relative {@code next} link as Docker Hub, quay.io and GHCR
 *       send it, resolved against the request URI;
 *   <li>{@code nextLinkAmongSeveral}: four absolute links with quoted parameters, {@code next}
 *       last;
 *   <li>{@code pagerThousandTags}: 1,000 tags in 10 pages of 100, every page's {@code Link} header
 *       parsed, every item consumed.
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(2)
public class PaginationBenchmark {
  private static final URI REQUEST =
      URI.create("https://registry.example/v2/library/alpine/tags/list?n=100");
  private static final List<String> RELATIVE =
      List.of("</v2/library/alpine/tags/list?n=100&last=3.19.1>; rel=\"next\"");
  private static final List<String> SEVERAL =
      List.of(
          "<https://registry.example/v2/library/alpine/tags/list?n=100>; rel=\"first\"; "
              + "title=\"first page\", "
              + "<https://registry.example/v2/library/alpine/tags/list?n=100&last=2.6>; "
              + "rel=\"prev\"; type=\"application/json\"",
          "<https://registry.example/v2/library/alpine/tags/list?n=100&last=edge>; rel=last, "
              + "<https://registry.example/v2/library/alpine/tags/list?n=100&last=3.19.1>; "
              + "rel=\"next\"; type=\"application/json\"");

  private static final int PAGES = 10;
  private static final int PAGE_SIZE = 100;
  private static final URI FIRST_PAGE = URI.create("https://registry.example/v2/bench/tags/list");

  private Pager<String> pager;

  @Setup
  public void setUp() {
    pager = Pager.builder(FIRST_PAGE, new InMemoryTags()).pageSize(PAGE_SIZE).build();
  }

  @Benchmark
  public Optional<URI> nextLinkRelative() {
    return LinkHeader.nextLink(REQUEST, RELATIVE);
  }

  @Benchmark
  public Optional<URI> nextLinkAmongSeveral() {
    return LinkHeader.nextLink(REQUEST, SEVERAL);
  }

  @Benchmark
  public long pagerThousandTags() {
    long length = 0;
    for (String tag : pager) {
      length += tag.length();
    }
    return length;
  }

  /**
   * Serves {@value #PAGES} pages of tags from memory, each with a relative {@code Link} to the next
   * one, as a registry would; the pages are keyed by their query string.
   */
  private static final class InMemoryTags implements PageFetcher<String> {
    private final Map<String, List<String>> itemsByQuery = new HashMap<>();
    private final Map<String, List<String>> linksByQuery = new HashMap<>();

    InMemoryTags() {
      String query = "n=" + PAGE_SIZE;
      for (int page = 0; page < PAGES; page++) {
        List<String> items = new ArrayList<>();
        for (int i = 0; i < PAGE_SIZE; i++) {
          items.add(String.format("v%d.%02d.0-build%04d", page, i, page * PAGE_SIZE + i));
        }
        itemsByQuery.put(query, items);
        String next = "n=" + PAGE_SIZE + "&last=" + items.get(items.size() - 1);
        linksByQuery.put(
            query,
            page == PAGES - 1
                ? List.of()
                : List.of("</v2/bench/tags/list?" + next + ">; rel=\"next\""));
        query = next;
      }
    }

    @Override
    public Page<String> fetch(URI pageUri) {
      String query = pageUri.getRawQuery();
      List<String> items = itemsByQuery.get(query);
      if (items == null) {
        throw new IllegalArgumentException("no such page: " + pageUri);
      }
      return Page.of(items, pageUri, linksByQuery.get(query));
    }
  }
}
