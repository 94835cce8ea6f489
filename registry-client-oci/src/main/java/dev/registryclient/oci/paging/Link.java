package dev.registryclient.oci.paging;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One link of a {@code Link} header (RFC 8288): a resolved target, its relation types and its other
 * parameters.
 *
 * <pre>{@code
 * Link link = LinkHeader.parse(requestUri, headerValues).get(0);
 * if (link.hasRelation("next")) {
 *   fetch(link.target());
 * }
 * }</pre>
 *
 * @param target the target URI, already resolved against the request URI
 * @param relations the relation types of the {@code rel} parameter, lower-cased, in order
 * @param params every parameter by lower-cased name (first occurrence wins, as RFC 8288 section 3
 *     asks for {@code rel}); a parameter without a value maps to {@code ""}
 */
public record Link(URI target, List<String> relations, Map<String, String> params) {

  /**
   * Copies the collections; all components are required.
   *
   * @param target the target URI, already resolved against the request URI
   * @param relations the relation types of the {@code rel} parameter, lower-cased, in order
   * @param params every parameter by lower-cased name; a parameter without a value maps to {@code
   *     ""}
   */
  public Link {
    Objects.requireNonNull(target, "target");
    relations = List.copyOf(relations);
    params = Map.copyOf(params);
  }

  /**
   * Whether {@code rel} lists {@code relation} (compared case-insensitively).
   *
   * @param relation a relation type, such as {@code next}
   * @return whether this link has that relation
   */
  public boolean hasRelation(String relation) {
    return relations.contains(relation.toLowerCase(Locale.ROOT));
  }

  /**
   * The value of the parameter {@code name} (case-insensitive), if present.
   *
   * @param name the parameter's name, such as {@code title}
   * @return the parameter's value ({@code ""} if it had none), or empty if absent
   */
  public Optional<String> param(String name) {
    return Optional.ofNullable(params.get(name.toLowerCase(Locale.ROOT)));
  }
}
