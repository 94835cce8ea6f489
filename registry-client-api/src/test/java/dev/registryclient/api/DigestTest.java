package dev.registryclient.api;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DigestTest {
  // sha256("hello") and sha512("hello"), as printed by sha256sum / sha512sum
  private static final String HELLO_SHA256 =
      "sha256:2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824";
  private static final String HELLO_SHA512 =
      "sha512:9b71d224bd62f3785d96d46ad3ea3d73319bfbc2890caadae2dff72519673ca7"
          + "2323c3d99ba5c11d7c7acc6e14b8c5da0c4663475c2e5c3adef46f73bcdec043";

  @Test
  void computesTheSameDigestsAsTheCommandLineTools() {
    byte[] hello = "hello".getBytes(UTF_8);

    assertThat(Digest.sha256(hello)).hasToString(HELLO_SHA256);
    assertThat(Digest.compute(Digest.Algorithm.SHA512, hello)).hasToString(HELLO_SHA512);
  }

  @Test
  void parsesWhatItPrints() {
    Digest d = Digest.parse(HELLO_SHA256);

    assertThat(d.algorithm()).isEqualTo(Digest.Algorithm.SHA256);
    assertThat(d.hex()).isEqualTo(HELLO_SHA256.substring(7));
    assertThat(d).isEqualTo(Digest.sha256("hello".getBytes(UTF_8)));
    assertThat(d).hasSameHashCodeAs(Digest.parse(HELLO_SHA256));
  }

  @Test
  void matchesOnlyTheContentItWasComputedFrom() {
    Digest d = Digest.parse(HELLO_SHA256);

    assertThat(d.matches("hello".getBytes(UTF_8))).isTrue();
    assertThat(d.matches("hello!".getBytes(UTF_8))).isFalse();
  }

  @Test
  void differsWhenTheAlgorithmDiffers() {
    Digest a = Digest.of(Digest.Algorithm.SHA256, "a".repeat(64));
    Digest b = Digest.sha256(new byte[0]);

    assertThat(a).isNotEqualTo(b);
    assertThat(a).isNotEqualTo(Digest.parse("sha512:" + "a".repeat(128)));
    assertThat(a.compareTo(b)).isNotZero();
  }

  @Test
  void shortFormKeepsTwelveHexCharacters() {
    assertThat(Digest.parse(HELLO_SHA256).shortForm()).isEqualTo("sha256:2cf24dba5fb0");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        ":",
        "sha256",
        ":2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824",
        "sha256:",
        "sha256:2cf24dba",
        "sha256:2CF24DBA5FB0A30E26E83B2AC5B9E29E1B161E5C1FA7425E73043362938B9824",
        "sha256:2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b982g",
        "sha256:2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824 ",
        "SHA256:2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824",
        "sha384:2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824",
        "md5:5d41402abc4b2a76b9719d911017c592",
        "sha512:2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824"
      })
  void rejectsMalformedDigestsQuotingThem(String value) {
    assertThat(Digest.isValid(value)).isFalse();
    assertThatThrownBy(() -> Digest.parse(value))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("invalid digest \"");
  }

  @Test
  void explainsWhyADigestIsInvalid() {
    assertThatThrownBy(() -> Digest.parse("sha256:abc")).hasMessageContaining("64 hex characters");
    assertThatThrownBy(() -> Digest.parse("sha256:" + "A".repeat(64)))
        .hasMessageContaining("lower-case hex");
    assertThatThrownBy(() -> Digest.parse("md5:ab")).hasMessageContaining("unsupported");
  }

  @Test
  void keepsMessagesShortForHugeInput() {
    String hugeAlgorithm = "x".repeat(50_000) + ":ab";
    String hugeHex = "sha256:" + "a".repeat(50_000);

    assertThatThrownBy(() -> Digest.parse(hugeAlgorithm))
        .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(600));
    assertThatThrownBy(() -> Digest.parse(hugeHex))
        .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(600));
  }

  @Test
  void rejectsAHashOfTheWrongLength() {
    assertThatThrownBy(() -> Digest.fromBytes(Digest.Algorithm.SHA256, new byte[31]))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
