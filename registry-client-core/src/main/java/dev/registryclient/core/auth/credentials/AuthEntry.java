package dev.registryclient.core.auth.credentials;

import com.fasterxml.jackson.databind.JsonNode;
import dev.registryclient.api.auth.Credentials;
import dev.registryclient.api.auth.Secret;
import dev.registryclient.core.internal.json.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Optional;

/**
 * Decodes one entry of {@code auths} (Docker {@code config.json} and containers {@code auth.json}
 * share the format): {@code registrytoken}, then {@code identitytoken} (an OAuth2 refresh token),
 * then base64 {@code auth} ({@code user:password}), then plain {@code username}/{@code password}.
 */
final class AuthEntry {
  private AuthEntry() {}

  static Optional<Credentials> decode(JsonNode entry, String key, Path file) {
    if (!entry.isObject()) {
      throw CredentialFile.malformed(file, "entry \"" + key + "\" is not an object", null);
    }
    Optional<String> user = text(entry, "username");
    Optional<String> auth = text(entry, "auth");
    if (auth.isPresent()) {
      String decoded = base64(auth.get(), key, file);
      int colon = decoded.indexOf(':');
      if (colon < 0) {
        throw CredentialFile.malformed(
            file, "\"auth\" of \"" + key + "\" is not user:password", null);
      }
      user =
          Optional.of(decoded.substring(0, colon))
              .filter(u -> !u.isEmpty())
              .or(() -> Optional.empty());
      String password = decoded.substring(colon + 1);
      if (text(entry, "registrytoken").isEmpty() && text(entry, "identitytoken").isEmpty()) {
        return user.isPresent() && !password.isEmpty()
            ? Optional.of(Credentials.usernamePassword(user.get(), Secret.of(password)))
            : Optional.empty();
      }
    }
    Optional<String> registryToken = text(entry, "registrytoken");
    if (registryToken.isPresent()) {
      return Optional.of(Credentials.bearerToken(Secret.of(registryToken.get())));
    }
    Optional<String> identityToken = text(entry, "identitytoken");
    if (identityToken.isPresent()) {
      return Optional.of(Credentials.identityToken(user, Secret.of(identityToken.get())));
    }
    Optional<String> password = text(entry, "password");
    if (user.isPresent() && password.isPresent()) {
      return Optional.of(Credentials.usernamePassword(user.get(), Secret.of(password.get())));
    }
    return Optional.empty();
  }

  /** A non-empty string member; a member of another type counts as absent. */
  private static Optional<String> text(JsonNode entry, String name) {
    return Json.string(entry, name).filter(s -> !s.isEmpty());
  }

  private static String base64(String value, String key, Path file) {
    try {
      return new String(Base64.getDecoder().decode(value.strip()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw CredentialFile.malformed(file, "\"auth\" of \"" + key + "\" is not base64", null);
    }
  }
}
