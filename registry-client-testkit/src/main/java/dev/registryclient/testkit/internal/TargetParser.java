package dev.registryclient.testkit.internal;

import dev.registryclient.api.Digest;
import dev.registryclient.testkit.RecordedRequest.Origin;
import dev.registryclient.testkit.RequestTarget;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a {@link RequestTarget} from a request line. The registry's paths are read with the
 * router's own {@link RegistryPaths}; the CDN's two URL shapes ({@link CdnHandler}'s {@code
 * /sha256/<hex>?repository=<name>} and {@link FrontCdnHandler}'s {@code /<name>/blobs/<digest>})
 * are mapped back to the registry blob GET they were redirected from.
 */
public final class TargetParser {
  /** The query parameter that tells the CDN of a test registry which repository a blob is from. */
  public static final String REPOSITORY_PARAMETER = "repository";

  private static final Pattern FRONT_CDN_BLOB = Pattern.compile("/(.+)/blobs/([^/]+)");

  private TargetParser() {}

  /** The target of {@code method target} answered by {@code origin}. */
  public static RequestTarget parse(Origin origin, String method, String target) {
    int q = target.indexOf('?');
    String path = q < 0 ? target : target.substring(0, q);
    String query = q < 0 ? null : target.substring(q + 1);
    return origin == Origin.CDN ? cdn(method, path, query) : registry(origin, method, path);
  }

  private static RequestTarget registry(Origin origin, String method, String path) {
    for (Pattern route : RegistryPaths.ROUTES) {
      Matcher m = route.matcher(path);
      if (m.matches()) {
        Optional<Digest> blob = route == RegistryPaths.BLOB ? digest(m.group(2)) : Optional.empty();
        return new RequestTarget(
            origin, method, path, Optional.of(path), Optional.of(m.group(1)), blob);
      }
    }
    return new RequestTarget(
        origin, method, path, Optional.of(path), Optional.empty(), Optional.empty());
  }

  private static RequestTarget cdn(String method, String path, String query) {
    Optional<Digest> blob = Optional.empty();
    Optional<String> repository = Optional.empty();
    if (path.startsWith(CdnHandler.PREFIX)) {
      blob = digest("sha256:" + path.substring(CdnHandler.PREFIX.length()));
      repository =
          Exchanges.queryValues(query, REPOSITORY_PARAMETER).stream()
              .filter(name -> !name.isEmpty())
              .findFirst();
    }
    Matcher front = FRONT_CDN_BLOB.matcher(path);
    // not an else: a front's blob of repository "sha256" also starts with /sha256/
    if (blob.isEmpty() && front.matches()) {
      blob = digest(front.group(2));
      repository = Optional.of(front.group(1));
    }
    if (blob.isEmpty()) {
      return new RequestTarget(
          Origin.CDN, method, path, Optional.empty(), Optional.empty(), Optional.empty());
    }
    Digest digest = blob.get();
    Optional<String> registryPath = repository.map(name -> "/v2/" + name + "/blobs/" + digest);
    return new RequestTarget(Origin.CDN, method, path, registryPath, repository, blob);
  }

  private static Optional<Digest> digest(String text) {
    try {
      return Optional.of(Digest.parse(text));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
