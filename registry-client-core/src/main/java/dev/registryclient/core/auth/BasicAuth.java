package dev.registryclient.core.auth;

import dev.registryclient.api.auth.Credentials;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** The {@code Authorization: Basic} value of a username and password. */
final class BasicAuth {
  private BasicAuth() {}

  static String header(Credentials.UsernamePassword credentials) {
    String pair = credentials.username() + ":" + credentials.password().reveal();
    return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
  }
}
