package dev.registryclient.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.registryclient.api.ImageReference;
import dev.registryclient.api.exception.ConfigurationException;
import dev.registryclient.api.trust.KeySource;
import dev.registryclient.api.trust.PolicyRequirement;
import dev.registryclient.api.trust.SignatureStores;
import dev.registryclient.api.trust.SignatureStores.Store;
import dev.registryclient.api.trust.SignedIdentity;
import dev.registryclient.api.trust.TrustPolicy;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The policy.json and registries.d files Red Hat and the container tools ship (SOURCES.md). */
class RealWorldTrustFilesTest {
  private static final URI REDHAT_IO = URI.create("https://registry.redhat.io/containers/sigstore");
  private static final URI ACCESS =
      URI.create("https://access.redhat.com/webassets/docker/content/sigstore");

  @Test
  void rhel8PolicyRequiresRedHatsKeysForItsRegistries() {
    TrustPolicy policy = PolicyJson.read(TestFiles.trust("rhel8/policy.json"));

    PolicyRequirement redHat =
        new PolicyRequirement.SignedBy(
            List.of(
                new KeySource.FromFile(Path.of("/etc/pki/rpm-gpg/RPM-GPG-KEY-redhat-release")),
                new KeySource.FromFile(Path.of("/etc/pki/rpm-gpg/RPM-GPG-KEY-redhat-beta"))),
            new SignedIdentity.MatchRepoDigestOrExact());
    assertThat(policy.defaultRequirements())
        .containsExactly(new PolicyRequirement.InsecureAcceptAnything());
    assertThat(policy.dockerScopes().keySet())
        .containsExactly("registry.access.redhat.com", "registry.redhat.io");
    assertThat(policy.dockerScopes().values())
        .allSatisfy(r -> assertThat(r).containsExactly(redHat));
    TrustPolicy.Scoped ubi =
        policy.scopeFor(ImageReference.parse("registry.redhat.io/ubi9/ubi:9.4"));
    assertThat(ubi.scope()).isEqualTo("registry.redhat.io");
    assertThat(policy.scopeFor(ImageReference.parse("quay.io/x/y:1")).isDefault()).isTrue();
  }

  @Test
  void theUpstreamPolicyAcceptsAnything() {
    TrustPolicy policy = PolicyJson.read(TestFiles.trust("upstream/policy.json"));

    assertThat(policy.defaultRequirements())
        .containsExactly(new PolicyRequirement.InsecureAcceptAnything());
    assertThat(policy.dockerScopes()).isEmpty();
  }

  @Test
  void containersImagesFixturePolicyIsRefusedAtItsFirstUnimplementedKeyType() throws IOException {
    Path file = TestFiles.trust("containers-image/policy.json");
    int line = lineOf(file, "\"keyType\": \"signedByGPGKeys\"");

    assertThatThrownBy(() -> PolicyJson.read(file))
        .isInstanceOfSatisfying(
            ConfigurationException.class,
            e -> {
              assertThat(e.file()).isEqualTo(file.toString());
              assertThat(e.line()).hasValue(line);
              assertThat(e.getMessage())
                  .contains("transports.docker[\"example.com/hardened\"][1].keyType")
                  .contains("\"signedByGPGKeys\" is not supported");
            });
  }

  private static int lineOf(Path file, String text) throws IOException {
    List<String> lines = Files.readAllLines(file);
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains(text)) {
        return i + 1;
      }
    }
    throw new AssertionError(text + " not in " + file);
  }

  /** rhel8: the older "sigstore" key; containers-common: "lookaside". Both say the same. */
  @ParameterizedTest
  @ValueSource(strings = {"rhel8/registries.d", "containers-common/registries.d"})
  void redHatsRegistriesDNamesItsLookasideServers(String directory) {
    SignatureStores stores = RegistriesD.read(TestFiles.trust(directory));

    assertThat(stores.defaultDocker()).isEmpty();
    assertThat(stores.docker())
        .containsOnlyKeys("registry.access.redhat.com", "registry.redhat.io")
        .containsEntry("registry.redhat.io", Store.lookaside(REDHAT_IO))
        .containsEntry("registry.access.redhat.com", Store.lookaside(ACCESS));
    assertThat(
            stores
                .storeFor(ImageReference.parse("registry.redhat.io/ubi9/ubi:9.4"))
                .flatMap(Store::lookaside))
        .contains(REDHAT_IO);
    assertThat(stores.storeFor(ImageReference.parse("quay.io/x/y:1"))).isEmpty();
  }

  @Test
  void skopeosDefaultYamlConfiguresNothing() {
    // "default-docker:" with no value, as Go leaves a nil section
    SignatureStores stores = RegistriesD.parse(read("upstream/default.yaml"), "default.yaml");

    assertThat(stores).isEqualTo(SignatureStores.none());
  }

  @Test
  void containersImagesFixtureDirectoryIsRefusedAtAUrlWithoutScheme() throws IOException {
    Path file = TestFiles.trust("containers-image/registries.d/internal-example.com.yaml");
    int line = lineOf(file, ":emptyscheme");

    assertThatThrownBy(() -> RegistriesD.read(file.getParent()))
        .isInstanceOfSatisfying(
            ConfigurationException.class,
            e -> {
              assertThat(e.file()).isEqualTo(file.toString());
              assertThat(e.line()).hasValue(line);
              assertThat(e.getMessage())
                  .contains("docker[\"localhost/invalid/url/test\"].lookaside: not a URL");
            });
  }

  @Test
  void containersImagesInternetUserFixture() {
    // what TestLoadAndMergeConfig expects of this file
    SignatureStores stores =
        RegistriesD.parse(
            read("containers-image/registries.d/internet-user.yaml"), "internet-user.yaml");

    assertThat(stores.defaultDocker())
        .contains(
            Store.lookaside(
                URI.create("file:///mnt/companywide/signatures/for/other/repositories")));
    assertThat(stores.docker())
        .containsExactly(
            java.util.Map.entry(
                "docker.io/contoso",
                Store.lookaside(URI.create("https://lookaside.contoso.com/fordocker"))),
            java.util.Map.entry(
                "docker.io/centos", Store.lookaside(URI.create("https://lookaside.centos.org/"))),
            java.util.Map.entry(
                "docker.io/centos/mybetaproduct",
                new Store(
                    Optional.of(URI.create("http://localhost:9999/mybetaWIP/lookaside")),
                    Optional.of(URI.create("file:///srv/mybetaWIP/lookaside")),
                    Optional.empty())),
            java.util.Map.entry(
                "docker.io/centos/mybetaproduct:latest",
                Store.lookaside(URI.create("https://lookaside.centos.org/"))));
    assertThat(
            stores.storeFor(ImageReference.parse("centos/mybetaproduct")).flatMap(Store::lookaside))
        .contains(URI.create("https://lookaside.centos.org/"));
    assertThat(
            stores
                .storeFor(ImageReference.parse("centos/mybetaproduct:2"))
                .flatMap(Store::lookaside))
        .contains(URI.create("http://localhost:9999/mybetaWIP/lookaside"));
  }

  private static String read(String relative) {
    try {
      return Files.readString(TestFiles.trust(relative));
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}
