package dev.registryclient.api.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.registryclient.api.ImageReference;
import dev.registryclient.api.trust.SignatureStores.Store;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Which registries.d settings apply to an image (containers/image's signatureTopLevel). */
class SignatureStoresTest {

  private static URI url(String path) {
    return URI.create("https://sigs.example" + path);
  }

  private static Store store(String read, String write) {
    return new Store(
        Optional.ofNullable(read).map(SignatureStoresTest::url),
        Optional.ofNullable(write).map(SignatureStoresTest::url),
        Optional.empty());
  }

  /** TestRegistryConfigurationSignatureTopLevel's configuration: each section names itself. */
  private static SignatureStores levels() {
    Map<String, Store> docker = new LinkedHashMap<>();
    for (String ns :
        new String[] {
          "localhost",
          "localhost:5000",
          "example.com",
          "example.com/ns1",
          "example.com/ns1/ns2",
          "example.com/ns1/ns2/repo",
          "example.com/ns1/ns2/repo:notlatest"
        }) {
      docker.put(
          ns,
          new Store(
              Optional.of(url("/" + ns)), Optional.of(url("/" + ns + "+w")), Optional.empty()));
    }
    return SignatureStores.of(
        Optional.of(
            new Store(
                Optional.of(url("/=default")), Optional.of(url("/=default+w")), Optional.empty())),
        docker);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "example.com/ns1/ns2/repo:notlatest | example.com/ns1/ns2/repo:notlatest",
        "example.com/ns1/ns2/repo:unmatched | example.com/ns1/ns2/repo",
        "example.com/ns1/ns2/notrepo:notlatest | example.com/ns1/ns2",
        "example.com/ns1/notns2/repo:notlatest | example.com/ns1",
        "example.com/notns1/ns2/repo:notlatest | example.com",
        "unknown.example.com/busybox | =default",
        "localhost:5000/busybox | localhost:5000",
        "localhost/busybox | localhost",
        "localhost:9999/busybox | =default",
      })
  void theMostSpecificSectionApplies(String image, String section) {
    Store store = levels().storeFor(ImageReference.parse(image)).orElseThrow();

    assertThat(store.lookaside()).contains(url("/" + section));
    assertThat(store.lookasideStaging()).contains(url("/" + section + "+w"));
  }

  @Test
  void noSectionNoStore() {
    SignatureStores stores =
        SignatureStores.of(Optional.empty(), Map.of("unmatched.example", store("/a", "/b")));

    assertThat(stores.storeFor(ImageReference.parse("thisisnotmatched"))).isEmpty();
    assertThat(SignatureStores.none().storeFor(ImageReference.parse("busybox"))).isEmpty();
  }

  @Test
  void eachSettingComesFromTheMostSpecificSectionThatSetsIt() {
    // containers/image goes on to the parent sections for whatever a section leaves unset
    Map<String, Store> docker = new LinkedHashMap<>();
    docker.put(
        "registry.example/team/app",
        new Store(Optional.empty(), Optional.empty(), Optional.of(false)));
    docker.put(
        "registry.example/team", new Store(Optional.empty(), Optional.empty(), Optional.of(true)));
    docker.put("registry.example", Store.lookaside(url("/registry")));
    SignatureStores stores =
        SignatureStores.of(
            Optional.of(
                new Store(Optional.of(url("/default")), Optional.empty(), Optional.of(true))),
            docker);

    Store app = stores.storeFor(ImageReference.parse("registry.example/team/app:1")).orElseThrow();
    Store other = stores.storeFor(ImageReference.parse("registry.example/team/x:1")).orElseThrow();
    Store elsewhere = stores.storeFor(ImageReference.parse("quay.io/x/y:1")).orElseThrow();

    assertThat(app.lookaside()).contains(url("/registry"));
    assertThat(app.readsSigstoreAttachments()).isFalse();
    assertThat(other.readsSigstoreAttachments()).isTrue();
    assertThat(elsewhere.lookaside()).contains(url("/default"));
    assertThat(elsewhere.readsSigstoreAttachments()).isTrue();
  }

  @Test
  void stagingComesFromTheFirstSectionNamingAnyUrl() {
    Map<String, Store> docker = new LinkedHashMap<>();
    docker.put("registry.example/app", Store.lookaside(url("/app")));
    docker.put("registry.example", store("/registry", "/registry-staging"));
    docker.put("other.example/app", store(null, "/app-staging"));
    docker.put("other.example", Store.lookaside(url("/other")));
    SignatureStores stores = SignatureStores.of(Optional.empty(), docker);

    Store app = stores.storeFor(ImageReference.parse("registry.example/app:1")).orElseThrow();
    Store other = stores.storeFor(ImageReference.parse("other.example/app:1")).orElseThrow();

    // written to the app section's lookaside, not the registry's staging
    assertThat(app.lookaside()).contains(url("/app"));
    assertThat(app.lookasideStaging()).isEmpty();
    // read from the registry's lookaside, written to the app's staging
    assertThat(other.lookaside()).contains(url("/other"));
    assertThat(other.lookasideStaging()).contains(url("/app-staging"));
  }

  @Test
  void wildcardSectionsApplyAsInThePolicy() {
    SignatureStores stores =
        SignatureStores.of(Optional.empty(), Map.of("*.example.com", Store.lookaside(url("/w"))));

    assertThat(stores.storeFor(ImageReference.parse("a.example.com/x:1"))).isPresent();
    assertThat(stores.storeFor(ImageReference.parse("example.com/x:1"))).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "ftp://sigs.example/x",
        "sigs.example/x",
        "/var/lib/containers/sigstore",
        "mailto:someone@example.com",
        "https:///no-host",
        "file://server/share",
      })
  void onlyHttpHttpsAndLocalFileUrlsAreStores(String value) {
    URI uri = URI.create(value);
    assertThatThrownBy(() -> Store.lookaside(uri))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("lookaside ");
  }

  @Test
  void aPasswordInAStoreUrlIsRefusedWithoutRepeatingIt() {
    assertThatThrownBy(() -> Store.lookaside(URI.create("https://user:s3cret@sigs.example/x")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining("s3cret")
        .hasMessageContaining("user name or password");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://registry.redhat.io/containers/sigstore",
        "http://localhost:4242/lookaside",
        "file:///var/lib/containers/sigstore",
        "file://localhost/var/lib/containers/sigstore",
        "file:/var/lib/containers/sigstore",
      })
  void httpHttpsAndFileUrlsAreStores(String value) {
    assertThat(Store.lookaside(URI.create(value)).lookaside()).contains(URI.create(value));
  }
}
