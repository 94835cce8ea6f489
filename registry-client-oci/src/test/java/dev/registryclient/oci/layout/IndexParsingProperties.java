package dev.registryclient.oci.layout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.registryclient.api.Descriptor;
import dev.registryclient.api.exception.InvalidContentException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/** An index.json from an untrusted layout never crashes the reader with anything untyped. */
class IndexParsingProperties {
  private static Path dir;

  @BeforeContainer
  static void createLayout() throws IOException {
    dir = Files.createTempDirectory("index-props");
    Files.writeString(dir.resolve("oci-layout"), "{\"imageLayoutVersion\":\"1.0.0\"}");
  }

  @AfterContainer
  static void deleteLayout() throws IOException {
    try (var files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  @Property(tries = 300)
  void arbitraryIndexContentYieldsEntriesOrInvalidContent(@ForAll("indexes") String index)
      throws IOException {
    Files.writeString(dir.resolve("index.json"), index);
    OciLayoutReader reader = OciLayoutReader.open(dir);
    try {
      List<Descriptor> entries = reader.manifests();
      assertThat(entries).allSatisfy(e -> assertThat(e.size()).isNotNegative());
    } catch (InvalidContentException expected) {
      assertThat(expected.getMessage()).contains("index.json");
    }
  }

  @Provide
  Arbitrary<String> indexes() {
    Arbitrary<String> digests =
        Arbitraries.oneOf(
            Arbitraries.strings().ofMaxLength(80),
            Arbitraries.strings()
                .withChars("0123456789abcdef")
                .ofLength(64)
                .map(h -> "sha256:" + h));
    Arbitrary<String> sizes =
        Arbitraries.oneOf(
            Arbitraries.longs().map(Object::toString),
            Arbitraries.of("1.5", "\"7\"", "null", "1e99", "99999999999999999999999"));
    Arbitrary<String> wellShaped =
        Combinators.combine(digests, sizes)
            .as(
                (d, s) ->
                    "{\"schemaVersion\":2,\"manifests\":[{\"mediaType\":\"a/b\",\"digest\":"
                        + quote(d)
                        + ",\"size\":"
                        + s
                        + ",\"annotations\":{\"org.opencontainers.image.ref.name\":\"x\"}}]}");
    return Arbitraries.oneOf(wellShaped, Arbitraries.strings().ofMaxLength(200));
  }

  private static String quote(String s) {
    StringBuilder sb = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      sb.append(String.format("\\u%04x", (int) c));
    }
    return sb.append('"').toString();
  }
}
