package dev.registryclient.api.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.registryclient.api.ImageReference;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Prefix matching and rewriting of one rule. The cases follow containers/image's refMatchingPrefix,
 * refMatchingSubdomainPrefix and rewriteReference tables, written for full references (ours always
 * have a registry and a repository).
 */
class RegistryRuleTest {
  private static final String DIGEST =
      "sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";

  private static RegistryRule rule(String prefix) {
    return new RegistryRule(prefix, Optional.empty(), false, false, List.of());
  }

  private static RegistryRule relocated(String prefix, String location) {
    return new RegistryRule(prefix, Optional.of(location), false, false, List.of());
  }

  private static ImageReference ref(String value) {
    return ImageReference.parse(value.replace("DIGEST", DIGEST));
  }

  @ParameterizedTest(name = "{1} covers {0}: {2}")
  @CsvSource({
    "docker.io/library/busybox, docker.io, true",
    "docker.io/library/busybox, docker.io/library, true",
    "docker.io/library/busybox, docker.io/library/busybox, true",
    "docker.io/libraryy/busybox, docker.io/library, false",
    "docker.io/library/busybox2, docker.io/library/busybox, false",
    "example.com/library/busybox, docker.io/library, false",
    "example.com/foo, example.com, true",
    "example.com/foo/bar:baz, example.com, true",
    "example.com/foo/bar@DIGEST, example.com, true",
    "example.com:5000/foo, example.com:5000, true",
    "example.com:50000/foo, example.com:5000, false",
    "example.com/foo:bar, example.com/foo:bar, true",
    "example.com/foo:bar2, example.com/foo:bar, false",
    "example.com/foo, example.com/foo:bar, false",
    "example.com/foo:bar@DIGEST, example.com/foo:bar, true",
    "example.com/foo@DIGEST, example.com/foo@DIGEST, true",
    "example.com/foobar, example.com/foo, false",
    "alpine, docker.io/library/alpine, true",
    "alpine, docker.io/alpine, false",
  })
  void aPrefixCoversWholeComponentsOnly(String reference, String prefix, boolean covers) {
    assertThat(rule(prefix.replace("DIGEST", DIGEST)).matches(ref(reference))).isEqualTo(covers);
  }

  @Test
  void aBareHostDoesNotCoverTheSameHostOnAnotherPort() {
    // containers/image matches this, and its source says not to rely on it: with a location it
    // would rewrite example.com:5000/app to location:5000/app.
    assertThat(rule("example.com").matches(ref("example.com:5000/app"))).isFalse();
    assertThat(rule("example.com").matches(ref("example.com/app"))).isTrue();
  }

  @ParameterizedTest(name = "{1} covers {0}: {2}")
  @CsvSource({
    "docker.io/foo, *.io, true",
    "docker.io/foo, *.com, false",
    "example.com/foo, *.co, false",
    "example.com/foo, *.example.com, false",
    "example.com/foo, *.com, true",
    "example.com/foo/bar:baz, *.com, true",
    "sub.example.com:5000/foo, *.example.com, true",
    "yet.another.example.com/foo/bar, *.another.example.com, true",
    "another.example.com/namespace.com/foo/bar/bbq:baz, *.example.com, true",
    "example.net/namespace-ends-in.com/foo/bar/bbq:baz, *.com, false",
    "another.example.com/namespace.com/foo/bar/bbq:baz, *.namespace.com, false",
    "another.sub.example.com/foo/bar/bbq:baz, *.sub.example.com, true",
    "yet.another.sub.example.com/foo/bar@DIGEST, *.sub.example.com, true",
    "example.community/foo, *.example.com, false",
    "Sub.Example.COM/foo, *.example.com, true",
  })
  void aWildcardCoversHostsUnderItsDomain(String reference, String prefix, boolean covers) {
    assertThat(rule(prefix).matches(ref(reference))).isEqualTo(covers);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "**.example.com",
    "*.",
    "*..example.com",
    "*.example.com/foo",
    "*.example.com:5000",
    "*.example.com@" + DIGEST,
    "*.*.example.com",
    "example.*.com",
    "*",
  })
  void aMalformedWildcardIsRefused(String prefix) {
    assertThatThrownBy(() -> rule(prefix))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(prefix);
  }

  @Test
  void anIpAddressIsNeverUnderAWildcard() {
    assertThat(rule("*.com").matches(ref("[::1]:5000/app"))).isFalse();
  }

  @ParameterizedTest(name = "{0} with {1} -> {2} is {3}")
  @CsvSource({
    "example.com/image, example.com, example.com, example.com/image",
    "example.com:5000/image:latest, example.com:5000, example.com:5000, example.com:5000/image:latest",
    "example.com/foo@DIGEST, example.com, example.com, example.com/foo@DIGEST",
    "example.com/foo/image:latest, example.com/foo, example.com, example.com/image:latest",
    "example.com/foo/image:latest, example.com/foo, example.com/path, example.com/path/image:latest",
    "docker.io/library/image:latest, docker.io, docker.io, docker.io/library/image:latest",
    "docker.io/library/image, docker.io/library, example.com, example.com/image",
    "docker.io/library/image, docker.io, example.com, example.com/library/image",
    "docker.io/library/prefix/image, docker.io/library/prefix, example.com, example.com/image",
    "docker.io/namespace/image, *.io, example.com, example.com/namespace/image",
    "sub.example.io/library/prefix/image, *.example.io, example.com, example.com/library/prefix/image",
    "another.sub.example.io:5000/library/image:latest, *.sub.example.io, example.com, example.com:5000/library/image:latest",
    "foo.bar.io/ns1/ns2/ns3/ns4, *.bar.io, omg.bbq.com/roflmao, omg.bbq.com/roflmao/ns1/ns2/ns3/ns4",
  })
  void theLocationReplacesTheMatchedPart(
      String reference, String prefix, String location, String expected) {
    assertThat(relocated(prefix, location).primary(ref(reference))).isEqualTo(ref(expected));
  }

  @Test
  void aWildcardWithoutLocationLeavesTheReferenceAsItIs() {
    ImageReference ref = ref("alien.vs.predator.foobar.io:5000/omg:bbq");
    assertThat(rule("*.foobar.io").primary(ref)).isEqualTo(ref);
  }

  @Test
  void aMirrorReplacesTheMatchedPartLikeTheLocation() {
    RegistryRule rule = relocated("registry-a.com/foo", "registry-a.com/bar");
    assertThat(rule.atMirror(ref("registry-a.com/foo/image:aaa"), MirrorRule.of("mirror.local")))
        .isEqualTo(ref("mirror.local/image:aaa"));
  }

  @Test
  void aRewriteIntoAnInvalidReferenceNamesTheRuleAndTheResult() {
    RegistryRule rule = relocated("example.com/foo", "example.com/bar:v2");
    assertThatThrownBy(() -> rule.primary(ref("example.com/foo/image:1")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("rule example.com/foo")
        .hasMessageContaining("example.com/bar:v2/image:1");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "internal-mirror/foo, does not start with a registry host",
    "https://mirror.example, has a URL scheme",
  })
  void aLocationMustStartWithARegistryHost(String location, String problem) {
    assertThatThrownBy(() -> relocated("docker.io", location))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(location)
        .hasMessageContaining(problem);
    assertThatThrownBy(() -> MirrorRule.of(location))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(problem);
  }

  @Test
  void trailingSlashesAndBlanksAreDroppedAsContainersImageDoes() {
    RegistryRule rule = relocated(" example.com/foo// ", "example.com/bar/");
    assertThat(rule.prefix()).isEqualTo("example.com/foo");
    assertThat(rule.location()).contains("example.com/bar");
    assertThat(MirrorRule.of("mirror.local/ns/").location()).isEqualTo("mirror.local/ns");
    assertThat(relocated("*.example.com", " ").location()).isEmpty();
  }

  @Test
  void aWildcardMayHaveALocation() {
    RegistryRule rule = relocated("*.example.com", "mirror.local");
    assertThat(rule.primary(ref("a.example.com/app:1"))).isEqualTo(ref("mirror.local/app:1"));
  }

  @Test
  void aHostRuleIsMoreSpecificThanAWildcardCoveringIt() {
    ImageReference ref = ref("x.a.com/app");
    assertThat(rule("x.a.com").matchLength(ref)).isGreaterThan(rule("*.a.com").matchLength(ref));
    assertThat(rule("*.a.com").matchLength(ref))
        .isGreaterThan(rule("*.com").matchLength(ref))
        .isPositive();
    assertThat(rule("*.b.com").matchLength(ref)).isEqualTo(-1);
  }
}
