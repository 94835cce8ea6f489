package dev.registryclient.testkit;

import dev.registryclient.api.Digest;
import dev.registryclient.testkit.RecordedRequest.Origin;
import dev.registryclient.testkit.internal.TargetParser;
import java.util.Objects;
import java.util.Optional;

/**
 * What a request is about, as {@link Fault}s and {@link Journal#matching journal queries} see it:
 * the server that answered it, its method and path, and the repository and blob it names. A CDN
 * download <em>stands for</em> the registry's blob GET it was redirected from, so it carries that
 * request's path too ({@link #registryPath()}) and a path pattern written for the registry's URL
 * space finds it wherever the blob's bytes come from.
 *
 * <table>
 *   <caption>How requests map</caption>
 *   <tr><th>request</th><th>registryPath</th><th>repository</th><th>blob</th></tr>
 *   <tr><td>{@code GET /v2/team/app/blobs/sha256:ab..} (registry)</td>
 *       <td>the same</td><td>{@code team/app}</td><td>{@code sha256:ab..}</td></tr>
 *   <tr><td>{@code GET /sha256/ab..?repository=team/app&expires=..} (CDN of a {@link TestRegistry})</td>
 *       <td>{@code /v2/team/app/blobs/sha256:ab..}</td><td>{@code team/app}</td>
 *       <td>{@code sha256:ab..}</td></tr>
 *   <tr><td>{@code GET /team/app/blobs/sha256:ab..?expires=..} (CDN origin of a {@link CdnFront})</td>
 *       <td>{@code /v2/team/app/blobs/sha256:ab..}</td><td>{@code team/app}</td>
 *       <td>{@code sha256:ab..}</td></tr>
 *   <tr><td>{@code PUT /v2/team/app/manifests/v1} (registry)</td>
 *       <td>the same</td><td>{@code team/app}</td><td>none</td></tr>
 *   <tr><td>{@code PATCH /v2/team/app/blobs/uploads/1f..} (registry)</td>
 *       <td>the same</td><td>{@code team/app}</td><td>none: an upload is not a blob yet</td></tr>
 *   <tr><td>{@code POST /token} (token endpoint)</td>
 *       <td>the same</td><td>none</td><td>none</td></tr>
 * </table>
 *
 * <pre>{@code
 * RequestTarget cdn = RequestTarget.of(Origin.CDN, "GET", "/sha256/" + hex + "?repository=team/app");
 * assertThat(cdn.registryPath()).hasValue("/v2/team/app/blobs/sha256:" + hex);
 * assertThat(Fault.wrongBytes().on("/v2/team/app/blobs/").matches(cdn)).isTrue();
 * }</pre>
 *
 * @param origin the server that answered
 * @param method the HTTP method, e.g. {@code GET}
 * @param path the path as sent, without the query
 * @param registryPath the path in the registry's URL space: {@code path} itself for the registry
 *     and token servers; {@code /v2/<repository>/blobs/<digest>} for a CDN download whose
 *     repository is known; empty for any other CDN request
 * @param repository the repository a {@code /v2/<repository>/...} path or a CDN download names
 * @param blob the blob a request reads, checks or deletes ({@code /v2/<repository>/blobs/<digest>},
 *     not uploads) or a CDN download serves
 */
public record RequestTarget(
    Origin origin,
    String method,
    String path,
    Optional<String> registryPath,
    Optional<String> repository,
    Optional<Digest> blob) {

  /**
   * Checks that nothing is null.
   *
   * @param origin the server that answered; not null
   * @param method the HTTP method; not null
   * @param path the path without the query; not null
   * @param registryPath the path in the registry's URL space, or empty; not null
   * @param repository the repository named, or empty; not null
   * @param blob the blob named, or empty; not null
   */
  public RequestTarget {
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(registryPath, "registryPath");
    Objects.requireNonNull(repository, "repository");
    Objects.requireNonNull(blob, "blob");
  }

  /**
   * Describes a request to {@code origin}; {@code target} is the raw path with or without its query
   * ({@code /sha256/ab..?repository=team/app&expires=..}), as {@link RecordedRequest#target()}
   * holds it. Only the CDN's {@code repository} parameter is read from the query.
   *
   * @param origin the server the request went to
   * @param method the HTTP method, e.g. {@code GET}
   * @param target the raw path, with or without its query
   * @return what the request is about, with the repository and blob it names filled in where the
   *     path shows them
   */
  public static RequestTarget of(Origin origin, String method, String target) {
    return TargetParser.parse(origin, method, target);
  }

  /**
   * Whether this is a CDN request standing for a registry blob GET of {@link #registryPath()}.
   *
   * @return {@code true} for a CDN request whose registry path is known
   */
  public boolean isCdnDownload() {
    return origin == Origin.CDN && registryPath.isPresent();
  }
}
