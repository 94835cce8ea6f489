package dev.registryclient.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.registryclient.api.Digest;
import java.net.http.HttpResponse;
import java.util.Arrays;

/** The requests of a blob push, sent with {@link Http} to one repository of a test registry. */
final class UploadSteps {
  private final String base;
  private final String repository;
  private final String[] headers;

  /** Steps against {@code repository}, each request carrying {@code headers} (name, value...). */
  UploadSteps(TestRegistry registry, String repository, String... headers) {
    this.base = registry.url().toString();
    this.repository = repository;
    this.headers = headers;
  }

  /** Deterministic content of {@code size} bytes. */
  static byte[] content(int size) {
    byte[] bytes = new byte[size];
    for (int i = 0; i < size; i++) {
      bytes[i] = (byte) (i * 31 + i / 251);
    }
    return bytes;
  }

  static String location(HttpResponse<byte[]> response) {
    return response.headers().firstValue("Location").orElseThrow();
  }

  HttpResponse<byte[]> post(String query) {
    return Http.post(base + "/v2/" + repository + "/blobs/uploads/" + query, new byte[0], headers);
  }

  /** Starts an upload and returns its location. */
  String start() {
    HttpResponse<byte[]> started = post("");
    assertThat(started.statusCode()).as("upload POST").isEqualTo(202);
    return location(started);
  }

  /** Sends {@code content[from, to)} as a chunk with its Content-Range. */
  HttpResponse<byte[]> patch(String location, byte[] content, int from, int to) {
    return Http.send(
        "PATCH",
        base + location,
        Arrays.copyOfRange(content, from, to),
        with("Content-Range", from + "-" + (to - 1)));
  }

  /** Closes the upload with {@code body} as its last chunk (may be empty). */
  HttpResponse<byte[]> put(String location, byte[] whole, byte[] body) {
    String separator = location.contains("?") ? "&" : "?";
    return Http.put(base + location + separator + "digest=" + Digest.sha256(whole), body, headers);
  }

  HttpResponse<byte[]> status(String location) {
    return Http.get(base + location, headers);
  }

  HttpResponse<byte[]> manifestPut(String reference, byte[] manifest, String mediaType) {
    return Http.put(
        base + "/v2/" + repository + "/manifests/" + reference,
        manifest,
        with("Content-Type", mediaType));
  }

  private String[] with(String name, String value) {
    String[] all = Arrays.copyOf(headers, headers.length + 2);
    all[headers.length] = name;
    all[headers.length + 1] = value;
    return all;
  }
}
