package dev.registryclient.api.manifest;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.registryclient.api.Descriptor;
import dev.registryclient.api.Digest;
import dev.registryclient.api.MediaType;
import dev.registryclient.api.Platform;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

class ImageIndexProperties {
  private static final Digest IMAGE = Digest.sha256("image".getBytes(UTF_8));

  /** Annotation values as registries might send them: the real ones, digests, and junk. */
  private static Arbitrary<Optional<String>> annotationValue() {
    return Arbitraries.oneOf(
            Arbitraries.of(
                Descriptor.ATTESTATION_MANIFEST,
                "Attestation-Manifest",
                "signature",
                "",
                IMAGE.toString(),
                "sha256:" + "A".repeat(64),
                "sha256:not-a-digest"),
            Arbitraries.strings().ofMaxLength(80))
        .optional(0.8);
  }

  @Provide
  Arbitrary<Descriptor> children() {
    Arbitrary<Optional<Platform>> platform =
        Arbitraries.of(
                Platform.of("linux", "amd64"),
                Platform.of("unknown", "unknown"),
                Platform.of("linux", "arm64", "v8"))
            .optional(0.9);
    return Combinators.combine(
            Arbitraries.integers().between(0, 1_000_000),
            platform,
            annotationValue(),
            annotationValue())
        .as(
            (n, p, type, digest) -> {
              Map<String, String> annotations = new LinkedHashMap<>();
              type.ifPresent(t -> annotations.put(Descriptor.REFERENCE_TYPE_ANNOTATION, t));
              digest.ifPresent(d -> annotations.put(Descriptor.REFERENCE_DIGEST_ANNOTATION, d));
              Descriptor d =
                  Descriptor.of(
                          MediaType.OCI_MANIFEST, Digest.sha256(("child " + n).getBytes(UTF_8)), n)
                      .withAnnotations(annotations);
              return p.map(d::withPlatform).orElse(d);
            });
  }

  @Property
  void imagesAndAttestationsSplitTheChildrenInOrder(
      @ForAll @Size(max = 8) List<@From("children") Descriptor> children) {
    ImageIndex index = ImageIndex.of(MediaType.OCI_INDEX, "{}".getBytes(UTF_8), children);

    assertThat(index.images()).noneMatch(Descriptor::isAttestation);
    assertThat(index.attestations()).allMatch(Descriptor::isAttestation);
    assertThat(index.images().size() + index.attestations().size()).isEqualTo(children.size());
    assertThat(isInOrderWithin(index.images(), children)).isTrue();
    assertThat(isInOrderWithin(index.attestations(), children)).isTrue();
  }

  private static boolean isInOrderWithin(List<Descriptor> part, List<Descriptor> whole) {
    int next = 0;
    for (Descriptor d : whole) {
      if (next < part.size() && part.get(next).equals(d)) {
        next++;
      }
    }
    return next == part.size();
  }

  @Property
  void platformLookupsNeverSeeAnAttestation(
      @ForAll @Size(max = 8) List<@From("children") Descriptor> children,
      @ForAll("wanted") Platform wanted) {
    ImageIndex index = ImageIndex.of(MediaType.OCI_INDEX, "{}".getBytes(UTF_8), children);

    assertThat(index.manifestsMatching(wanted)).noneMatch(Descriptor::isAttestation);
    assertThat(index.platforms())
        .hasSize((int) index.images().stream().filter(d -> d.platform().isPresent()).count());
  }

  @Provide
  Arbitrary<Platform> wanted() {
    return Arbitraries.of(
        Platform.of("unknown", "unknown"),
        Platform.of("linux", "amd64"),
        Platform.of("linux", "arm64"));
  }

  @Property
  void theAttestedDigestIsReadOnlyFromAValidDigestOfAnAttestation(
      @ForAll("children") Descriptor child) {
    String value = child.annotations().get(Descriptor.REFERENCE_DIGEST_ANNOTATION);
    boolean expected = child.isAttestation() && value != null && Digest.isValid(value);

    assertThat(child.attestedDigest().isPresent()).isEqualTo(expected);
    child.attestedDigest().ifPresent(d -> assertThat(d).hasToString(value));
  }
}
