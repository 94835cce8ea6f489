package dev.registryclient.examples.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/** The {@code auth.json} that {@code --authfile} reads, as {@code podman login} writes it. */
final class AuthFile {
  private AuthFile() {}

  /**
   * Writes one account per registry.
   *
   * <pre>{@code
   * Path authfile = AuthFile.write(dir.resolve("auth.json"), Map.of(host, "mirror:m-secret"));
   * }</pre>
   *
   * @param file where to write
   * @param accounts {@code USER:PASS} by registry {@code host:port}
   * @return {@code file}
   */
  static Path write(Path file, Map<String, String> accounts) throws IOException {
    Map<String, Object> auths = new LinkedHashMap<>();
    accounts.forEach((host, account) -> auths.put(host, Map.of("auth", base64(account))));
    return Files.writeString(file, new ObjectMapper().writeValueAsString(Map.of("auths", auths)));
  }

  private static String base64(String account) {
    return Base64.getEncoder().encodeToString(account.getBytes(StandardCharsets.UTF_8));
  }
}
