package dev.registryclient.testkit;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.registryclient.api.Digest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LookasideDirectoryTest {
  private static final ImageSigner SIGNER = ImageSigner.generate();

  @TempDir Path tmp;

  @Test
  void signaturesGoUnderTheRepositoryPathWithoutTheHostNumberedFromOne() throws Exception {
    Digest digest = Digest.sha256("manifest".getBytes(UTF_8));
    LookasideDirectory lookaside = LookasideDirectory.at(tmp.resolve("sigstore"));
    SimpleSignature first = SIGNER.signSimple(digest, "127.0.0.1:5000/team/app:1.0");
    SimpleSignature second = first.tampered();

    Path one = lookaside.add("team/app", digest, first.bytes());
    Path two = lookaside.add("team/app", digest, second.bytes());

    Path expected = tmp.resolve("sigstore/team/app@sha256=" + digest.hex());
    assertThat(one).isEqualTo(expected.resolve("signature-1"));
    assertThat(two).isEqualTo(expected.resolve("signature-2"));
    assertThat(Files.readAllBytes(one)).isEqualTo(first.bytes());
    assertThat(Files.readAllBytes(two)).isEqualTo(second.bytes());
  }

  @Test
  void aPushedImageIsStoredUnderItsOwnDigestWhateverTheSignatureNames() {
    try (TestRegistry registry = TestRegistry.builder().start()) {
      PushedImage image = registry.image("app").layer(10).push("1.0");
      PushedImage other = registry.image("app").layer(20).push("2.0");
      LookasideDirectory lookaside = LookasideDirectory.at(tmp);

      Path file = lookaside.add(image, SIGNER.signSimple(other));

      assertThat(file)
          .isEqualTo(tmp.resolve("app@sha256=" + image.digest().hex() + "/signature-1"));
    }
  }

  @Test
  void registriesDPointsTheScopeAtTheDirectory() {
    LookasideDirectory lookaside = LookasideDirectory.at(tmp);

    assertThat(lookaside.registriesD("127.0.0.1:5000"))
        .isEqualTo("docker:\n  \"127.0.0.1:5000\":\n    lookaside: " + tmp.toUri() + "\n");
    assertThat(lookaside.uri().getScheme()).isEqualTo("file");
  }
}
