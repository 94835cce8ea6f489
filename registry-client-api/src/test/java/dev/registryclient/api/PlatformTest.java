package dev.registryclient.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PlatformTest {

  @Test
  void parsesOsArchitectureAndVariant() {
    Platform p = Platform.parse("linux/arm64/v8");

    assertThat(p.os()).isEqualTo("linux");
    assertThat(p.architecture()).isEqualTo("arm64");
    assertThat(p.variant()).contains("v8");
    assertThat(p.osVersion()).isEmpty();
    assertThat(p).hasToString("linux/arm64/v8");
  }

  @Test
  void readsAndPrintsTheOsVersionInParentheses() {
    Platform p = Platform.parse("windows(10.0.17763.5820)/amd64");

    assertThat(p.os()).isEqualTo("windows");
    assertThat(p.osVersion()).contains("10.0.17763.5820");
    assertThat(p).hasToString("windows(10.0.17763.5820)/amd64");
  }

  @Test
  void readsNamesInLowerCase() {
    assertThat(Platform.parse("Linux/AMD64")).isEqualTo(Platform.of("linux", "amd64"));
  }

  @ParameterizedTest
  @CsvSource({
    "linux/aarch64, linux/arm64/v8",
    "linux/arm64, linux/arm64/v8",
    "linux/arm64/8, linux/arm64/v8",
    "linux/arm64/v8.0, linux/arm64/v8",
    "linux/x86_64, linux/amd64",
    "linux/x86-64, linux/amd64",
    "linux/amd64/v1, linux/amd64",
    "linux/amd64/v3, linux/amd64/v3",
    "linux/armhf, linux/arm/v7",
    "linux/armel, linux/arm/v6",
    "linux/arm, linux/arm/v7",
    "linux/arm/7, linux/arm/v7",
    "linux/arm/6, linux/arm/v6",
    "linux/i386, linux/386",
    "macos/arm64, darwin/arm64/v8",
    "linux/ppc64le, linux/ppc64le",
    "unknown/unknown, unknown/unknown"
  })
  void normalisesLikeContainerd(String given, String normalised) {
    assertThat(Platform.parse(given).normalized()).hasToString(normalised);
  }

  @Test
  void normalisingKeepsOsVersionAndFeatures() {
    Platform p =
        new Platform(
            "Windows", "X86_64", Optional.empty(), Optional.of("10.0.1"), List.of("win32k"));

    assertThat(p.normalized())
        .isEqualTo(
            new Platform(
                "windows", "amd64", Optional.empty(), Optional.of("10.0.1"), List.of("win32k")));
  }

  @Test
  void matchesSpellingsOfTheSamePlatform() {
    assertThat(Platform.parse("linux/arm64/v8").matches(Platform.parse("linux/arm64"))).isTrue();
    assertThat(Platform.parse("linux/arm64").matches(Platform.parse("linux/aarch64"))).isTrue();
    assertThat(Platform.parse("linux/arm/v7").matches(Platform.parse("linux/armhf"))).isTrue();
    assertThat(Platform.parse("linux/amd64").matches(Platform.parse("linux/x86_64"))).isTrue();
  }

  @Test
  void doesNotFallBackToOtherVariantsOrArchitectures() {
    assertThat(Platform.parse("linux/arm/v6").matches(Platform.parse("linux/arm/v7"))).isFalse();
    assertThat(Platform.parse("linux/amd64/v3").matches(Platform.parse("linux/amd64"))).isFalse();
    assertThat(Platform.parse("linux/386").matches(Platform.parse("linux/amd64"))).isFalse();
    assertThat(Platform.parse("windows/amd64").matches(Platform.parse("linux/amd64"))).isFalse();
  }

  @Test
  void comparesOsVersionOnlyWhenWanted() {
    Platform image = Platform.parse("windows(10.0.17763.5820)/amd64");

    assertThat(image.matches(Platform.parse("windows/amd64"))).isTrue();
    assertThat(image.matches(Platform.parse("windows(10.0.17763)/amd64"))).isTrue();
    assertThat(image.matches(Platform.parse("windows(10.0.17763.5820)/amd64"))).isTrue();
    assertThat(image.matches(Platform.parse("windows(10.0.1776)/amd64"))).isFalse();
    assertThat(image.matches(Platform.parse("windows(10.0.20348)/amd64"))).isFalse();
    assertThat(Platform.parse("windows/amd64").matches(Platform.parse("windows(10.0)/amd64")))
        .isFalse();
  }

  @Test
  void requiresEveryWantedOsFeature() {
    Platform image =
        new Platform("windows", "amd64", Optional.empty(), Optional.empty(), List.of("win32k"));
    Platform wanted =
        new Platform("windows", "amd64", Optional.empty(), Optional.empty(), List.of("win32k"));

    assertThat(image.matches(wanted)).isTrue();
    assertThat(Platform.of("windows", "amd64").matches(wanted)).isFalse();
    assertThat(image.matches(Platform.of("windows", "amd64"))).isTrue();
  }

  @Test
  void currentPlatformIsNormalised() {
    Platform current = Platform.current();

    assertThat(current.normalized()).isEqualTo(current);
  }

  @ParameterizedTest
  @CsvSource({
    "Linux, amd64, linux/amd64",
    "Linux, aarch64, linux/arm64/v8",
    "Linux, arm, linux/arm/v7",
    "Linux, x86, linux/386",
    "Linux, i686, linux/386",
    "Linux, ppc64le, linux/ppc64le",
    "Linux, s390x, linux/s390x",
    "Linux, riscv64, linux/riscv64",
    "Mac OS X, x86_64, darwin/amd64",
    "Mac OS X, aarch64, darwin/arm64/v8",
    "Windows 11, amd64, windows/amd64",
    "FreeBSD, amd64, freebsd/amd64",
    "'', '', unknown/unknown",
    "Ünïcode OS!, ???, ncodeos/unknown"
  })
  void mapsJvmPropertiesToPlatformNames(String osName, String osArch, String expected) {
    assertThat(PlatformNames.fromJvm(osName, osArch)).hasToString(expected);
  }

  @Test
  void copiesOsFeatures() {
    List<String> features = new ArrayList<>(List.of("a"));
    Platform p = new Platform("windows", "amd64", Optional.empty(), Optional.empty(), features);
    features.add("b");

    assertThat(p.osFeatures()).containsExactly("a");
    assertThatThrownBy(() -> p.osFeatures().add("c"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "linux",
        "linux/",
        "/amd64",
        "linux/amd64/",
        "linux/amd64/v8/extra",
        "linux//v8",
        "linux/amd 64",
        "(1.0)/amd64",
        "windows(1.0/amd64",
        "windows(1/0)/amd64",
        "windows()/amd64",
        "linux/\u212a" // Kelvin sign: must not be lower-cased into a valid 'k'
      })
  void rejectsMalformedPlatformsQuotingThem(String value) {
    assertThatThrownBy(() -> Platform.parse(value))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("invalid platform \"");
  }
}
