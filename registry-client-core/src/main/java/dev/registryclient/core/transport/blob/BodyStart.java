package dev.registryclient.core.transport.blob;

import dev.registryclient.api.exception.DigestMismatchException;
import dev.registryclient.api.exception.ErrorContext;
import dev.registryclient.core.transport.ErrorMapper;
import dev.registryclient.core.transport.Response;
import java.util.Optional;

/** Where an answer to a blob GET starts within the blob, judged by status and Content-Range. */
final class BodyStart {
  private BodyStart() {}

  /**
   * 0 for a 200, the first byte of the {@code Content-Range} for a 206, -1 for a 206 without a
   * usable one.
   *
   * @throws dev.registryclient.api.exception.RegistryServiceException for any other status
   */
  static long of(Response answer) {
    if (answer.status() == 200) {
      return 0;
    }
    if (answer.status() == 206) {
      return answer
          .header("Content-Range")
          .flatMap(ContentRange::parse)
          .map(ContentRange::first)
          .orElse(-1L);
    }
    throw ErrorMapper.fromResponse(answer);
  }

  /** Fails early when a whole-body answer announces a length other than the expected size. */
  static void checkLength(Response answer, long size, ErrorContext context) {
    if (answer.status() != 200 || size < 0) {
      return;
    }
    Optional<Long> length = answer.header("Content-Length").flatMap(BodyStart::number);
    if (length.isPresent() && length.get() != size) {
      answer.closeQuietly();
      throw new DigestMismatchException(
          context.withContactedHost(answer.request().origin().hostWithPort()),
          size + " bytes",
          length.get() + " bytes (Content-Length)");
    }
  }

  private static Optional<Long> number(String value) {
    try {
      return Optional.of(Long.parseLong(value.strip()));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
