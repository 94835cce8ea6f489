package dev.registryclient.oci.listing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.registryclient.api.exception.ErrorContext;
import dev.registryclient.api.exception.InvalidContentException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The string array of a listing page, split into valid entries and skipped ones. */
record ListingItems(List<String> valid, List<String> skipped) {

  private static final Logger LOG = LoggerFactory.getLogger(ListingItems.class);

  static ListingItems read(
      JsonNode root,
      String field,
      Predicate<String> isValid,
      ErrorContext context,
      String document,
      String itemKind) {
    JsonNode array = root.get(field);
    if (array == null || array.isNull()) {
      return new ListingItems(List.of(), List.of());
    }
    if (!array.isArray()) {
      throw new InvalidContentException(
          context,
          document + ": \"" + field + "\" must be an array or null, got " + array.getNodeType());
    }
    List<String> valid = new ArrayList<>(array.size());
    List<String> skipped = new ArrayList<>();
    for (JsonNode item : array) {
      if (item.isTextual() && isValid.test(item.textValue())) {
        valid.add(item.textValue());
      } else {
        String shown = display(item);
        skipped.add(shown);
        LOG.warn("{}: skipping invalid {} {}", context.describe(), itemKind, shown);
      }
    }
    return new ListingItems(valid, skipped);
  }

  /** The entry as JSON text (quoted, control characters escaped: no log forging), abbreviated. */
  private static String display(JsonNode item) {
    String text = item.toString();
    return text.length() <= 140 ? text : text.substring(0, 140) + "...";
  }
}
