package dev.registryclient.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.registryclient.api.Descriptor;
import dev.registryclient.api.Digest;
import dev.registryclient.api.ImageReference;
import dev.registryclient.api.MediaType;
import dev.registryclient.api.Platform;
import dev.registryclient.api.auth.Credentials;
import dev.registryclient.api.auth.Secret;
import dev.registryclient.api.client.CopiedBlob;
import dev.registryclient.api.client.CopyResult;
import dev.registryclient.api.client.PullResult;
import dev.registryclient.api.client.RegistryClient;
import dev.registryclient.api.exception.AuthorizationException;
import dev.registryclient.api.exception.NotFoundException;
import dev.registryclient.api.manifest.ImageIndex;
import dev.registryclient.api.manifest.ImageManifest;
import dev.registryclient.api.manifest.Manifest;
import dev.registryclient.oci.layout.OciLayout;
import dev.registryclient.testkit.JwtTokenServer;
import dev.registryclient.testkit.distribution.DistributionRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The SDK's push and copy into real docker-registries, plain and with token auth: skopeo reads the
 * target's manifests byte for byte as the source's, and copies and umoci unpacks what was written.
 */
class PushCopyIT {
  @TempDir static Path tmp;
  static DistributionRegistry source;
  static DistributionRegistry target;
  static JwtTokenServer tokens;
  static DistributionRegistry secured;
  RegistryClient client;

  @BeforeAll
  static void start() {
    source = DistributionRegistry.builder().start();
    target = DistributionRegistry.builder().start();
    tokens =
        JwtTokenServer.builder()
            .user("admin", "a-secret")
            .grant("admin", "*", "pull", "push")
            .user("pusher", "p-secret")
            .grant("pusher", "mirror/*", "pull", "push")
            .grant("pusher", "team/*", "pull")
            .user("reader", "r-secret")
            .grant("reader", "mirror/*", "pull")
            .start();
    secured = DistributionRegistry.builder().tokenAuth(tokens).start();

    Images.helloLayout(tmp, "amd64", "amd64\n");
    Path layout = Images.helloLayout(tmp, "arm64", "arm64\n");
    Images.addIndex(layout, "multi");
    String repo = source.hostAndPort() + "/it/src";
    Images.push(layout, "amd64", repo + ":oci", "--format", "oci");
    Images.push(layout, "amd64", repo + ":v2s2", "--format", "v2s2");
    Images.push(layout, "amd64", repo + ":v2s1", "--format", "v2s1");
    Images.push(layout, "multi", repo + ":multi", "--all", "--format", "oci");
    Images.push(layout, "multi", repo + ":list", "--all", "--format", "v2s2");
    Images.push(
        layout,
        "amd64",
        secured.hostAndPort() + "/team/app:v2s2",
        "--format",
        "v2s2",
        "--dest-creds",
        "admin:a-secret");
  }

  @AfterAll
  static void stop() {
    for (AutoCloseable c : new AutoCloseable[] {secured, tokens, target, source}) {
      try {
        if (c != null) {
          c.close();
        }
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
  }

  // a client per test: a client remembers where it saw blobs and mounts from there, so a shared
  // one would make each test's uploads depend on the tests before it
  @BeforeEach
  void newClient() {
    client =
        RegistryClient.builder()
            .credentials(secured.hostAndPort(), password("pusher", "p-secret"))
            .build();
  }

  @AfterEach
  void closeClient() {
    client.close();
  }

  @Test
  void aPushedLayoutImageIsTheSourceByteForByteAndSkopeoAndUmociReadIt(@TempDir Path dir)
      throws Exception {
    OciLayout layout = OciLayout.at(dir.resolve("layout"));
    client.pull(sourceImage("oci")).into(layout).execute();

    CopyResult result = client.push(layout.image("oci"), ref(target, "pushed/app:oci")).execute();

    byte[] pushed = Images.rawManifest(docker(target, "pushed/app:oci"));
    assertThat(pushed)
        .isEqualTo(Images.rawManifest(docker(source, "it/src:oci")))
        .isEqualTo(Images.rawManifest("oci:" + layout.directory() + ":oci"));
    assertThat(result.uploaded()).isEqualTo(2); // config and layer
    Path rootfs = Images.copyAndUnpack(docker(target, "pushed/app:oci"), dir);
    assertThat(Files.readString(rootfs.resolve("hello.txt"))).isEqualTo("amd64\n");
  }

  // a layout records a Docker image in its OCI form (see DockerImageLayoutIT): that is what is
  // pushed, with the source's config and layers
  @Test
  void aDockerImagePulledIntoALayoutIsPushedAsTheLayoutHoldsIt(@TempDir Path dir) {
    OciLayout layout = OciLayout.at(dir);
    client.pull(sourceImage("v2s2")).into(layout).execute();

    client.push(layout.image("v2s2"), ref(target, "pushed/docker:1")).execute();

    assertThat(Images.rawManifest(docker(target, "pushed/docker:1")))
        .isEqualTo(Images.rawManifest("oci:" + dir + ":v2s2"));
    ImageManifest pushed = (ImageManifest) client.manifest(at(target, "pushed/docker:1"));
    ImageManifest original = (ImageManifest) client.manifest(sourceImage("v2s2"));
    assertThat(pushed.mediaType()).isEqualTo(MediaType.OCI_MANIFEST);
    assertThat(pushed.config().digest()).isEqualTo(original.config().digest());
    assertThat(pushed.layers())
        .extracting(Descriptor::digest)
        .isEqualTo(original.layers().stream().map(Descriptor::digest).toList());
  }

  @Test
  void aPushedIndexWithAllPlatformsKeepsTheIndexAndEveryImageByteForByte(@TempDir Path dir) {
    OciLayout layout = OciLayout.at(dir);
    PullResult pulled = client.pull(sourceImage("multi")).allPlatforms().into(layout).execute();

    CopyResult result =
        client.push(layout.image("multi"), ref(target, "pushed/multi:1")).allPlatforms().execute();

    assertThat(result.manifest().digest()).isEqualTo(pulled.manifest().digest());
    assertSameManifests(docker(source, "it/src:multi"), target, "pushed/multi", "1");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"oci", "v2s2", "multi", "list"})
  void aCopyKeepsEveryManifestByteForByteAndSkopeoAndUmociReadTheCopy(String tag, @TempDir Path dir)
      throws Exception {
    CopyResult result =
        client
            .copy(sourceImage(tag), at(target, "copied/" + tag + ":" + tag))
            .allPlatforms()
            .execute();

    assertThat(result.rewritten()).isFalse();
    assertThat(result.uploaded()).isEqualTo(result.blobs().size());
    assertSameManifests(docker(source, "it/src:" + tag), target, "copied/" + tag, tag);
    Path rootfs = Images.copyAndUnpack(docker(target, "copied/" + tag + ":" + tag), dir);
    assertThat(Files.readString(rootfs.resolve("hello.txt"))).isEqualTo("amd64\n");
  }

  @Test
  void onePlatformOfAnIndexIsCopiedAsThatImagesManifest() {
    ImageIndex list = (ImageIndex) client.manifest(sourceImage("list"));
    Digest arm = list.manifestsMatching(Platform.parse("linux/arm64")).get(0).digest();

    CopyResult result =
        client
            .copy(sourceImage("list"), at(target, "one/app:arm"))
            .platform(Platform.parse("linux/arm64"))
            .execute();

    assertThat(result.manifest().digest()).isEqualTo(arm);
    assertThat(Images.rawManifest(docker(target, "one/app:arm")))
        .isEqualTo(Images.rawManifest(docker(source, "it/src@" + arm)));
  }

  @Test
  void aSubsetOfPlatformsGoesUnderARewrittenIndexTheRegistryServesAsWritten() {
    CopyResult result =
        client
            .copy(sourceImage("multi"), at(target, "subset/app:arm"))
            .platforms(Set.of(Platform.parse("linux/arm64")))
            .execute();

    assertThat(result.rewritten()).isTrue();
    byte[] written = Images.rawManifest(docker(target, "subset/app:arm"));
    assertThat(Digest.sha256(written)).isEqualTo(result.manifest().digest());
    ImageIndex index = (ImageIndex) client.manifest(at(target, "subset/app:arm"));
    Descriptor arm = index.manifests().get(0);
    assertThat(index.manifests()).hasSize(1);
    assertThat(arm.platform()).hasValue(Platform.parse("linux/arm64"));
    assertThat(Images.rawManifest(docker(target, "subset/app@" + arm.digest())))
        .isEqualTo(Images.rawManifest(docker(source, "it/src@" + arm.digest())));
  }

  // docker-registry keeps a schema 1 manifest's payload and signs it anew with its own key on
  // every GET, so two registries never serve the same signed bytes: the digest (of the payload)
  // is what a copy keeps
  @Test
  void aSignedSchema1ImageIsCopiedUnderItsDigestAndSkopeoAndUmociReadTheCopy(@TempDir Path dir)
      throws Exception {
    CopyResult result = client.copy(sourceImage("v2s1"), at(target, "copied/v2s1:v2s1")).execute();

    Digest sourceDigest = client.resolve(sourceImage("v2s1")).digest();
    assertThat(result.manifest().digest()).isEqualTo(sourceDigest);
    assertThat(client.resolve(at(target, "copied/v2s1:v2s1")).digest()).isEqualTo(sourceDigest);
    assertThat(Images.skopeo("inspect", "--tls-verify=false", docker(target, "copied/v2s1:v2s1")))
        .contains("\"Digest\": \"" + sourceDigest + "\"");
    Path rootfs = Images.copyAndUnpack(docker(target, "copied/v2s1:v2s1"), dir);
    assertThat(Files.readString(rootfs.resolve("hello.txt"))).isEqualTo("amd64\n");
  }

  @Test
  void aUserWithPushRightsCopiesIntoATokenProtectedRegistry(@TempDir Path dir) throws Exception {
    CopyResult copied =
        client.copy(sourceImage("list"), at(secured, "mirror/app:list")).allPlatforms().execute();

    assertThat(copied.uploaded()).isEqualTo(copied.blobs().size());
    assertThat(Images.rawManifest(docker(secured, "mirror/app:list"), "--creds=pusher:p-secret"))
        .isEqualTo(Images.rawManifest(docker(source, "it/src:list")));
    Path rootfs =
        Images.copyAndUnpack(
            docker(secured, "mirror/app:list"), dir, "--src-creds=pusher:p-secret");
    assertThat(Files.readString(rootfs.resolve("hello.txt"))).isEqualTo("amd64\n");
  }

  @Test
  void aUserWithPushRightsPushesIntoATokenProtectedRegistry(@TempDir Path dir) throws Exception {
    OciLayout layout = OciLayout.at(dir.resolve("layout"));
    client.pull(sourceImage("oci")).into(layout).execute();

    CopyResult pushed =
        client.push(layout.image("oci"), ref(secured, "mirror/pushed:oci")).execute();

    assertThat(pushed.uploaded()).isEqualTo(2);
    assertThat(Images.rawManifest(docker(secured, "mirror/pushed:oci"), "--creds=pusher:p-secret"))
        .isEqualTo(Images.rawManifest(docker(source, "it/src:oci")));
    Path rootfs =
        Images.copyAndUnpack(
            docker(secured, "mirror/pushed:oci"), dir, "--src-creds=pusher:p-secret");
    assertThat(Files.readString(rootfs.resolve("hello.txt"))).isEqualTo("amd64\n");
  }

  @Test
  void aUserWithoutPushRightsIsRefusedAndNoTagAppears() {
    try (RegistryClient readOnly =
        RegistryClient.builder()
            .credentials(secured.hostAndPort(), password("reader", "r-secret"))
            .build()) {
      assertThatThrownBy(
              () -> readOnly.copy(sourceImage("oci"), at(secured, "mirror/denied:oci")).execute())
          .isInstanceOf(AuthorizationException.class)
          .hasMessageContaining("mirror/denied")
          .hasMessageNotContaining("r-secret");
    }
    assertThatThrownBy(() -> client.resolve(at(secured, "mirror/denied:oci")))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void aCopyWithinOneRegistryMountsEveryBlobAndSendsNoBlobBytes() {
    CopyResult result = client.copy(sourceImage("v2s2"), at(source, "it/mounted:v2s2")).execute();

    assertThat(result.blobs()).hasSize(2).extracting(CopiedBlob::outcome).containsOnly(mounted());
    assertThat(result.uploaded()).isZero();
    assertThat(AccessLog.of(source))
        .filteredOn(e -> e.isUploadTo("it/mounted"))
        .hasSize(2)
        .allSatisfy(
            e -> {
              assertThat(e.method()).isEqualTo("POST");
              assertThat(e.target()).contains("mount=").contains("from=it%2Fsrc");
              assertThat(e.status()).isEqualTo(201);
            });
    assertThat(Images.rawManifest(docker(source, "it/mounted:v2s2")))
        .isEqualTo(Images.rawManifest(docker(source, "it/src:v2s2")));
  }

  @Test
  void aCopyWithinATokenProtectedRegistryMountsWithPullOnTheSourceRepository() {
    CopyResult result =
        client.copy(at(secured, "team/app:v2s2"), at(secured, "mirror/team-app:v2s2")).execute();

    assertThat(result.blobs()).hasSize(2).extracting(CopiedBlob::outcome).containsOnly(mounted());
    assertThat(AccessLog.of(secured))
        .filteredOn(e -> e.isUploadTo("mirror/team-app"))
        .noneMatch(AccessLog.Entry::sendsBlobBytes)
        .anySatisfy(e -> assertThat(e.status()).isEqualTo(201));
  }

  /** The top manifest, and for an index every image manifest, are the same bytes at the target. */
  private void assertSameManifests(
      String sourceRef, DistributionRegistry registry, String repository, String tag) {
    byte[] top = Images.rawManifest(docker(registry, repository + ":" + tag));
    assertThat(top).isEqualTo(Images.rawManifest(sourceRef));
    Manifest manifest = client.manifest(at(registry, repository + ":" + tag));
    if (manifest instanceof ImageIndex index) {
      String sourceRepo = sourceRef.substring(0, sourceRef.lastIndexOf(':'));
      for (Descriptor child : index.manifests()) {
        assertThat(Images.rawManifest(docker(registry, repository + "@" + child.digest())))
            .as("image %s", child.digest())
            .isEqualTo(Images.rawManifest(sourceRepo + "@" + child.digest()));
      }
    }
  }

  private static CopiedBlob.Outcome mounted() {
    return CopiedBlob.Outcome.MOUNTED;
  }

  private static String sourceImage(String tag) {
    return source.hostAndPort() + "/it/src:" + tag;
  }

  private static String at(DistributionRegistry registry, String repositoryAndTag) {
    return registry.hostAndPort() + "/" + repositoryAndTag;
  }

  private static ImageReference ref(DistributionRegistry registry, String repositoryAndTag) {
    return ImageReference.parse(at(registry, repositoryAndTag));
  }

  private static String docker(DistributionRegistry registry, String repositoryAndReference) {
    return "docker://" + at(registry, repositoryAndReference);
  }

  private static Credentials password(String user, String password) {
    return Credentials.usernamePassword(user, Secret.of(password));
  }
}
