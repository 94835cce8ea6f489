package dev.registryclient.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Parsing and normalisation, with the cases of distribution/reference's own tests. */
class ImageReferenceTest {
  private static final String SHA256 = "sha256:" + "f".repeat(64);
  private static final String SHA512 = "sha512:" + "f".repeat(128);

  static Stream<Arguments> validReferences() {
    // input, registry, repository, tag (or null), digest (or null)
    return Stream.of(
        Arguments.of("ubuntu", "docker.io", "library/ubuntu", null, null),
        Arguments.of("ubuntu:22.04", "docker.io", "library/ubuntu", "22.04", null),
        Arguments.of("docker.io/ubuntu", "docker.io", "library/ubuntu", null, null),
        Arguments.of("index.docker.io/debian", "docker.io", "library/debian", null, null),
        Arguments.of("index.docker.io/docker/docker", "docker.io", "docker/docker", null, null),
        Arguments.of("library/foo/bar", "docker.io", "library/foo/bar", null, null),
        Arguments.of("docker.io/library/foo/bar", "docker.io", "library/foo/bar", null, null),
        Arguments.of("dmcgowan/myapp:latest", "docker.io", "dmcgowan/myapp", "latest", null),
        Arguments.of("test_com", "docker.io", "library/test_com", null, null),
        Arguments.of("test_com/foo", "docker.io", "test_com/foo", null, null),
        Arguments.of("test.com:tag", "docker.io", "library/test.com", "tag", null),
        Arguments.of("test.com:5000", "docker.io", "library/test.com", "5000", null),
        Arguments.of("192.168.1.1:5000", "docker.io", "library/192.168.1.1", "5000", null),
        Arguments.of("test.com/repo:tag", "test.com", "repo", "tag", null),
        Arguments.of("test:5000/repo", "test:5000", "repo", null, null),
        Arguments.of("test:5000/repo@" + SHA256, "test:5000", "repo", null, SHA256),
        Arguments.of("test:5000/repo:tag@" + SHA256, "test:5000", "repo", "tag", SHA256),
        Arguments.of("lowercase:Uppercase", "docker.io", "library/lowercase", "Uppercase", null),
        Arguments.of(
            "sub-dom1.foo.com/bar/baz/quux:some-long-tag",
            "sub-dom1.foo.com",
            "bar/baz/quux",
            "some-long-tag",
            null),
        Arguments.of(
            "b.gcr.io/test.example.com/my-app:test.example.com",
            "b.gcr.io",
            "test.example.com/my-app",
            "test.example.com",
            null),
        Arguments.of(
            "xn--n3h.com/myimage:xn--n3h.com", "xn--n3h.com", "myimage", "xn--n3h.com", null),
        Arguments.of(
            "xn--7o8h.com/myimage:xn--7o8h.com@" + SHA512,
            "xn--7o8h.com",
            "myimage",
            "xn--7o8h.com",
            SHA512),
        Arguments.of("foo/foo_bar.com:8080", "docker.io", "foo/foo_bar.com", "8080", null),
        Arguments.of("192.168.1.1:5000/repo:5050", "192.168.1.1:5000", "repo", "5050", null),
        Arguments.of("localhost/repo", "localhost", "repo", null, null),
        Arguments.of("localhost:5000/a/b:c", "localhost:5000", "a/b", "c", null),
        Arguments.of("[2001:db8::1]/repo", "[2001:db8::1]", "repo", null, null),
        Arguments.of(
            "[2001:db8:1:2:3:4:5:6]/repo:tag", "[2001:db8:1:2:3:4:5:6]", "repo", "tag", null),
        Arguments.of(
            "[2001:db8::1]:5000/repo:tag@" + SHA256, "[2001:db8::1]:5000", "repo", "tag", SHA256),
        Arguments.of("[::1]:5000/repo", "[::1]:5000", "repo", null, null),
        Arguments.of("Docker/docker", "Docker", "docker", null, null),
        Arguments.of(
            "docker.io/" + "1a3f5e7d9c1b3a5f7e9d1c3b5a7f9e1d3c5b7a9f1e3d5d7c9b1a3f5e7d9c1b3a",
            "docker.io",
            "library/1a3f5e7d9c1b3a5f7e9d1c3b5a7f9e1d3c5b7a9f1e3d5d7c9b1a3f5e7d9c1b3a",
            null,
            null),
        Arguments.of("docker---rules/docker", "docker.io", "docker---rules/docker", null, null),
        Arguments.of("dock__er/docker", "docker.io", "dock__er/docker", null, null),
        Arguments.of("busybox:latest@" + SHA256, "docker.io", "library/busybox", "latest", SHA256));
  }

  @ParameterizedTest
  @MethodSource("validReferences")
  void parsesAndNormalisesValidReferences(
      String input, String registry, String repository, String tag, String digest) {
    ImageReference ref = ImageReference.parse(input);

    assertThat(ref.registry()).isEqualTo(registry);
    assertThat(ref.repository()).isEqualTo(repository);
    assertThat(ref.tag().orElse(null)).isEqualTo(tag);
    assertThat(ref.digest().map(Digest::toString).orElse(null)).isEqualTo(digest);
    assertThat(ImageReference.parse(ref.toString())).isEqualTo(ref);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        ":justtag",
        "@sha256:ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff",
        "repo@sha256:ffffffffffffffffffffffffffffffffff",
        "validname@invaliddigest:ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff",
        "repo@sha384:"
            + "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff",
        "Uppercase:tag",
        "test:5000/Uppercase/lowercase:tag",
        "aa/asdf$$^/aa",
        "[2001:db8::1]",
        "[2001:db8::1]:5000",
        "[2001:db8::1]:tag",
        "[fe80::1%eth0]:5000/repo",
        "[fe80::1%@invalidzone]:5000/repo",
        "[2001:db8:3:4::192.0.2.33]:5000/debian",
        "fc00::1:5000/debian",
        "https://github.com/docker/docker",
        "docker/Docker",
        "-docker",
        "-docker/docker",
        "-docker.io/docker/docker",
        "docker///docker",
        "docker.io/docker/Docker",
        "docker.io/docker///docker",
        "1a3f5e7d9c1b3a5f7e9d1c3b5a7f9e1d3c5b7a9f1e3d5d7c9b1a3f5e7d9c1b3a",
        "docker-/docker",
        "-docker-/docker",
        "____/____",
        "_docker/_docker",
        "dock..er/docker",
        "dock_.er/docker",
        "dock-.er/docker",
        "a___b",
        "docker/",
        "ubuntu:",
        "ubuntu@",
        "ubuntu:-tag",
        "ubuntu:tag with space",
        "host:/repo",
        "host:50a0/repo",
        "ex-.com/repo",
        "ex..com/repo",
        "ubuntu@sha256:FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF"
      })
  void rejectsInvalidReferencesWithIllegalArgumentQuotingTheInput(String input) {
    assertThatThrownBy(() -> ImageReference.parse(input))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("\"" + input + "\"");
  }

  @Test
  void explainsWhichRuleWasBroken() {
    assertThatThrownBy(() -> ImageReference.parse("docker.io/docker/Docker"))
        .hasMessageContaining("lower case");
    assertThatThrownBy(() -> ImageReference.parse("ubuntu:" + "t".repeat(129)))
        .hasMessageContaining("longer than 128");
    assertThatThrownBy(() -> ImageReference.parse("docker/dock..er"))
        .hasMessageContaining("separator");
  }

  @Test
  void limitsRegistryPlusRepositoryTo255Characters() {
    assertThat(ImageReference.parse("x.io/" + "a".repeat(250)).name()).hasSize(255);
    assertThatThrownBy(() -> ImageReference.parse("x.io/" + "a".repeat(251)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("longer than 255");
    // distribution counts the normalised name, docker.io/ prefix included
    assertThatThrownBy(() -> ImageReference.parse("a/".repeat(127) + "a:tag-puts-this-over-max"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void abbreviatesHugeInputInTheMessage() {
    String huge = "a".repeat(100_000);
    assertThatThrownBy(() -> ImageReference.parse(huge))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("...")
        .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(400));
  }

  @Test
  void talksToRegistry1ForDockerHubAndToTheNamedRegistryOtherwise() {
    assertThat(ImageReference.parse("ubuntu").registryApiHost()).isEqualTo("registry-1.docker.io");
    assertThat(ImageReference.parse("index.docker.io/x/y").registryApiHost())
        .isEqualTo("registry-1.docker.io");
    assertThat(ImageReference.parse("localhost:5000/app").registryApiHost())
        .isEqualTo("localhost:5000");
    assertThat(ImageReference.parse("[::1]:5000/app").registryApiHost()).isEqualTo("[::1]:5000");
  }

  @Test
  void referencePrefersTheDigestThenTheTagThenLatest() {
    assertThat(ImageReference.parse("app").reference()).isEqualTo("latest");
    assertThat(ImageReference.parse("app:1").reference()).isEqualTo("1");
    assertThat(ImageReference.parse("app:1@" + SHA256).reference()).isEqualTo(SHA256);
    assertThat(ImageReference.parse("app@" + SHA256).reference()).isEqualTo(SHA256);
  }

  @Test
  void printsTheCanonicalFormWithoutInventingATag() {
    assertThat(ImageReference.parse("ubuntu")).hasToString("docker.io/library/ubuntu");
    assertThat(ImageReference.parse("ubuntu:22.04")).hasToString("docker.io/library/ubuntu:22.04");
    assertThat(ImageReference.parse("busybox:latest@" + SHA256))
        .hasToString("docker.io/library/busybox:latest@" + SHA256);
  }

  @Test
  void familiarFormsDropWhatDockerLeavesOut() {
    assertThat(ImageReference.parse("docker.io/library/redis:7").familiarString())
        .isEqualTo("redis:7");
    assertThat(ImageReference.parse("docker.io/library/foo/bar").familiarName())
        .isEqualTo("library/foo/bar");
    assertThat(ImageReference.parse("dmcgowan/myapp").familiarName()).isEqualTo("dmcgowan/myapp");
    assertThat(ImageReference.parse("example.com:8000/privatebase").familiarName())
        .isEqualTo("example.com:8000/privatebase");
    // "my.org/app" alone would name the registry my.org
    assertThat(ImageReference.parse("docker.io/my.org/app").familiarName())
        .isEqualTo("docker.io/my.org/app");
  }

  @Test
  void withersReplaceOnlyWhatTheyName() {
    ImageReference ref = ImageReference.parse("ghcr.io/org/app:1");
    Digest digest = Digest.parse(SHA256);

    assertThat(ref.withDigest(digest)).hasToString("ghcr.io/org/app:1@" + SHA256);
    assertThat(ref.withDigest(digest).withTag("2")).hasToString("ghcr.io/org/app:2@" + SHA256);
    assertThat(ref.withDigest(digest).withoutTagOrDigest()).hasToString("ghcr.io/org/app");
    assertThat(ref.name()).isEqualTo("ghcr.io/org/app");
    assertThatThrownBy(() -> ref.withTag("-bad"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("-bad");
  }

  @Test
  void buildsAReferenceFromRegistryAndRepository() {
    assertThat(ImageReference.of("127.0.0.1:5000", "team/app"))
        .isEqualTo(ImageReference.parse("127.0.0.1:5000/team/app"));
    assertThat(ImageReference.of("index.docker.io", "ubuntu"))
        .isEqualTo(ImageReference.parse("ubuntu"));
    assertThatThrownBy(() -> ImageReference.of("myhost", "app"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Docker Hub namespace");
    assertThatThrownBy(() -> ImageReference.of("ghcr.io", "Org/App"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("lower case");
  }

  @Test
  void equalReferencesHaveEqualHashCodes() {
    assertThat(ImageReference.parse("ubuntu:22.04"))
        .isEqualTo(ImageReference.parse("docker.io/library/ubuntu:22.04"))
        .hasSameHashCodeAs(ImageReference.parse("index.docker.io/ubuntu:22.04"))
        .isNotEqualTo(ImageReference.parse("ubuntu:22.10"))
        .isNotEqualTo(ImageReference.parse("ubuntu"));
  }
}
