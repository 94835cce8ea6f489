package dev.registryclient.oci.listing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.registryclient.api.exception.ErrorContext;
import dev.registryclient.api.exception.InvalidContentException;
import dev.registryclient.oci.internal.Json;
import dev.registryclient.oci.internal.Names;
import java.util.List;
import java.util.Objects;

/**
 * One page of {@code GET /v2/<name>/tags/list}: {@code {"name": "...", "tags": [...]}}.
 *
 * <p>{@code "tags": null} (distribution sends it for a repository without tags) is an empty list. A
 * tag that breaks the distribution-spec grammar {@code [a-zA-Z0-9_][a-zA-Z0-9._-]{0,127}} is
 * skipped with a warning and reported in {@link #skipped()}, so one bad entry does not end a
 * listing of thousands (skopeo aborts on it; this client does not).
 *
 * <pre>{@code
 * TagList page = TagList.parse(body, ErrorContext.of(Phase.TAGS, "ghcr.io", "org/app"));
 * page.tags().forEach(System.out::println);
 * }</pre>
 *
 * @param name the repository name the registry reports, {@code ""} if it sent none
 * @param tags the valid tags, in the registry's order
 * @param skipped the invalid entries that were skipped, each abbreviated for display
 */
public record TagList(String name, List<String> tags, List<String> skipped) {

  /**
   * Copies the lists; all components are required.
   *
   * @param name the repository name the registry reports, {@code ""} if it sent none
   * @param tags the valid tags, in the registry's order
   * @param skipped the invalid entries that were skipped, each abbreviated for display
   */
  public TagList {
    Objects.requireNonNull(name, "name");
    tags = List.copyOf(tags);
    skipped = List.copyOf(skipped);
  }

  /**
   * Whether {@code tag} is a valid tag per the distribution spec.
   *
   * @param tag the string to check
   * @return whether it matches {@code [a-zA-Z0-9_][a-zA-Z0-9._-]{0,127}}
   */
  public static boolean isValidTag(String tag) {
    return Names.isValidTag(tag);
  }

  /**
   * Parses a tag list response body.
   *
   * @param body the response body, as served
   * @param context where the body came from, for errors
   * @return the page's tags and skipped entries
   * @throws InvalidContentException if the body is not JSON, not an object, or {@code tags} is
   *     neither an array nor null
   */
  public static TagList parse(byte[] body, ErrorContext context) {
    JsonNode root = Json.parse(body, context, "tag list");
    if (!root.isObject()) {
      throw new InvalidContentException(
          context, "tag list must be a JSON object, got " + root.getNodeType());
    }
    String name = Json.text(root, "name", context, "tag list").orElse("");
    ListingItems items =
        ListingItems.read(root, "tags", TagList::isValidTag, context, "tag list", "tag");
    return new TagList(name, items.valid(), items.skipped());
  }
}
