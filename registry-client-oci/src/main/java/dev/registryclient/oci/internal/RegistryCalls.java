package dev.registryclient.oci.internal;

import dev.registryclient.api.exception.ErrorContext;
import dev.registryclient.api.exception.InvalidContentException;
import dev.registryclient.api.exception.RegistryServiceException;
import dev.registryclient.api.exception.TransportException;
import dev.registryclient.core.transport.ErrorMapper;
import dev.registryclient.core.transport.Request;
import dev.registryclient.core.transport.Response;
import dev.registryclient.core.transport.Transport;
import java.io.IOException;

/**
 * The request/response plumbing every HTTP operation of this module shares: send, turn an error
 * status into the typed api exception (through core's {@link ErrorMapper}), and read a small body
 * with a hard size bound.
 */
public final class RegistryCalls {
  private RegistryCalls() {}

  /**
   * Sends {@code request} and returns the response if it is 2xx; otherwise reads the error body,
   * closes the response and throws the mapped exception (e.g. {@code NotFoundException}).
   */
  public static Response send(Transport transport, Request request) {
    Response response = transport.execute(request);
    if (response.isSuccessful()) {
      return response;
    }
    throw failure(response);
  }

  /** Reads the error body of a non-2xx {@code response}, closes it and returns the exception. */
  public static RegistryServiceException failure(Response response) {
    return ErrorMapper.fromResponse(response);
  }

  /** Where a failure of {@code request} happened: registry, host contacted, repository, phase. */
  public static ErrorContext contextOf(Request request) {
    return request.errorContext();
  }

  /**
   * Reads the whole body of {@code response} (the caller closes it), refusing more than {@code
   * maxBytes}.
   *
   * @param what what the body is, for messages, e.g. {@code "tag list"}
   * @throws InvalidContentException if the body is larger than {@code maxBytes}
   * @throws TransportException if reading fails half-way
   */
  public static byte[] readBody(Response response, int maxBytes, String what) {
    ErrorContext context = contextOf(response.request());
    try {
      byte[] bytes = response.body().readNBytes(maxBytes + 1);
      if (bytes.length > maxBytes) {
        throw new InvalidContentException(
            context, what + " larger than the " + maxBytes + " byte limit");
      }
      return bytes;
    } catch (IOException e) {
      throw bodyFailure(context, what, e);
    }
  }

  /** The exception for a body that broke off while being read. */
  public static TransportException bodyFailure(ErrorContext context, String what, IOException e) {
    return new TransportException(
        context,
        "reading the "
            + what
            + " from "
            + context.contactedHost().orElse("the registry")
            + " failed: "
            + e.getMessage(),
        e);
  }
}
