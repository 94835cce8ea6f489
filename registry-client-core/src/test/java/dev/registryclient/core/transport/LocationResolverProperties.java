package dev.registryclient.core.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

class LocationResolverProperties {
  private static final URI BASE = URI.create("https://registry.example/v2/app/blobs/sha256:ab");

  @Property
  void arbitraryLocationsResolveToHttpOrFailWithIllegalArgument(@ForAll String location) {
    try {
      URI target = LocationResolver.resolve(BASE, location);
      assertThat(target.getScheme()).isIn("http", "https");
      assertThat(Origin.of(target)).isNotNull();
    } catch (IllegalArgumentException expected) {
      // the documented failure
    }
  }

  @Property
  void resolvedPathsNeverKeepDotSegments(@ForAll("paths") String path) {
    URI target = LocationResolver.resolve(BASE, path);
    assertThat(target.getRawPath().split("/")).doesNotContain(".", "..");
  }

  @net.jqwik.api.Provide
  net.jqwik.api.Arbitrary<String> paths() {
    return net.jqwik.api.Arbitraries.of("a", ".", "..", "b", "")
        .list()
        .ofMaxSize(8)
        .map(parts -> String.join("/", parts))
        .filter(path -> !path.isBlank() && !path.startsWith("//")); // "//x" names a host
  }
}
