package dev.registryclient.oci.paging;

import dev.registryclient.api.exception.ErrorContext;
import dev.registryclient.api.exception.InvalidContentException;
import java.net.URI;
import java.util.Objects;

/**
 * A registry's pagination could not be followed safely: a next link that points to a page already
 * seen (a loop), to another origin (where the caller's credentials must not follow), or beyond the
 * page limit. The listing ends with this exception instead of a silently partial result.
 */
public class PaginationException extends InvalidContentException {
  private static final long serialVersionUID = 1L;

  /** Why the next link was refused. */
  public enum Reason {
    /** The next link repeats a page already fetched in this listing. */
    REPEATED_PAGE("repeats a page already fetched"),
    /** The next link goes to another scheme, host or port than the first page. */
    OTHER_ORIGIN("goes to another origin than the first page"),
    /** The listing needs more pages than the configured limit. */
    TOO_MANY_PAGES("exceeds the page limit");

    private final String description;

    Reason(String description) {
      this.description = description;
    }
  }

  /** Why the next link was refused. */
  private final Reason reason;

  /** The refused next link, without any user-info. */
  private final String refusedLink;

  /**
   * @param refusedLink the refused next link; its user-info, if any, is never shown
   * @param context where the listing failed: phase, registry and repository
   * @param reason why the next link was refused
   * @param extra appended to the message as is, such as {@code " (10000 pages)"}; may be {@code ""}
   */
  public PaginationException(ErrorContext context, Reason reason, URI refusedLink, String extra) {
    super(context, describe(reason, refusedLink, extra));
    this.reason = Objects.requireNonNull(reason, "reason");
    this.refusedLink = withoutUserInfo(refusedLink);
  }

  /**
   * Why the next link was refused.
   *
   * @return the reason
   */
  public Reason reason() {
    return reason;
  }

  /**
   * The refused next link, without any user-info.
   *
   * @return the link as a string, without user-info
   */
  public String refusedLink() {
    return refusedLink;
  }

  private static String describe(Reason reason, URI link, String extra) {
    return "next page link " + withoutUserInfo(link) + " " + reason.description + extra;
  }

  static String withoutUserInfo(URI uri) {
    if (uri.getRawUserInfo() == null) {
      return uri.toString();
    }
    return uri.toString().replace(uri.getRawUserInfo() + "@", "");
  }
}
