package dev.registryclient.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class PlatformProperties {

  private static Arbitrary<String> name() {
    return Arbitraries.oneOf(
        Arbitraries.strings()
            .withCharRange('a', 'z')
            .numeric()
            .withChars("_.+-")
            .ofMinLength(1)
            .ofMaxLength(10),
        Arbitraries.of(
            "linux", "windows", "darwin", "amd64", "arm64", "arm", "aarch64", "x86_64", "i386",
            "armhf", "armel", "v7", "v8", "8", "v1"));
  }

  @Provide
  Arbitrary<Platform> platforms() {
    Arbitrary<Optional<String>> variant = name().optional(0.6);
    Arbitrary<Optional<String>> osVersion =
        Arbitraries.strings().numeric().withChars(".").ofMinLength(1).ofMaxLength(12).optional(0.3);
    return Combinators.combine(name(), name(), variant, osVersion)
        .as((os, arch, v, ver) -> new Platform(os, arch, v, ver, List.of()));
  }

  @Property
  void textFormRoundTrips(@ForAll("platforms") Platform p) {
    assertThat(Platform.parse(p.toString())).isEqualTo(p);
  }

  @Property
  void normalisingTwiceChangesNothing(@ForAll("platforms") Platform p) {
    assertThat(p.normalized().normalized()).isEqualTo(p.normalized());
  }

  @Property
  void everyPlatformMatchesItselfAndItsNormalisedForm(@ForAll("platforms") Platform p) {
    assertThat(p.matches(p)).isTrue();
    assertThat(p.matches(p.normalized())).isTrue();
    assertThat(p.normalized().matches(p)).isTrue();
  }

  @Property
  void arbitraryStringsFailOnlyWithIllegalArgument(@ForAll String value) {
    assertParsesOrRejectsCleanly(value);
  }

  @Provide
  Arbitrary<String> nearMisses() {
    return Arbitraries.oneOf(name(), Arbitraries.strings().withChars("/() .").ofMaxLength(2))
        .list()
        .ofMaxSize(8)
        .map(l -> String.join("", l));
  }

  @Property(tries = 3000)
  void nearMissesFailOnlyWithIllegalArgument(@ForAll("nearMisses") String value) {
    assertParsesOrRejectsCleanly(value);
  }

  private static void assertParsesOrRejectsCleanly(String value) {
    Platform p;
    try {
      p = Platform.parse(value);
    } catch (IllegalArgumentException expected) {
      assertThat(expected.getMessage()).startsWith("invalid platform \"");
      return;
    }
    assertThat(Platform.parse(p.toString())).isEqualTo(p);
  }
}
