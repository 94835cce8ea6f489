package dev.registryclient.api.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.registryclient.api.ImageReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The identity rules against containers/image's own tables ({@code
 * signature/policy_reference_match_test.go} at commit df7e80d2). Rows it keeps that cannot occur
 * here are left out, each with the reason: references our parser refuses ({@code INVALID},
 * upper-case repositories, the empty string), and pulled references without tag or digest or with
 * both, which the policy takes as {@code :latest} and as the digest alone (tested apart below).
 */
class SignedIdentityTest {
  private static final String RHEL = "registry.access.redhat.com/rhel7/rhel:7.2.3";
  private static final String RHEL_UNTAGGED = "registry.access.redhat.com/rhel7/rhel";
  private static final String D =
      "@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
  private static final String D_OTHER =
      "@sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";

  record Row(String a, String b, boolean result) {
    Row reversed() {
      return new Row(b, a, result);
    }

    @Override
    public String toString() {
      return a + " vs " + b + " -> " + result;
    }
  }

  private static Row row(String a, String b, boolean result) {
    return new Row(a, b, result);
  }

  /** prmExactMatchTestTable (symmetric), without the rows of invalid references. */
  static final List<Row> EXACT =
      List.of(
          row("busybox:latest", "busybox:latest", true),
          row(RHEL, RHEL, true),
          row("busybox" + D, "busybox" + D, true),
          row("library/busybox:latest", "busybox:latest", true),
          row("docker.io/library/busybox:latest", "busybox:latest", true),
          row("library/busybox" + D, "busybox" + D, true),
          row("busybox:latest", "busybox:notlatest", false),
          row("busybox:latest", "notbusybox:latest", false),
          row("busybox:latest", "hostname/library/busybox:notlatest", false),
          row("hostname/library/busybox:latest", "busybox:notlatest", false),
          row("busybox:latest", RHEL, false),
          row("busybox" + D, "notbusybox" + D, false),
          row("busybox:latest", "busybox" + D, false),
          row("busybox" + D, "busybox" + D_OTHER, false),
          row("busybox", "busybox:latest", false),
          row("busybox", "busybox" + D, false),
          row("busybox", "busybox", false),
          row("busybox:latest" + D, "busybox:latest" + D, true),
          row("busybox:latest" + D, "busybox:latest" + D_OTHER, false),
          row("busybox:latest" + D, "busybox:notlatest" + D, false),
          row("busybox:latest" + D, "busybox" + D, false),
          row("busybox:latest" + D, "busybox:latest", false));

  /** prmRepositoryMatchTestTable (symmetric), without the rows of invalid references. */
  static final List<Row> REPOSITORY =
      List.of(
          row("busybox:latest", "busybox:latest", true),
          row(RHEL, RHEL, true),
          row("busybox" + D, "busybox" + D, true),
          row("library/busybox:latest", "busybox:latest", true),
          row("docker.io/library/busybox:latest", "busybox:latest", true),
          row("library/busybox" + D, "busybox" + D, true),
          row("busybox:latest", "busybox:notlatest", true),
          row(RHEL + "tagsuffix", RHEL, true),
          row("library/busybox:latest", "busybox:notlatest", true),
          row("busybox:latest", "library/busybox:notlatest", true),
          row("docker.io/library/busybox:notlatest", "busybox:latest", true),
          row("busybox:notlatest", "docker.io/library/busybox:latest", true),
          row("busybox:latest", "busybox" + D, true),
          row("busybox" + D, "busybox" + D_OTHER, true),
          row("busybox", "busybox:notlatest", true),
          row(RHEL, RHEL_UNTAGGED, true),
          row("busybox", "busybox" + D, true),
          row("library/busybox", "busybox", true),
          row("docker.io/library/busybox", "busybox", true),
          row("busybox:latest", "notbusybox:latest", false),
          row("hostname/library/busybox:latest", "busybox:notlatest", false),
          row("busybox:latest", RHEL, false),
          row("busybox" + D, "notbusybox" + D, false),
          row("busybox:latest" + D, "busybox:latest" + D, true),
          row("busybox:latest" + D, "busybox:latest" + D_OTHER, true),
          row("busybox:latest" + D, "busybox:notlatest" + D, true),
          row("busybox:latest" + D, "busybox" + D, true),
          row("busybox:latest" + D, "busybox:latest", true));

  /** matchRepoDigestOrExactTestTable (image, signature), without the rows named above. */
  static final List<Row> REPO_DIGEST_OR_EXACT =
      List.of(
          row("busybox:latest", "busybox:notlatest", false),
          row(RHEL + "tagsuffix", RHEL, false),
          row("library/busybox:latest", "busybox:notlatest", false),
          row("busybox:latest", "library/busybox:notlatest", false),
          row("docker.io/library/busybox:notlatest", "busybox:latest", false),
          row("busybox:notlatest", "docker.io/library/busybox:latest", false),
          row("busybox:latest", "busybox", false),
          row("busybox" + D, "busybox", false),
          row(RHEL, RHEL_UNTAGGED, false),
          row("busybox:latest", "busybox" + D, false),
          row("busybox" + D, "busybox:latest", true),
          row("busybox" + D, "busybox" + D_OTHER, true),
          row("busybox:latest", "busybox:latest" + D, false));

  private static ImageReference ref(String value) {
    return ImageReference.parse(value);
  }

  /** A pulled reference the policy takes as it is: one tag or one digest. */
  private static boolean plain(String pulled) {
    ImageReference r = ref(pulled);
    return r.tag().isPresent() != r.digest().isPresent();
  }

  private static Stream<Row> bothWays(List<Row> rows) {
    return rows.stream().flatMap(r -> Stream.of(r, r.reversed()));
  }

  static Stream<Row> exactRows() {
    return bothWays(EXACT).filter(r -> plain(r.a()));
  }

  static Stream<Row> repositoryRows() {
    return bothWays(REPOSITORY);
  }

  /** As containers/image: exact's successes, repository's failures, and its own table. */
  static Stream<Row> repoDigestOrExactRows() {
    Stream<Row> accepted = bothWays(EXACT).filter(Row::result);
    Stream<Row> refused = bothWays(REPOSITORY).filter(r -> !r.result());
    return Stream.of(accepted, refused, REPO_DIGEST_OR_EXACT.stream())
        .flatMap(s -> s)
        .filter(r -> plain(r.a()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("exactRows")
  void matchExactNeedsTheSameReference(Row row) {
    assertThat(new SignedIdentity.MatchExact().matches(ref(row.a()), ref(row.b())))
        .isEqualTo(row.result());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("repoDigestOrExactRows")
  void matchRepoDigestOrExactNeedsTheTagOrTheRepositoryOfADigest(Row row) {
    assertThat(new SignedIdentity.MatchRepoDigestOrExact().matches(ref(row.a()), ref(row.b())))
        .isEqualTo(row.result());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("repositoryRows")
  void matchRepositoryNeedsTheSameRepository(Row row) {
    assertThat(new SignedIdentity.MatchRepository().matches(ref(row.a()), ref(row.b())))
        .isEqualTo(row.result());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("repositoryRows")
  void exactRepositoryNeedsItsRepositoryWhateverIsPulled(Row row) {
    SignedIdentity rule = new SignedIdentity.ExactRepository(ref(row.a()));
    assertThat(rule.matches(ref("unrelated.example/x:1"), ref(row.b()))).isEqualTo(row.result());
  }

  static Stream<Row> exactReferenceRows() {
    // a dockerReference without tag or digest is refused when the rule is made (below)
    return bothWays(EXACT).filter(r -> !ref(r.a()).toString().equals(ref(r.a()).name()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("exactReferenceRows")
  void exactReferenceNeedsItsReferenceWhateverIsPulled(Row row) {
    SignedIdentity rule = new SignedIdentity.ExactReference(ref(row.a()));
    assertThat(rule.matches(ref("unrelated.example/x:1"), ref(row.b()))).isEqualTo(row.result());
  }

  @Test
  void exactReferenceNeedsATagOrDigest() {
    assertThatThrownBy(() -> new SignedIdentity.ExactReference(ref("library/busybox")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("neither a tag nor a digest");
  }

  @Test
  void exactRepositoryIgnoresATagAsContainersImageDoes() {
    // containers/image's own tests build exactRepository from "library/busybox:latest"
    var rule = new SignedIdentity.ExactRepository(ref("library/busybox:latest"));

    assertThat(rule.dockerRepository()).isEqualTo(ref("docker.io/library/busybox"));
    assertThat(rule.matches(ref("x.example/y:1"), ref("busybox:1.36"))).isTrue();
  }

  @Test
  void aPullWithoutTagIsAPullOfLatest() {
    ImageReference pulled = ref("busybox");

    assertThat(new SignedIdentity.MatchExact().matches(pulled, ref("busybox:latest"))).isTrue();
    assertThat(new SignedIdentity.MatchRepoDigestOrExact().matches(pulled, ref("busybox:latest")))
        .isTrue();
    assertThat(new SignedIdentity.MatchRepoDigestOrExact().matches(pulled, ref("busybox:1")))
        .isFalse();
    assertThat(new SignedIdentity.MatchRepoDigestOrExact().matches(pulled, ref("busybox")))
        .isFalse();
  }

  @Test
  void aPullByTagAndDigestIsAPullByDigestAsInPodman() {
    // containers/image itself would compare "busybox:latest@sha256:..." exactly; podman (libimage
    // normalizeTaggedDigestedNamed) drops the tag before containers/image sees the reference
    ImageReference pulled = ref("busybox:latest" + D);
    var repoDigestOrExact = new SignedIdentity.MatchRepoDigestOrExact();

    assertThat(repoDigestOrExact.matches(pulled, ref("busybox:1.36"))).isTrue();
    assertThat(repoDigestOrExact.matches(pulled, ref("busybox:latest" + D))).isTrue();
    assertThat(repoDigestOrExact.matches(pulled, ref("notbusybox:latest"))).isFalse();
    assertThat(new SignedIdentity.MatchExact().matches(pulled, ref("busybox" + D))).isTrue();
    assertThat(new SignedIdentity.MatchExact().matches(pulled, ref("busybox:latest" + D)))
        .isFalse();
  }

  /** TestPRMRemapIdentityRefMatchesPrefix: reference, prefix, covered. */
  static Stream<Object[]> prefixRows() {
    return Stream.of(
        new Object[] {"docker.io/image", "docker.io", true},
        new Object[] {"docker.io/image", "example.com", false},
        new Object[] {"example.com:5000/image", "example.com:5000", true},
        new Object[] {"example.com:50000/image", "example.com:5000", false},
        new Object[] {"example.com:5000/image", "example.com", false},
        new Object[] {"example.com/foo", "example.com", true},
        new Object[] {"example.com/foo/bar", "example.com", true},
        new Object[] {"example.com/foo/bar:baz", "example.com", true},
        new Object[] {"example.com/foo/bar" + D, "example.com", true},
        new Object[] {"docker.io/ns/image", "docker.io/library", false},
        new Object[] {"example.com/library", "docker.io/library", false},
        new Object[] {"docker.io/libraryy/image", "docker.io/library", false},
        new Object[] {"docker.io/library/busybox", "docker.io/library", true},
        new Object[] {"example.com/ns/image", "example.com/ns", true},
        new Object[] {"example.com/ns2/image", "example.com/ns", false},
        new Object[] {"example.com/n2/image", "example.com/ns", false},
        new Object[] {"example.com/ns/image", "example.com/library/busybox", false},
        new Object[] {"example.com:5000/ns/image", "example.com/ns", false},
        new Object[] {"example.com/ns/image", "example.com:5000/ns", false},
        new Object[] {"docker.io/library/busybox", "docker.io/library/busybox", true},
        new Object[] {"example.com/library/busybox", "docker.io/library/busybox", false},
        new Object[] {"docker.io/library/busybox2", "docker.io/library/busybox", false},
        new Object[] {"example.com/ns/image", "example.com/ns/image", true},
        new Object[] {"example.com/ns/imag2", "example.com/ns/image", false},
        new Object[] {"example.com/ns/imagee", "example.com/ns/image", false},
        new Object[] {"example.com:5000/ns/image", "example.com/ns/image", false},
        new Object[] {"example.com/ns/image", "example.com:5000/ns/image", false},
        new Object[] {"example.com/ns/image:tag", "example.com/ns/image", true},
        new Object[] {"example.com/ns/image" + D, "example.com/ns/image", true},
        new Object[] {"example.com/ns/image:tag" + D, "example.com/ns/image", true});
  }

  @ParameterizedTest(name = "{1} covers {0}: {2}")
  @MethodSource("prefixRows")
  void remapPrefixCoversWholeComponentsOnly(String reference, String prefix, boolean covered) {
    var rule = new SignedIdentity.RemapIdentity(prefix, "docker.io/library/signed-prefix");

    Optional<ImageReference> remapped = rule.remap(ref(reference));

    assertThat(remapped).isPresent();
    assertThat(remapped.get().name().startsWith("docker.io/library/signed-prefix"))
        .isEqualTo(covered);
  }

  /**
   * TestPRMRemapIdentityRemapReferencePrefix: prefix, signed prefix, reference, result ("" when the
   * rewrite is no valid reference). Results of references without a tag carry {@code :latest} here,
   * and a reference with tag and digest keeps only the digest (see the class comment).
   */
  static Stream<String[]> remapRows() {
    return Stream.of(
        new String[] {
          "mirror.example",
          "vendor.example",
          "mirror.example/ns/image:tag",
          "vendor.example/ns/image:tag"
        },
        new String[] {
          "mirror.example",
          "vendor.example",
          "different.com/ns/image:tag",
          "different.com/ns/image:tag"
        },
        new String[] {
          "mirror.example/ns",
          "vendor.example/vendor-ns",
          "mirror.example/different-ns/image:tag",
          "mirror.example/different-ns/image:tag"
        },
        new String[] {
          "docker.io",
          "not-docker-signed.example/ns",
          "busybox",
          "not-docker-signed.example/ns/library/busybox:latest"
        },
        new String[] {
          "example.com/mirror",
          "example.com/vendor",
          "example.com/mirror/image:tag",
          "example.com/vendor/image:tag"
        },
        new String[] {
          "example.com/ns/mirror",
          "example.com/ns/vendor",
          "example.com/ns/mirror:tag",
          "example.com/ns/vendor:tag"
        },
        new String[] {
          "mirror.example",
          "vendor.example",
          "prefixmirror.example/ns/image:tag",
          "prefixmirror.example/ns/image:tag"
        },
        new String[] {
          "docker.io",
          "not-docker-signed.example",
          "busybox",
          "not-docker-signed.example/library/busybox:latest"
        },
        new String[] {
          "docker.io/library",
          "not-docker-signed.example/ns",
          "busybox",
          "not-docker-signed.example/ns/busybox:latest"
        },
        new String[] {
          "docker.io/library/busybox",
          "not-docker-signed.example/ns/notbusybox",
          "busybox",
          "not-docker-signed.example/ns/notbusybox:latest"
        },
        new String[] {
          "mirror.example", "vendor.example", "mirror.example/image", "vendor.example/image:latest"
        },
        new String[] {
          "mirror.example", "vendor.example", "mirror.example/image:tag", "vendor.example/image:tag"
        },
        new String[] {
          "mirror.example", "vendor.example", "mirror.example/image" + D, "vendor.example/image" + D
        },
        new String[] {
          "mirror.example",
          "vendor.example",
          "mirror.example/image:tag" + D,
          "vendor.example/image" + D
        },
        new String[] {
          "mirror.example/ns/image", "vendor.example:5000", "mirror.example/ns/image:tag", ""
        },
        new String[] {
          "mirror.example/ns/image", "vendor.example:5000", "mirror.example/ns/image" + D, ""
        },
        // (containers/image's row with signedPrefix "notlocalhost" is refused when the rule is
        // made)
        // not canonical: Docker Hub's one-component repositories are "library/..."
        new String[] {"mirror.example", "docker.io", "mirror.example/busybox:1", ""});
  }

  @ParameterizedTest(name = "{0} -> {1}: {2} is {3}")
  @MethodSource("remapRows")
  void remapReplacesThePrefixOrYieldsNothingValid(
      String prefix, String signedPrefix, String reference, String expected) {
    Optional<ImageReference> remapped =
        new SignedIdentity.RemapIdentity(prefix, signedPrefix).remap(ref(reference));

    assertThat(remapped.map(ImageReference::toString))
        .isEqualTo(Optional.of(expected).filter(s -> !s.isEmpty()));
  }

  /** TestPRMRemapIdentityMatchesDockerReference: prefix, signed prefix, image, signature. */
  static Stream<Object[]> remapMatchRows() {
    return Stream.of(
        new Object[] {
          "does-not-match.com", "does-not-match.rewritten", "busybox:latest", "busybox:latest", true
        },
        new Object[] {
          "does-not-match.com",
          "does-not-match.rewritten",
          "busybox:latest",
          "notbusybox:latest",
          false
        },
        new Object[] {
          "mirror.example", "public.com", "mirror.example/busybox:1", "public.com/busybox:1", true
        },
        new Object[] {
          "mirror.example",
          "public.com",
          "mirror.example/busybox:1",
          "public.com/busybox:not1",
          false
        },
        new Object[] {
          "mirror.example",
          "docker.io/library",
          "mirror.example/busybox:latest",
          "busybox:latest",
          true
        },
        new Object[] {
          "mirror.example",
          "docker.io/library",
          "mirror.example/alpine:latest",
          "busybox:latest",
          false
        },
        new Object[] {
          "docker.io/library", "original.com", "copied:latest", "original.com/copied:latest", true
        },
        new Object[] {
          "docker.io/library",
          "original.com",
          "copied:latest",
          "original.com/ns/copied:latest",
          false
        });
    // left out: the rows of "invalid objects" (prefix "busybox", signedPrefix "busybox", and
    // "UPPERCASE" which containers/image's older reference parser does not take for a registry);
    // such prefixes are refused when the rule is made (remapIdentityRefusesPrefixesThatNeverWork)
  }

  @ParameterizedTest(name = "{0} -> {1}: {2} signed as {3}: {4}")
  @MethodSource("remapMatchRows")
  void remapIdentityMatchesTheRewrittenReference(
      String prefix, String signedPrefix, String image, String signature, boolean result) {
    var rule = new SignedIdentity.RemapIdentity(prefix, signedPrefix);

    assertThat(rule.matches(ref(image), ref(signature))).isEqualTo(result);
  }

  /** The first letter changed, as containers/image's modifiedString does. */
  private static String modified(String input) {
    char c = input.charAt(0);
    return (c == 'z' ? 'a' : (char) (c + 1)) + input.substring(1);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("repoDigestOrExactRows")
  void remapIdentityOtherwiseBehavesAsMatchRepoDigestOrExact(Row row) {
    var unchanged =
        new SignedIdentity.RemapIdentity(
            "never-causes-a-rewrite.example", "never-causes-a-rewrite.example");
    assertThat(unchanged.matches(ref(row.a()), ref(row.b()))).isEqualTo(row.result());

    ImageReference image = ref(row.a());
    String registry = image.registry();
    var rewriting = new SignedIdentity.RemapIdentity(modified(registry), registry);
    ImageReference mirrored = ref(modified(image.toString()));
    assertThat(rewriting.matches(mirrored, ref(row.b()))).isEqualTo(row.result());
  }

  static Stream<String> uselessPrefixes() {
    List<String> prefixes = new ArrayList<>();
    // validateIdentityRemappingPrefix's invalid values
    prefixes.addAll(
        List.of(
            "",
            "repo_with_underscores",
            "example.com/",
            "example.com/UPPERCASEISINVALID",
            "example.com/repo/",
            "example.com/repo:tag",
            "example.com/repo" + D,
            "example.com/repo:tag" + D));
    // accepted by containers/image, but never match anything ("NOTE: These values are invalid, do
    // not actually work, and may be rejected")
    prefixes.addAll(List.of("shortname", "ns/shortname"));
    return prefixes.stream();
  }

  @ParameterizedTest(name = "\"{0}\"")
  @MethodSource("uselessPrefixes")
  void remapIdentityRefusesPrefixesThatNeverWork(String prefix) {
    assertThatThrownBy(() -> new SignedIdentity.RemapIdentity(prefix, "example.com"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("prefix \"" + prefix + "\"");
    assertThatThrownBy(() -> new SignedIdentity.RemapIdentity("example.com", prefix))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("signedPrefix \"" + prefix + "\"");
  }

  @Test
  void remapIdentityAcceptsContainersImagesValidPrefixes() {
    for (String prefix :
        List.of(
            "localhost",
            "example.com",
            "example.com:80",
            "example.com/repo",
            "example.com/ns1/ns2/ns3/repo.with.dots-dashes_underscores",
            "example.com:80/ns1/ns2/ns3/repo.with.dots-dashes_underscores")) {
      assertThat(new SignedIdentity.RemapIdentity(prefix, prefix).prefix()).isEqualTo(prefix);
    }
  }
}
