package dev.registryclient.oci.paging;

import dev.registryclient.api.exception.ErrorContext;
import dev.registryclient.api.exception.Phase;
import dev.registryclient.oci.internal.QueryStrings;
import java.net.URI;
import java.util.Iterator;
import java.util.Objects;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A lazy listing over paginated registry responses (tags, catalog, referrers) that follows next
 * links safely.
 *
 * <p>Pages are fetched only when the consumer reaches the end of the previous one, so the first
 * item is available before the second page is requested and a {@code limit(10)} fetches one page.
 * The listing stops at the first page without a next link. A next link that repeats a page already
 * fetched, goes to another scheme/host/port than the first page (credentials must not follow it),
 * or exceeds {@link Builder#maxPages(int)} ends the listing with a {@link PaginationException}.
 *
 * <p>A {@code Pager} is an immutable description; every {@link #iterator()} or {@link #stream()}
 * starts a fresh listing from the first page.
 *
 * <pre>{@code
 * Pager<String> tags = Pager.builder(endpoints.tags("library/alpine"), fetcher)
 *     .context(ErrorContext.of(Phase.TAGS, "registry-1.docker.io", "library/alpine"))
 *     .pageSize(100)
 *     .build();
 * tags.stream().filter(t -> t.startsWith("3.")).forEach(System.out::println);
 * }</pre>
 *
 * @param <T> the item type
 */
public final class Pager<T> implements Iterable<T> {

  /** The default bound on pages per listing: a million tags at 100 per page. */
  public static final int DEFAULT_MAX_PAGES = 10_000;

  private final URI firstPage;
  private final PageFetcher<T> fetcher;
  private final ErrorContext context;
  private final int maxPages;

  private Pager(Builder<T> b) {
    URI first = b.firstPage;
    if (b.pageSize != null) {
      first = QueryStrings.withParam(first, "n", Integer.toString(b.pageSize));
    }
    if (b.startAfter != null) {
      first = QueryStrings.withParam(first, "last", b.startAfter);
    }
    this.firstPage = first;
    this.fetcher = b.fetcher;
    this.context = b.context;
    this.maxPages = b.maxPages;
  }

  /**
   * A builder for a listing starting at {@code firstPage}, an absolute URI without {@code n} or
   * {@code last} (use {@link Builder#pageSize(int)} and {@link Builder#startAfter(String)}).
   *
   * @param <T> the item type
   * @param firstPage the absolute URI of the first page
   * @param fetcher fetches and parses one page
   * @return a new builder
   * @throws IllegalArgumentException if {@code firstPage} is not absolute
   */
  public static <T> Builder<T> builder(URI firstPage, PageFetcher<T> fetcher) {
    return new Builder<>(firstPage, fetcher);
  }

  /**
   * The URI of the first page, with {@code n} and {@code last} applied.
   *
   * @return the first page's URI
   */
  public URI firstPage() {
    return firstPage;
  }

  /** A fresh, lazy, single-use iterator over every item of every page. */
  @Override
  public Iterator<T> iterator() {
    return new PageIterator<>(firstPage, fetcher, new NextLinkPolicy(firstPage, context, maxPages));
  }

  /**
   * A fresh, lazy, sequential stream over every item of every page.
   *
   * @return a stream that fetches pages as it is consumed
   */
  public Stream<T> stream() {
    return StreamSupport.stream(
        Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED | Spliterator.NONNULL),
        false);
  }

  /** Configures a {@link Pager}. */
  public static final class Builder<T> {
    private final URI firstPage;
    private final PageFetcher<T> fetcher;
    private ErrorContext context = ErrorContext.of(Phase.TAGS);
    private Integer pageSize;
    private String startAfter;
    private int maxPages = DEFAULT_MAX_PAGES;

    private Builder(URI firstPage, PageFetcher<T> fetcher) {
      this.firstPage = Objects.requireNonNull(firstPage, "firstPage");
      this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
      if (!firstPage.isAbsolute() || firstPage.getHost() == null) {
        throw new IllegalArgumentException("first page URI must be absolute: " + firstPage);
      }
    }

    /**
     * Where failures are reported (phase, registry, repository); default phase {@code tags}.
     *
     * @param context the error context of the listing's failures
     * @return this builder
     */
    public Builder<T> context(ErrorContext context) {
      this.context = Objects.requireNonNull(context, "context");
      return this;
    }

    /**
     * Asks the registry for {@code n} items per page (the {@code n} query parameter).
     *
     * @param n items per page, positive
     * @return this builder
     * @throws IllegalArgumentException if {@code n} is not positive
     */
    public Builder<T> pageSize(int n) {
      if (n < 1) {
        throw new IllegalArgumentException("page size must be positive, got " + n);
      }
      this.pageSize = n;
      return this;
    }

    /**
     * Starts the listing after {@code last} (the {@code last} query parameter).
     *
     * @param last the item to start after, as the registry orders them
     * @return this builder
     */
    public Builder<T> startAfter(String last) {
      this.startAfter = Objects.requireNonNull(last, "last");
      return this;
    }

    /**
     * The most pages one listing may fetch; default {@value #DEFAULT_MAX_PAGES}.
     *
     * @param maxPages the bound, positive
     * @return this builder
     * @throws IllegalArgumentException if {@code maxPages} is not positive
     */
    public Builder<T> maxPages(int maxPages) {
      if (maxPages < 1) {
        throw new IllegalArgumentException("max pages must be positive, got " + maxPages);
      }
      this.maxPages = maxPages;
      return this;
    }

    /**
     * The configured pager.
     *
     * @return an immutable pager with this builder's settings
     */
    public Pager<T> build() {
      return new Pager<>(this);
    }
  }

  /** Walks the pages, fetching the next one only when the current one is used up. */
  private static final class PageIterator<T> implements Iterator<T> {
    private final PageFetcher<T> fetcher;
    private final NextLinkPolicy policy;
    private Optional<URI> nextPage;
    private Iterator<T> current = java.util.Collections.emptyIterator();

    PageIterator(URI firstPage, PageFetcher<T> fetcher, NextLinkPolicy policy) {
      this.fetcher = fetcher;
      this.policy = policy;
      this.nextPage = Optional.of(firstPage);
    }

    @Override
    public boolean hasNext() {
      // each round fetches one page; the policy bounds the number of rounds
      while (!current.hasNext() && nextPage.isPresent()) {
        URI uri = nextPage.get();
        policy.admit(uri);
        nextPage = Optional.empty();
        Page<T> page =
            Objects.requireNonNull(fetcher.fetch(uri), "page fetcher returned null for " + uri);
        current = page.items().iterator();
        nextPage = page.next();
      }
      return current.hasNext();
    }

    @Override
    public T next() {
      if (!hasNext()) {
        throw new java.util.NoSuchElementException("no more items");
      }
      return current.next();
    }
  }
}
