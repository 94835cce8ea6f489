package dev.registryclient.core.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/**
 * Arbitrary JSON trees for property tests of the parsers of untrusted JSON. Numbers are ints and
 * finite doubles, which print and parse back to equal nodes.
 */
public final class JsonTrees {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private JsonTrees() {}

  /** Any JSON value at most {@code depth} levels deep, with member names and texts as given. */
  public static Arbitrary<JsonNode> values(
      int depth, Arbitrary<String> names, Arbitrary<String> texts) {
    Arbitrary<JsonNode> scalar =
        Arbitraries.oneOf(
            texts.map(NODES::textNode),
            Arbitraries.integers().map(i -> NODES.numberNode(i.intValue())),
            Arbitraries.doubles().map(d -> NODES.numberNode(d.doubleValue())),
            Arbitraries.of(true, false).map(NODES::booleanNode),
            Arbitraries.just(NODES.nullNode()));
    if (depth <= 0) {
      return scalar;
    }
    return Arbitraries.oneOf(scalar, arrays(depth, names, texts), objects(depth, names, texts));
  }

  /** A JSON object at most {@code depth} levels deep (counting itself). */
  public static Arbitrary<JsonNode> objects(
      int depth, Arbitrary<String> names, Arbitrary<String> texts) {
    return Arbitraries.maps(names, values(depth - 1, names, texts))
        .ofMaxSize(5)
        .map(
            members -> {
              ObjectNode object = NODES.objectNode();
              members.forEach(object::set);
              return object;
            });
  }

  private static Arbitrary<JsonNode> arrays(
      int depth, Arbitrary<String> names, Arbitrary<String> texts) {
    return values(depth - 1, names, texts)
        .list()
        .ofMaxSize(4)
        .map(
            items -> {
              ArrayNode array = NODES.arrayNode();
              items.forEach(array::add);
              return array;
            });
  }
}
