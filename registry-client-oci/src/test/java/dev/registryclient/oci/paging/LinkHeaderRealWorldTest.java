package dev.registryclient.oci.paging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.registryclient.oci.testing.RealWorld;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every sample of /work/shared/testdata/real-world/link-headers.txt. */
class LinkHeaderRealWorldTest {

  private static final URI REQUEST =
      URI.create("https://registry.example:5000/v2/some/repo/tags/list");

  static Stream<RealWorld.ValueLine> samples() {
    return RealWorld.valueLines("link-headers.txt").stream();
  }

  @Test
  void thereAreSamples() {
    assertThat(samples()).hasSizeGreaterThanOrEqualTo(5);
  }

  @ParameterizedTest
  @MethodSource("samples")
  void everySampleYieldsANextLinkOnTheRequestOrigin(RealWorld.ValueLine sample) {
    Optional<URI> next = LinkHeader.nextLink(REQUEST, List.of(sample.value()));
    assertThat(next).isPresent();
    assertThat(next.get().getScheme()).isEqualTo("https");
    assertThat(next.get().getAuthority()).isEqualTo("registry.example:5000");
    String inside = sample.value().substring(1, sample.value().indexOf('>'));
    assertThat(next.get().getRawPath() + "?" + next.get().getRawQuery()).isEqualTo(inside);
  }

  @Test
  void quayCursorKeepsItsPercentEncoding() {
    String quay =
        samples().filter(s -> s.value().contains("next_page")).findFirst().orElseThrow().value();
    URI next =
        LinkHeader.nextLink(URI.create("https://quay.io/v2/x/tags/list"), List.of(quay))
            .orElseThrow();
    assertThat(next.getRawQuery()).contains("%3D&n=50");
    assertThat(next.getHost()).isEqualTo("quay.io");
  }

  @Test
  void acrEmptyParameterInTheTargetSurvives() {
    String acr =
        samples().filter(s -> s.value().contains("orderby=")).findFirst().orElseThrow().value();
    URI next =
        LinkHeader.nextLink(URI.create("https://x.azurecr.io/v2/_catalog"), List.of(acr))
            .orElseThrow();
    assertThat(next)
        .hasToString("https://x.azurecr.io/v2/_catalog?last=transactions&n=100&orderby=");
  }
}
