package dev.registryclient.core.auth.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.registryclient.api.exception.InvalidContentException;
import dev.registryclient.api.exception.RegistryClientException;
import dev.registryclient.core.testing.JsonTrees;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Credential files and helper output come from outside: whatever they hold, reading them gives
 * credentials, nothing, or the one documented error, never another exception.
 */
class CredentialParsingProperties {
  private static final Path FILE = Path.of("/home/u/.docker/config.json");

  @Property
  void arbitraryFileContentIsAnObjectOrAnErrorNamingTheFile(@ForAll String content) {
    try {
      assertThat(CredentialFile.parse(content, FILE)).isNotNull();
    } catch (InvalidContentException expected) {
      assertThat(expected).hasMessageContaining(FILE.toString()).hasNoCause();
    }
  }

  @Property
  void anAuthEntryOfAnyShapeGivesCredentialsNothingOrAnErrorNamingTheFile(
      @ForAll("entries") JsonNode entry) {
    try {
      assertThat(AuthEntry.decode(entry, "r.example", FILE)).isNotNull();
    } catch (InvalidContentException expected) {
      assertThat(expected).hasMessageContaining(FILE.toString());
    }
  }

  @Property
  void aConfigOfAnyShapeGivesAnObjectForAuthsOrAnErrorNamingTheFile(
      @ForAll("configs") JsonNode config) {
    try {
      assertThat(CredentialFile.object((ObjectNode) config, "auths", FILE)).isNotNull();
    } catch (InvalidContentException expected) {
      assertThat(expected).hasMessageContaining(FILE.toString());
    }
  }

  @Property
  void arbitraryHelperOutputGivesCredentialsNothingOrAnErrorNamingTheHelper(@ForAll String output) {
    try {
      assertThat(CredentialHelper.parse(output, "docker-credential-x")).isNotNull();
    } catch (RegistryClientException expected) {
      assertThat(expected).hasMessageContaining("docker-credential-x").hasNoCause();
    }
  }

  /** Entries with the members Docker and podman use, holding values of any type. */
  @Provide
  Arbitrary<JsonNode> entries() {
    Arbitrary<String> names =
        Arbitraries.of(
            "auth", "username", "password", "identitytoken", "registrytoken", "email", "x");
    Arbitrary<String> texts =
        Arbitraries.oneOf(
            Arbitraries.strings().ofMaxLength(20),
            Arbitraries.strings().ofMaxLength(20).map(CredentialParsingProperties::base64));
    return JsonTrees.values(2, names, texts);
  }

  @Provide
  Arbitrary<JsonNode> configs() {
    Arbitrary<String> names = Arbitraries.of("auths", "credHelpers", "credsStore", "r.example");
    return JsonTrees.objects(3, names, Arbitraries.strings().ofMaxLength(10));
  }

  private static String base64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }
}
