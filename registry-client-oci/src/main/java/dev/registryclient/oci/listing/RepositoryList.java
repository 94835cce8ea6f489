package dev.registryclient.oci.listing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.registryclient.api.exception.ErrorContext;
import dev.registryclient.api.exception.InvalidContentException;
import dev.registryclient.oci.internal.Json;
import dev.registryclient.oci.internal.Names;
import java.util.List;

/**
 * One page of {@code GET /v2/_catalog}: {@code {"repositories": [...]}}.
 *
 * <p>A missing or null {@code repositories} is an empty page. A name that breaks the
 * distribution-spec repository grammar is skipped with a warning and reported in {@link
 * #skipped()}.
 *
 * <pre>{@code
 * RepositoryList page = RepositoryList.parse(body, ErrorContext.of(Phase.CATALOG));
 * }</pre>
 *
 * @param repositories the valid repository names, in the registry's order
 * @param skipped the invalid entries that were skipped, each abbreviated for display
 */
public record RepositoryList(List<String> repositories, List<String> skipped) {

  /**
   * Copies the lists.
   *
   * @param repositories the valid repository names, in the registry's order
   * @param skipped the invalid entries that were skipped, each abbreviated for display
   */
  public RepositoryList {
    repositories = List.copyOf(repositories);
    skipped = List.copyOf(skipped);
  }

  /**
   * Whether {@code name} is a valid repository name per the distribution spec.
   *
   * @param name the string to check
   * @return whether it is a valid repository name, such as {@code library/alpine}
   */
  public static boolean isValidRepositoryName(String name) {
    return Names.isValidRepository(name);
  }

  /**
   * Parses a catalog response body.
   *
   * @param body the response body, as served
   * @param context where the body came from, for errors
   * @return the page's repository names and skipped entries
   * @throws InvalidContentException if the body is not JSON, not an object, or {@code repositories}
   *     is neither an array nor null
   */
  public static RepositoryList parse(byte[] body, ErrorContext context) {
    JsonNode root = Json.parse(body, context, "catalog");
    if (!root.isObject()) {
      throw new InvalidContentException(
          context, "catalog must be a JSON object, got " + root.getNodeType());
    }
    ListingItems items =
        ListingItems.read(
            root,
            "repositories",
            RepositoryList::isValidRepositoryName,
            context,
            "catalog",
            "repository name");
    return new RepositoryList(items.valid(), items.skipped());
  }
}
