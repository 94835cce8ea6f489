package dev.registryclient.testkit;

import dev.registryclient.testkit.internal.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

/** A plain JDK HTTP client that never follows redirects: the independent referee of the kit. */
final class Http {
  static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  private Http() {}

  static HttpResponse<byte[]> get(String url, String... headers) {
    return send(request(url, headers).GET().build());
  }

  static HttpResponse<byte[]> head(String url, String... headers) {
    return send(request(url, headers).method("HEAD", HttpRequest.BodyPublishers.noBody()).build());
  }

  static HttpResponse<byte[]> put(String url, byte[] body, String... headers) {
    return send(request(url, headers).PUT(HttpRequest.BodyPublishers.ofByteArray(body)).build());
  }

  static HttpResponse<byte[]> post(String url, byte[] body, String... headers) {
    return send(request(url, headers).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
  }

  static HttpResponse<byte[]> send(String method, String url, byte[] body, String... headers) {
    return send(
        request(url, headers).method(method, HttpRequest.BodyPublishers.ofByteArray(body)).build());
  }

  static HttpRequest.Builder request(String url, String... headers) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20));
    for (int i = 0; i + 1 < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return b;
  }

  static HttpResponse<byte[]> send(HttpRequest request) {
    try {
      return CLIENT.send(request, HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  static Map<String, Object> json(HttpResponse<byte[]> response) {
    return Json.parseObject(response.body());
  }

  static String text(HttpResponse<byte[]> response) {
    return new String(response.body(), StandardCharsets.UTF_8);
  }

  /** The first error code of a spec error body. */
  @SuppressWarnings("unchecked")
  static String errorCode(HttpResponse<byte[]> response) {
    var errors = (java.util.List<Map<String, Object>>) json(response).get("errors");
    return (String) errors.get(0).get("code");
  }
}
