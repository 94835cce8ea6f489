package dev.registryclient.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.registryclient.api.Digest;
import dev.registryclient.testkit.RecordedRequest.Origin;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/** Faults and journal queries select requests by one rule, wherever a blob is served. */
class RequestMatchingProperties {

  /** A request as a server of the kit would journal it. */
  record Sent(Origin origin, String method, String target) {
    RecordedRequest recorded() {
      return new RecordedRequest(
          origin, method, "127.0.0.1:1", target, Map.of(), 200, Instant.EPOCH, 0);
    }
  }

  @Property
  void theJournalFindsExactlyTheRequestsAFaultWithTheSameArgumentsMatches(
      @ForAll @Size(max = 12) List<@From("requests") Sent> sent,
      @ForAll("methods") String method,
      @ForAll("patterns") String pathRegex) {
    Journal journal = new Journal();
    sent.forEach(s -> journal.add(s.recorded()));
    Fault fault = Fault.wrongBytes().on(pathRegex).method(method);

    List<RecordedRequest> expected =
        journal.all().stream()
            .filter(r -> fault.matches(r.origin(), r.method(), r.target()))
            .toList();
    assertThat(journal.matching(method, pathRegex)).isEqualTo(expected);
    assertThat(journal.matching(fault.matcher())).isEqualTo(expected);
  }

  @Property
  void aCdnDownloadIsFoundByEveryPatternThatFindsItsRegistryBlobGet(
      @ForAll("repositories") String repository,
      @ForAll("digests") Digest digest,
      @ForAll("patterns") String pathRegex) {
    RequestTarget registry =
        RequestTarget.of(Origin.REGISTRY, "GET", "/v2/" + repository + "/blobs/" + digest);
    RequestMatcher rule = RequestMatcher.any().method("GET").on(pathRegex);
    for (RequestTarget cdn : cdnDownloads(repository, digest)) {
      assertThat(cdn.registryPath()).isEqualTo(registry.registryPath());
      if (rule.matches(registry)) {
        assertThat(rule.matches(cdn)).as("%s on %s", rule, cdn).isTrue();
      }
    }
  }

  @Property
  void onBlobFindsABlobFromEveryServerAndNoOtherBlob(
      @ForAll("repositories") String repository,
      @ForAll("digests") Digest digest,
      @ForAll("digests") Digest other) {
    List<RequestTarget> servings =
        List.of(
            RequestTarget.of(Origin.REGISTRY, "GET", "/v2/" + repository + "/blobs/" + digest),
            cdnDownloads(repository, digest).get(0),
            cdnDownloads(repository, digest).get(1));
    assertThat(servings).allMatch(Fault.wrongBytes().onBlob(digest)::matches);
    assertThat(servings).allMatch(Fault.wrongBytes().onBlobs()::matches);
    if (!other.equals(digest)) {
      assertThat(servings).noneMatch(Fault.wrongBytes().onBlob(other)::matches);
    }
  }

  @Property
  void patternsAreSearchedSoAnyQuotedPieceOfAPathFindsIt(
      @ForAll("requests") Sent request, @ForAll("pieces") Piece piece) {
    String path = request.recorded().path();
    int from = Math.min(piece.from(), path.length());
    int to = Math.min(from + piece.length(), path.length());
    String quoted = Pattern.quote(path.substring(from, to));
    RequestTarget target = RequestTarget.of(request.origin(), request.method(), request.target());
    assertThat(RequestMatcher.any().on(quoted).matches(target)).isTrue();
    assertThat(RequestMatcher.any().on("^" + Pattern.quote(path) + "$").matches(target)).isTrue();
  }

  /** Where a piece of a path starts, and how long it is. */
  record Piece(int from, int length) {}

  @Provide
  Arbitrary<Piece> pieces() {
    return Combinators.combine(
            Arbitraries.integers().between(0, 80), Arbitraries.integers().between(0, 40))
        .as(Piece::new);
  }

  private static List<RequestTarget> cdnDownloads(String repository, Digest digest) {
    return List.of(
        RequestTarget.of(
            Origin.CDN,
            "GET",
            "/sha256/" + digest.hex() + "?repository=" + repository + "&expires=9&signature=s"),
        RequestTarget.of(
            Origin.CDN, "GET", "/" + repository + "/blobs/" + digest + "?expires=9&signature=s"));
  }

  @Provide
  Arbitrary<String> repositories() {
    Arbitrary<String> segment =
        Arbitraries.oneOf(
            Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(6),
            Arbitraries.of("blobs", "manifests", "v2", "sha256", "uploads"));
    return segment.list().ofMinSize(1).ofMaxSize(3).map(parts -> String.join("/", parts));
  }

  @Provide
  Arbitrary<Digest> digests() {
    return Arbitraries.bytes().array(byte[].class).ofMaxSize(8).map(Digest::sha256);
  }

  @Provide
  Arbitrary<String> methods() {
    return Arbitraries.of("GET", "HEAD", "PUT", "get");
  }

  @Provide
  Arbitrary<Sent> requests() {
    Arbitrary<String> repo = repositories();
    Arbitrary<Digest> digest = digests();
    return Arbitraries.oneOf(
        Combinators.combine(repo, digest, Arbitraries.of("GET", "HEAD", "DELETE"))
            .as((r, d, m) -> new Sent(Origin.REGISTRY, m, "/v2/" + r + "/blobs/" + d)),
        Combinators.combine(repo, Arbitraries.of("v1", "latest"), Arbitraries.of("GET", "PUT"))
            .as((r, tag, m) -> new Sent(Origin.REGISTRY, m, "/v2/" + r + "/manifests/" + tag)),
        Combinators.combine(repo, digest)
            .as(
                (r, d) ->
                    new Sent(Origin.REGISTRY, "PUT", "/v2/" + r + "/blobs/uploads/u1?digest=" + d)),
        repo.map(r -> new Sent(Origin.REGISTRY, "GET", "/v2/" + r + "/tags/list?n=2")),
        Arbitraries.just(new Sent(Origin.REGISTRY, "GET", "/v2/")),
        Arbitraries.just(new Sent(Origin.TOKEN, "POST", "/token?scope=repository:a:pull")),
        Combinators.combine(repo, digest)
            .as(
                (r, d) ->
                    new Sent(
                        Origin.CDN,
                        "GET",
                        "/sha256/" + d.hex() + "?repository=" + r + "&expires=9&signature=s")),
        Combinators.combine(repo, digest)
            .as((r, d) -> new Sent(Origin.CDN, "GET", "/" + r + "/blobs/" + d + "?expires=9")),
        digest.map(d -> new Sent(Origin.CDN, "GET", "/sha256/" + d.hex())));
  }

  @Provide
  Arbitrary<String> patterns() {
    return Arbitraries.oneOf(
        Arbitraries.of(
            "",
            "/blobs/",
            "/blobs/sha256:",
            "^/v2/",
            "^/v2/$",
            "/manifests/",
            "/sha256/",
            ".*/blobs/.*",
            "/v2/.+/blobs/.*",
            "uploads",
            "^/token",
            "^/v2/[a-z]+/blobs/sha256:[0-9a-f]{64}$",
            "blobs/sha256:0"),
        repositories().map(r -> "^/v2/" + Pattern.quote(r) + "/blobs/"),
        repositories().map(Pattern::quote));
  }
}
