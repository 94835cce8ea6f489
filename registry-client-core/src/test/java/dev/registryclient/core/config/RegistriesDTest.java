package dev.registryclient.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.registryclient.api.ImageReference;
import dev.registryclient.api.exception.ConfigurationException;
import dev.registryclient.api.trust.SignatureStores;
import dev.registryclient.api.trust.SignatureStores.Store;
import dev.registryclient.core.auth.credentials.Environment;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** registries.d as containers-registries.d(5) and containers/image's registries_d.go read it. */
class RegistriesDTest {
  @TempDir Path home;
  @TempDir Path etc;

  private static SignatureStores parse(String yaml) {
    return RegistriesD.parse(yaml, "x.yaml");
  }

  private static Optional<URI> url(String value) {
    return Optional.of(URI.create(value));
  }

  private static void write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  @Test
  void theManPagesExampleOfVariousOrigins() {
    SignatureStores stores =
        parse(
            """
            docker:
                registry.database-supplier.com:
                    lookaside: https://lookaside.database-supplier.com
                distribution.great-middleware.org:
                    lookaside: https://security-team.great-middleware.org/lookaside
                docker.io/web-framework:
                    lookaside: https://lookaside.web-framework.io:8080
            """);

    assertThat(stores.defaultDocker()).isEmpty();
    assertThat(
            stores
                .storeFor(ImageReference.parse("docker.io/web-framework/app:1"))
                .flatMap(Store::lookaside))
        .isEqualTo(url("https://lookaside.web-framework.io:8080"));
    assertThat(
            stores
                .storeFor(ImageReference.parse("registry.database-supplier.com/db/pg:16"))
                .flatMap(Store::lookaside))
        .isEqualTo(url("https://lookaside.database-supplier.com"));
    assertThat(stores.storeFor(ImageReference.parse("busybox"))).isEmpty();
  }

  @Test
  void theManPagesExampleOfStaging() {
    SignatureStores stores =
        parse(
            """
            docker:
                registry.example.com:
                    lookaside: https://registry-lookaside.example.com
                registry.example.com/mydepartment:
                    lookaside: https://lookaside.mydepartment.example.com
                    lookaside-staging: file:///mnt/mydepartment/lookaside-staging
                registry.example.com/mydepartment/myproject:mybranch:
                    lookaside: http://localhost:4242/lookaside
                    lookaside-staging: file:///home/useraccount/webroot/lookaside
            """);

    Store branch =
        stores
            .storeFor(ImageReference.parse("registry.example.com/mydepartment/myproject:mybranch"))
            .orElseThrow();
    Store project =
        stores
            .storeFor(ImageReference.parse("registry.example.com/mydepartment/myproject:main"))
            .orElseThrow();
    Store other = stores.storeFor(ImageReference.parse("registry.example.com/x/y:1")).orElseThrow();

    assertThat(branch.lookaside()).isEqualTo(url("http://localhost:4242/lookaside"));
    assertThat(branch.lookasideStaging())
        .isEqualTo(url("file:///home/useraccount/webroot/lookaside"));
    assertThat(project.lookaside()).isEqualTo(url("https://lookaside.mydepartment.example.com"));
    assertThat(project.lookasideStaging())
        .isEqualTo(url("file:///mnt/mydepartment/lookaside-staging"));
    assertThat(other.lookaside()).isEqualTo(url("https://registry-lookaside.example.com"));
  }

  @Test
  void theManPagesGlobalDefault() {
    SignatureStores stores =
        parse(
            """
            default-docker:
                lookaside-staging: file:///mnt/company/common-lookaside-staging
            """);

    assertThat(stores.defaultDocker())
        .contains(
            new Store(
                Optional.empty(),
                url("file:///mnt/company/common-lookaside-staging"),
                Optional.empty()));
  }

  /** TestRegistryNamespaceSignatureTopLevel: the older sigstore keys yield to the newer ones. */
  @ParameterizedTest(name = "{0} -> read {1}, write {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "lookaside-staging: /a, lookaside: /b | /b | /a",
        "lookaside: /b | /b | ''",
        "lookaside-staging: /a | '' | /a",
        "lookaside-staging: /a, lookaside: /b, sigstore-staging: /c, sigstore: /d | /b | /a",
        "lookaside: /b, sigstore-staging: /c, sigstore: /d | /b | /c",
        "lookaside: /b, sigstore: /d | /b | ''",
        "sigstore: /d | /d | ''",
      })
  void lookasideAndItsOlderNameSigstore(String settings, String read, String write) {
    StringBuilder yaml = new StringBuilder("docker:\n  example.com:\n");
    for (String setting : settings.split(", ")) {
      yaml.append("    ").append(setting.replace(": /", ": https://s.example/")).append('\n');
    }

    Store store = parse(yaml.toString()).docker().get("example.com");

    assertThat(store.lookaside())
        .isEqualTo(read.isEmpty() ? Optional.empty() : url("https://s.example" + read));
    assertThat(store.lookasideStaging())
        .isEqualTo(write.isEmpty() ? Optional.empty() : url("https://s.example" + write));
  }

  @Test
  void useSigstoreAttachmentsIsKeptAsSet() {
    SignatureStores stores =
        parse(
            """
            default-docker:
              use-sigstore-attachments: true
            docker:
              quay.io/signed:
                use-sigstore-attachments: false
              quay.io:
                lookaside: https://s.example/quay
                unknown-key: ignored
              ghcr.io:
              other.example:
                lookaside: ""
                use-sigstore-attachments: null
            """);

    assertThat(stores.defaultDocker().orElseThrow().useSigstoreAttachments()).contains(true);
    assertThat(stores.docker().get("quay.io/signed").useSigstoreAttachments()).contains(false);
    assertThat(stores.docker().get("quay.io").useSigstoreAttachments()).isEmpty();
    assertThat(stores.docker().get("ghcr.io"))
        .isEqualTo(new Store(Optional.empty(), Optional.empty(), Optional.empty()));
    assertThat(stores.docker().get("other.example"))
        .isEqualTo(new Store(Optional.empty(), Optional.empty(), Optional.empty()));
    Store quay = stores.storeFor(ImageReference.parse("quay.io/x/y:1")).orElseThrow();
    assertThat(quay.readsSigstoreAttachments()).isTrue();
    assertThat(stores.storeFor(ImageReference.parse("quay.io/signed:1")).orElseThrow())
        .satisfies(s -> assertThat(s.readsSigstoreAttachments()).isFalse())
        .satisfies(s -> assertThat(s.lookaside()).isEqualTo(url("https://s.example/quay")));
  }

  @Test
  void emptyFilesAndTopLevelNullsConfigureNothing() {
    assertThat(parse("")).isEqualTo(SignatureStores.none());
    assertThat(parse("# only a comment\n")).isEqualTo(SignatureStores.none());
    assertThat(parse("{}")).isEqualTo(SignatureStores.none());
    assertThat(parse("default-docker:\ndocker:\n")).isEqualTo(SignatureStores.none());
  }

  @Test
  void filesMergeInNameOrderAndOnlyYamlFilesCount() throws IOException {
    Path dir = etc.resolve("registries.d");
    write(dir.resolve("b.yaml"), "docker:\n  quay.io:\n    lookaside: https://s.example/b\n");
    write(dir.resolve("a.yaml"), "docker:\n  ghcr.io:\n    lookaside: https://s.example/a\n");
    write(dir.resolve("c.yml"), "this is: [not read");
    write(dir.resolve("d.yaml.rpmnew"), "this is: [not read");

    SignatureStores stores = RegistriesD.read(dir);

    assertThat(stores.docker().keySet()).containsExactly("ghcr.io", "quay.io");
  }

  @Test
  void aScopeInTwoFilesIsRefusedNamingBoth() throws IOException {
    Path dir = etc.resolve("registries.d");
    write(dir.resolve("0.yaml"), "docker:\n example.com:\n  lookaside: file:////tmp/something");
    write(
        dir.resolve("1.yaml"),
        "# other\ndocker:\n example.com:\n  lookaside: file:////tmp/different");

    assertThatThrownBy(() -> RegistriesD.read(dir))
        .isInstanceOfSatisfying(
            ConfigurationException.class,
            e -> {
              assertThat(e.file()).isEqualTo(dir.resolve("1.yaml").toString());
              assertThat(e.line()).hasValue(3);
              assertThat(e.getMessage())
                  .contains(
                      "docker scope \"example.com\" is also configured in "
                          + dir.resolve("0.yaml")
                          + ", line 2");
            });
  }

  @Test
  void defaultDockerInTwoFilesIsRefusedNamingBoth() throws IOException {
    Path dir = etc.resolve("registries.d");
    write(dir.resolve("0.yaml"), "default-docker:\n lookaside: file:////tmp/something");
    write(dir.resolve("1.yaml"), "default-docker:\n lookaside: file:////tmp/different");

    assertThatThrownBy(() -> RegistriesD.read(dir))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining(
            dir.resolve("1.yaml")
                + ", line 1: default-docker is also configured in "
                + dir.resolve("0.yaml")
                + ", line 1");
  }

  @Test
  void aNullDefaultDockerInTwoFilesIsNoConflict() throws IOException {
    Path dir = etc.resolve("registries.d");
    write(dir.resolve("0.yaml"), "default-docker:\n");
    write(dir.resolve("1.yaml"), "default-docker:\n");

    assertThat(RegistriesD.read(dir)).isEqualTo(SignatureStores.none());
  }

  @ParameterizedTest(name = "[{index}] line {1}: {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "}| 1 | not valid YAML",
        "- a| 1 | a registries.d file must be a mapping, not a list",
        "docker: [a]| 1 | docker: docker must be a mapping, not a list",
        "docker:\\n  quay.io: [a]| 2 | docker[\"quay.io\"]: a section must be a mapping, not a list",
        "docker:\\n  quay.io:\\n    lookaside: 5| 3 | .lookaside: a signature store URL must be a string, not a number",
        "docker:\\n  quay.io:\\n    lookaside: ftp://s.example/x| 3 | lookaside ftp://s.example/x is not an absolute http://, https:// or file:// URL",
        "docker:\\n  quay.io:\\n    sigstore: s.example/x| 3 | docker[\"quay.io\"].sigstore: lookaside s.example/x is not an absolute",
        "docker:\\n  quay.io:\\n    lookaside: https://a b| 3 | .lookaside: not a URL",
        "docker:\\n  quay.io:\\n    lookaside-staging: file://server/share| 3 | a file URL names no host",
        "docker:\\n  quay.io:\\n    use-sigstore-attachments: yes please| 3 | use-sigstore-attachments must be true or false, not a string",
        "docker:\\n  quay.io: {}\\n  quay.io: {}| 3 | docker: key \"quay.io\" appears twice (first on line 2)",
      })
  void refusedNamingFileLineAndPlace(String yaml, int line, String message) {
    assertThatThrownBy(() -> RegistriesD.parse(yaml.replace("\\n", "\n"), "x.yaml"))
        .isInstanceOfSatisfying(
            ConfigurationException.class,
            e -> {
              assertThat(e.file()).isEqualTo("x.yaml");
              assertThat(e.line()).hasValue(line);
              assertThat(e.getMessage()).contains(message);
            });
  }

  @Test
  void deepNestingIsRefusedNotFollowed() {
    String deep = "docker: " + "[".repeat(5000) + "]".repeat(5000);

    assertThatThrownBy(() -> parse(deep)).isInstanceOf(ConfigurationException.class);
  }

  @Test
  void aPasswordInAUrlIsNeverRepeated() {
    assertThatThrownBy(
            () -> parse("docker:\n  quay.io:\n    lookaside: https://me:s3cret@s.example/x\n"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("user name or password")
        .hasMessageNotContaining("s3cret");
  }

  @Test
  void loadPrefersTheHomeDirectoryAndToleratesNone() throws IOException {
    Environment env = Environment.of(Map.of(), home);
    assertThat(RegistriesD.load(env, etc)).isEqualTo(SignatureStores.none());
    assertThat(RegistriesD.directory(env, etc)).isEqualTo(etc.resolve("registries.d"));

    write(
        etc.resolve("registries.d/etc.yaml"),
        "docker:\n  etc.example:\n    lookaside: https://s.example/etc\n");
    assertThat(RegistriesD.load(env, etc).docker()).containsOnlyKeys("etc.example");

    Path user = home.resolve(".config/containers/registries.d");
    Files.createDirectories(user);
    assertThat(RegistriesD.directory(env, etc)).isEqualTo(user);
    assertThat(RegistriesD.load(env, etc)).isEqualTo(SignatureStores.none());
    write(
        user.resolve("user.yaml"),
        "docker:\n  user.example:\n    lookaside: https://s.example/user\n");
    assertThat(RegistriesD.load(env, etc).docker()).containsOnlyKeys("user.example");
  }

  @Test
  void aDirectoryThatIsAFileIsAnError() throws IOException {
    Path file = etc.resolve("registries.d");
    Files.writeString(file, "not a directory");

    assertThatThrownBy(() -> RegistriesD.read(file))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("cannot list the directory");
  }
}
