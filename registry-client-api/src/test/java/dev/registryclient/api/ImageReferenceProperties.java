package dev.registryclient.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Builders;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class ImageReferenceProperties {

  /** The parts a valid reference is built from, and the reference they should parse to. */
  record Parts(String registry, String path, String tag, String digest) {
    String text() {
      return (registry == null ? "" : registry + "/")
          + path
          + (tag == null ? "" : ":" + tag)
          + (digest == null ? "" : "@" + digest);
    }

    String expectedRegistry() {
      return registry == null || registry.equals("index.docker.io") ? "docker.io" : registry;
    }

    String expectedRepository() {
      return expectedRegistry().equals("docker.io") && !path.contains("/")
          ? "library/" + path
          : path;
    }

    boolean unambiguous() {
      // without a registry, a first component with '.' would be read as one; a bare 64-hex name
      // is an image ID; and the normalised name must fit in 255 characters
      String first = path.contains("/") ? path.substring(0, path.indexOf('/')) : "";
      return (registry != null || !first.contains("."))
          && !(registry == null && ReferenceGrammar.isImageId(text()))
          && expectedRegistry().length() + 1 + expectedRepository().length() <= 255;
    }
  }

  private static Arbitrary<String> alnum(int max) {
    return Arbitraries.strings().withCharRange('a', 'z').numeric().ofMinLength(1).ofMaxLength(max);
  }

  private static Arbitrary<String> pathComponent() {
    Arbitrary<String> separator = Arbitraries.of(".", "_", "__", "-", "--", "---");
    Arbitrary<String> tail = Combinators.combine(separator, alnum(6)).as(String::concat);
    return Combinators.combine(alnum(8), tail.list().ofMaxSize(3))
        .as((head, rest) -> head + String.join("", rest));
  }

  private static Arbitrary<String> registry() {
    Arbitrary<String> label =
        Combinators.combine(
                Arbitraries.strings()
                    .withCharRange('a', 'z')
                    .withCharRange('A', 'Z')
                    .numeric()
                    .ofMinLength(1)
                    .ofMaxLength(6),
                Arbitraries.of("", "-x", "--x", "-9"))
            .as(String::concat);
    Arbitrary<String> dotted = label.list().ofMinSize(2).ofMaxSize(4).map(l -> String.join(".", l));
    Arbitrary<String> port = Arbitraries.integers().between(1, 65535).map(p -> ":" + p);
    Arbitrary<String> withPort = Combinators.combine(label, port).as(String::concat);
    Arbitrary<String> ipv6 =
        Arbitraries.of("[::1]", "[2001:db8::1]", "[fc00:1:2:3:4:5:6:7]", "[FE80::A]");
    Arbitrary<String> ipv6WithPort = Combinators.combine(ipv6, port).as(String::concat);
    return Arbitraries.oneOf(
        dotted,
        Combinators.combine(dotted, port).as(String::concat),
        withPort,
        ipv6,
        ipv6WithPort,
        Arbitraries.of("localhost", "localhost:5000", "docker.io", "index.docker.io", "ghcr.io"));
  }

  private static Arbitrary<String> tag() {
    String word = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_";
    return Combinators.combine(
            Arbitraries.strings().withChars(word).ofLength(1),
            Arbitraries.strings().withChars(word + ".-").ofMaxLength(127))
        .as(String::concat);
  }

  private static Arbitrary<String> digest() {
    return Arbitraries.of(Digest.Algorithm.class)
        .flatMap(
            a ->
                Arbitraries.strings()
                    .withChars("0123456789abcdef")
                    .ofLength(a.hexLength())
                    .map(hex -> a.prefix() + ":" + hex));
  }

  @Provide
  Arbitrary<Parts> validReferences() {
    return Builders.withBuilder(() -> new Parts(null, "x", null, null))
        .use(registry().injectNull(0.4))
        .in((p, r) -> new Parts(r, p.path(), p.tag(), p.digest()))
        .use(pathComponent().list().ofMinSize(1).ofMaxSize(4).map(l -> String.join("/", l)))
        .in((p, path) -> new Parts(p.registry(), path, p.tag(), p.digest()))
        .use(tag().injectNull(0.4))
        .in((p, t) -> new Parts(p.registry(), p.path(), t, p.digest()))
        .use(digest().injectNull(0.5))
        .in((p, d) -> new Parts(p.registry(), p.path(), p.tag(), d))
        .build()
        .filter(Parts::unambiguous);
  }

  @Property
  void validReferencesParseToTheirParts(@ForAll("validReferences") Parts parts) {
    ImageReference ref = ImageReference.parse(parts.text());

    assertThat(ref.registry()).isEqualTo(parts.expectedRegistry());
    assertThat(ref.repository()).isEqualTo(parts.expectedRepository());
    assertThat(ref.tag()).isEqualTo(Optional.ofNullable(parts.tag()));
    assertThat(ref.digest().map(Digest::toString)).isEqualTo(Optional.ofNullable(parts.digest()));
  }

  @Property
  void validReferencesRoundTripThroughToString(@ForAll("validReferences") Parts parts) {
    ImageReference ref = ImageReference.parse(parts.text());

    assertThat(ImageReference.parse(ref.toString())).isEqualTo(ref).hasToString(ref.toString());
    assertThat(ImageReference.parse(ref.familiarString())).isEqualTo(ref);
  }

  @Property
  void withersKeepEverythingElse(
      @ForAll("validReferences") Parts parts, @ForAll("tags") String tag) {
    ImageReference ref = ImageReference.parse(parts.text());
    ImageReference retagged = ref.withTag(tag);

    assertThat(retagged.tag()).contains(tag);
    assertThat(retagged.digest()).isEqualTo(ref.digest());
    assertThat(retagged.withoutTagOrDigest()).isEqualTo(ref.withoutTagOrDigest());
    assertThat(ImageReference.parse(retagged.toString())).isEqualTo(retagged);
  }

  @Provide
  Arbitrary<String> tags() {
    return tag();
  }

  @Provide
  Arbitrary<String> nearMisses() {
    Arbitrary<String> piece =
        Arbitraries.oneOf(
            Arbitraries.strings().withChars("aZ0:/@._-[]%$ ").ofMaxLength(6),
            Arbitraries.of("sha256:", "f".repeat(64), "localhost", "docker.io", "::1", "__"));
    return piece.list().ofMaxSize(12).map(l -> String.join("", l));
  }

  @Property
  void arbitraryStringsFailOnlyWithIllegalArgument(@ForAll String value) {
    assertParsesOrRejectsCleanly(value);
  }

  @Property(tries = 3000)
  void nearMissesFailOnlyWithIllegalArgument(@ForAll("nearMisses") String value) {
    assertParsesOrRejectsCleanly(value);
  }

  @Property(tries = 50)
  void hugeAdversarialInputIsRejectedQuickly(
      @ForAll("nearMisses") String seed, @ForAll("repeats") int repeats) {
    assertParsesOrRejectsCleanly(seed.repeat(repeats));
  }

  @Provide
  Arbitrary<Integer> repeats() {
    return Arbitraries.integers().between(1, 20_000);
  }

  private static void assertParsesOrRejectsCleanly(String value) {
    ImageReference ref;
    try {
      ref = ImageReference.parse(value);
    } catch (IllegalArgumentException expected) {
      assertThat(expected.getMessage()).startsWith("invalid image reference \"");
      return;
    }
    assertThat(ImageReference.parse(ref.toString())).isEqualTo(ref);
    assertThat(List.of(ref.registry(), ref.repository())).doesNotContain("");
  }
}
