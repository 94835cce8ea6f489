package dev.registryclient.oci.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.registryclient.api.Digest;
import dev.registryclient.api.ImageReference;
import dev.registryclient.api.client.ClientSettings;
import dev.registryclient.api.client.PullEvent;
import dev.registryclient.api.client.PullResult;
import dev.registryclient.api.client.RegistryClient;
import dev.registryclient.api.client.RegistryClientBuilder;
import dev.registryclient.api.config.MirrorRule;
import dev.registryclient.api.config.PullFromMirror;
import dev.registryclient.api.config.RegistryConfig;
import dev.registryclient.api.config.RegistryRule;
import dev.registryclient.api.exception.ImageRejectedException;
import dev.registryclient.api.exception.Phase;
import dev.registryclient.api.trust.PolicyRequirement;
import dev.registryclient.api.trust.SignatureStores;
import dev.registryclient.api.trust.TrustPolicy;
import dev.registryclient.api.trust.TrustVerdict;
import dev.registryclient.core.store.MemoryBlobStore;
import dev.registryclient.testkit.PushedBlob;
import dev.registryclient.testkit.PushedImage;
import dev.registryclient.testkit.TestRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A client with a trust policy: where signatures are looked for, what a pull or copy does with the
 * verdict, and what a rejection says. The cryptography is a stand-in ({@link FakeSignatureCrypto});
 * this tests the plumbing around it.
 */
class ClientTrustTest {
  private static final String PRIMARY = "registry.redhat.io";

  @TempDir Path lookaside;

  private static TrustPolicy signedBy(String scope, String key) {
    return TestPolicies.signedBy(scope, FakeSignatureCrypto.key(key));
  }

  private static TrustPolicy sigstoreSigned(String scope, String key) {
    return TestPolicies.sigstoreSigned(scope, FakeSignatureCrypto.key(key));
  }

  private SignatureStores lookasideFor(String scope) {
    return SignatureStores.of(
        Optional.empty(), Map.of(scope, SignatureStores.Store.lookaside(lookaside.toUri())));
  }

  private static RegistryClient client(RegistryClientBuilder builder) {
    ClientSettings settings = builder.settings();
    return new DefaultRegistryClient(settings, new FakeSignatureCrypto());
  }

  /** Writes signature {@code n} of {@code repository@digest} into the lookaside directory. */
  private void sign(String repository, Digest digest, int n, String key, String identity)
      throws IOException {
    Path dir =
        lookaside.resolve(repository + "@" + digest.algorithm().prefix() + "=" + digest.hex());
    Files.createDirectories(dir);
    Files.write(
        dir.resolve("signature-" + n),
        FakeSignatureCrypto.simpleSigning(key, FakeSignatureCrypto.payload(digest, identity)));
  }

  @Test
  void aPullUnderASignedByPolicyReportsWhoSignedAndTheVerdictEvent() throws IOException {
    try (TestRegistry registry = TestRegistry.builder().start()) {
      PushedImage image = registry.image("org/app").layer(2000).push("1.0");
      sign("org/app", image.digest(), 1, "release-key", image.reference());
      List<PullEvent> events = new CopyOnWriteArrayList<>();
      try (RegistryClient client =
          client(
              RegistryClient.builder()
                  .trustPolicy(signedBy(registry.hostAndPort(), "release-key"))
                  .signatureStores(lookasideFor(registry.hostAndPort())))) {
        PullResult result =
            client
                .pull(ImageReference.parse(image.reference()))
                .into(new MemoryBlobStore())
                .onProgress(events::add)
                .execute();

        TrustVerdict verdict = result.trust().orElseThrow();
        assertThat(verdict.accepted()).isTrue();
        assertThat(verdict.scope()).isEqualTo(registry.hostAndPort());
        assertThat(verdict.manifest()).isEqualTo(image.digest());
        assertThat(verdict.checks())
            .singleElement()
            .satisfies(
                c -> {
                  assertThat(c.signer()).contains("release-key");
                  assertThat(c.identity()).contains(image.reference());
                  assertThat(c.location()).endsWith("/signature-1");
                });
        assertThat(events).anySatisfy(e -> assertThat(e).isInstanceOf(PullEvent.Verified.class));
      }
    }
  }

  @Test
  void aRejectedPullStoresNothingAndNamesEachSignatureTried() throws IOException {
    try (TestRegistry registry = TestRegistry.builder().start()) {
      PushedImage image = registry.image("org/app").layer(2000).push("1.0");
      sign("org/app", image.digest(), 1, "someone-else", image.reference());
      sign("org/app", image.digest(), 2, "release-key", "other.example/org/app:1.0");
      MemoryBlobStore store = new MemoryBlobStore();
      try (RegistryClient client =
          client(
              RegistryClient.builder()
                  .trustPolicy(signedBy(registry.hostAndPort(), "release-key"))
                  .signatureStores(lookasideFor(registry.hostAndPort())))) {
        ImageRejectedException e =
            catchThrowableOfType(
                () -> client.pull(ImageReference.parse(image.reference())).into(store).execute(),
                ImageRejectedException.class);

        assertThat(e.context().phase()).isEqualTo(Phase.SIGNATURE);
        assertThat(e.getMessage())
            .contains(image.reference())
            .contains("scope " + registry.hostAndPort())
            .contains("signature-1: signed by unknown key someone-else")
            .contains("signature-2: identity other.example/org/app:1.0 does not match");
        assertThat(e.verdict().checks()).hasSize(2).noneMatch(c -> c.accepted());
        assertThat(store.list()).isEmpty();
        assertThat(registry.journal().matching("GET", ".*/blobs/.*")).isEmpty();
      }
    }
  }

  @Test
  void anUnsignedImageIsRejectedNamingWhereSignaturesWereLookedFor() {
    try (TestRegistry registry = TestRegistry.builder().start()) {
      PushedImage image = registry.image("org/app").layer(100).push("1.0");
      try (RegistryClient client =
          client(
              RegistryClient.builder()
                  .trustPolicy(signedBy(registry.hostAndPort(), "release-key"))
                  .signatureStores(lookasideFor(registry.hostAndPort())))) {
        TrustVerdict verdict =
            client.verify(
                ImageReference.parse(image.reference()),
                signedBy(registry.hostAndPort(), "release-key"));

        assertThat(verdict.accepted()).isFalse();
        assertThat(verdict.reason())
            .contains("no simple-signing signature found for " + image.digest());
      }
    }
  }

  @Test
  void aRejectScopeRejectsWithoutLookingForSignatures() {
    try (TestRegistry registry = TestRegistry.builder().start();
        RegistryClient client = client(RegistryClient.builder())) {
      PushedImage image = registry.image("org/app").layer(100).push("1.0");
      TrustPolicy reject = TrustPolicy.of(List.of(new PolicyRequirement.Reject()), Map.of());

      TrustVerdict verdict = client.verify(ImageReference.parse(image.reference()), reject);

      assertThat(verdict.accepted()).isFalse();
      assertThat(verdict.scope()).isEmpty();
      assertThat(verdict.reason()).contains("the default").contains("reject");
      assertThat(registry.journal().matching("GET", ".*\\.sig")).isEmpty();
    }
  }

  @Test
  void aSigstoreSignatureUnderTheSigTagSatisfiesSigstoreSigned() {
    try (TestRegistry registry = TestRegistry.builder().start();
        RegistryClient client = client(RegistryClient.builder())) {
      PushedImage image = registry.image("org/app").layer(100).push("1.0");
      pushSigstoreSignature(registry, image, "cosign-key", image.reference());

      TrustVerdict good =
          client.verify(
              ImageReference.parse(image.reference()),
              sigstoreSigned(registry.hostAndPort(), "cosign-key"));
      TrustVerdict wrongKey =
          client.verify(
              ImageReference.parse(image.reference()),
              sigstoreSigned(registry.hostAndPort(), "another-key"));

      assertThat(good.accepted()).as(good.reason()).isTrue();
      assertThat(good.checks())
          .singleElement()
          .satisfies(
              c -> {
                assertThat(c.signer()).contains("cosign-key");
                assertThat(c.location()).contains(".sig layer sha256:");
              });
      assertThat(wrongKey.accepted()).isFalse();
      assertThat(wrongKey.reason()).contains("signed by unknown key cosign-key");
    }
  }

  @Test
  void aSignatureForAnotherManifestIsRefused() throws IOException {
    try (TestRegistry registry = TestRegistry.builder().start();
        RegistryClient client =
            client(
                RegistryClient.builder()
                    .signatureStores(
                        SignatureStores.of(
                            Optional.of(SignatureStores.Store.lookaside(lookaside.toUri())),
                            Map.of())))) {
      PushedImage image = registry.image("org/app").layer(100).push("1.0");
      PushedImage other = registry.image("org/app").layer(200).push("2.0");
      Path dir = lookaside.resolve("org/app@sha256=" + image.digest().hex());
      Files.createDirectories(dir);
      Files.write(
          dir.resolve("signature-1"),
          FakeSignatureCrypto.simpleSigning(
              "release-key", FakeSignatureCrypto.payload(other.digest(), image.reference())));

      TrustVerdict verdict =
          client.verify(
              ImageReference.parse(image.reference()),
              signedBy(registry.hostAndPort(), "release-key"));

      assertThat(verdict.accepted()).isFalse();
      assertThat(verdict.reason()).contains("signed for another manifest: " + other.digest());
    }
  }

  @Test
  void behindAMirrorThePolicyNamesThePrimaryAndSignaturesComeFromTheMirrorsStore()
      throws IOException {
    try (TestRegistry mirror = TestRegistry.builder().start()) {
      PushedImage image = mirror.image("ubi9/ubi").layer(500).push("9.4");
      ImageReference named = ImageReference.parse(PRIMARY + "/ubi9/ubi@" + image.digest());
      // signed for the name users pull, stored where the mirror's lookaside is configured
      sign("ubi9/ubi", image.digest(), 1, "redhat", PRIMARY + "/ubi9/ubi:9.4");
      RegistryConfig config =
          RegistryConfig.of(
              List.of(
                  RegistryRule.mirrored(
                      PRIMARY,
                      new MirrorRule(mirror.hostAndPort(), false, PullFromMirror.DIGEST_ONLY))));
      MemoryBlobStore store = new MemoryBlobStore();
      try (RegistryClient client =
          client(
              RegistryClient.builder()
                  .registryConfig(config)
                  .trustPolicy(signedBy(PRIMARY, "redhat"))
                  .signatureStores(lookasideFor(mirror.hostAndPort())))) {
        PullResult result = client.pull(named).into(store).execute();

        assertThat(result.source().mirror()).isTrue();
        TrustVerdict verdict = result.trust().orElseThrow();
        assertThat(verdict.image()).isEqualTo(named);
        assertThat(verdict.scope()).isEqualTo(PRIMARY);
        assertThat(verdict.accepted()).isTrue();
      }
    }
  }

  @Test
  void aCopyOfARejectedImagePushesNothing() {
    try (TestRegistry source = TestRegistry.builder().start();
        TestRegistry target = TestRegistry.builder().start()) {
      PushedImage image = source.image("org/app").layer(1000).push("1.0");
      try (RegistryClient client =
          client(
              RegistryClient.builder()
                  .trustPolicy(signedBy(source.hostAndPort(), "release-key"))
                  .signatureStores(lookasideFor(source.hostAndPort())))) {
        ImageRejectedException e =
            catchThrowableOfType(
                () ->
                    client
                        .copy(
                            ImageReference.parse(image.reference()),
                            ImageReference.parse(target.hostAndPort() + "/mirror/app:1.0"))
                        .execute(),
                ImageRejectedException.class);

        assertThat(e.getMessage()).contains("no simple-signing signature found");
        assertThat(target.journal().matching("POST", ".*")).isEmpty();
        assertThat(target.journal().matching("PUT", ".*")).isEmpty();
      }
    }
  }

  @TempDir Path staging;

  private SignatureStores copyStores(TestRegistry source, TestRegistry target) {
    return SignatureStores.of(
        Optional.empty(),
        Map.of(
            source.hostAndPort(),
            SignatureStores.Store.lookaside(lookaside.toUri()),
            target.hostAndPort(),
            new SignatureStores.Store(
                Optional.empty(), Optional.of(staging.toUri()), Optional.empty())));
  }

  @Test
  void aCopyCarriesLookasideSignaturesAndTheSigTagOnceEach() throws IOException {
    try (TestRegistry source = TestRegistry.builder().start();
        TestRegistry target = TestRegistry.builder().start()) {
      PushedImage image = source.image("org/app").layer(1000).push("1.0");
      sign("org/app", image.digest(), 1, "release-key", image.reference());
      sign("org/app", image.digest(), 2, "backup-key", image.reference());
      pushSigstoreSignature(source, image, "cosign-key", image.reference());
      ImageReference to = ImageReference.parse(target.hostAndPort() + "/mirror/app:1.0");
      try (RegistryClient client =
          client(RegistryClient.builder().signatureStores(copyStores(source, target)))) {
        var first =
            client.copy(ImageReference.parse(image.reference()), to).copySignatures().execute();
        var again =
            client.copy(ImageReference.parse(image.reference()), to).copySignatures().execute();

        Path dir = staging.resolve("mirror/app@sha256=" + image.digest().hex());
        assertThat(Files.readAllBytes(dir.resolve("signature-1")))
            .isEqualTo(Files.readAllBytes(lookasideFile("org/app", image.digest(), 1)));
        assertThat(Files.readAllBytes(dir.resolve("signature-2")))
            .isEqualTo(Files.readAllBytes(lookasideFile("org/app", image.digest(), 2)));
        assertThat(dir.resolve("signature-3")).doesNotExist();
        String sigTag = "sha256-" + image.digest().hex() + ".sig";
        assertThat(first.signatures())
            .containsExactly(
                dir.resolve("signature-1").toUri().toString(),
                dir.resolve("signature-2").toUri().toString(),
                target.hostAndPort() + "/mirror/app:" + sigTag);
        assertThat(again.signatures())
            .containsExactly(target.hostAndPort() + "/mirror/app:" + sigTag);
        assertThat(
                client
                    .resolve(ImageReference.parse(target.hostAndPort() + "/mirror/app:" + sigTag))
                    .digest())
            .isEqualTo(
                client
                    .resolve(ImageReference.parse(source.hostAndPort() + "/org/app:" + sigTag))
                    .digest());
        // and the copy verifies where it landed
        TrustVerdict there = client.verify(to, sigstoreSigned(target.hostAndPort(), "cosign-key"));
        assertThat(there.accepted()).as(there.reason()).isFalse(); // identity names the source
        assertThat(there.reason()).contains("does not match");
      }
    }
  }

  @Test
  void simpleSignaturesWithNowhereToWriteThemFailTheCopyBeforeAnythingIsPushed()
      throws IOException {
    try (TestRegistry source = TestRegistry.builder().start();
        TestRegistry target = TestRegistry.builder().start()) {
      PushedImage image = source.image("org/app").layer(1000).push("1.0");
      sign("org/app", image.digest(), 1, "release-key", image.reference());
      try (RegistryClient client =
          client(RegistryClient.builder().signatureStores(lookasideFor(source.hostAndPort())))) {
        var copy =
            client
                .copy(
                    ImageReference.parse(image.reference()),
                    ImageReference.parse(target.hostAndPort() + "/mirror/app:1.0"))
                .copySignatures();

        IllegalStateException e = catchThrowableOfType(copy::execute, IllegalStateException.class);

        assertThat(e.getMessage())
            .contains("1 simple-signing signature")
            .contains("lookaside-staging");
        assertThat(target.journal().matching("POST", ".*")).isEmpty();
        assertThat(target.journal().matching("PUT", ".*")).isEmpty();
      }
    }
  }

  @Test
  void copyingOnePlatformOfASignedIndexWithItsSignaturesIsRefused() {
    try (TestRegistry source = TestRegistry.builder().start();
        TestRegistry target = TestRegistry.builder().start();
        RegistryClient client = client(RegistryClient.builder())) {
      var index =
          source
              .index("org/multi")
              .add(source.image("org/multi").platform("linux", "amd64").layer(64))
              .add(source.image("org/multi").platform("linux", "arm64").layer(64))
              .push("1.0");
      var copy =
          client
              .copy(
                  ImageReference.parse(source.hostAndPort() + "/org/multi:1.0"),
                  ImageReference.parse(target.hostAndPort() + "/org/multi:1.0"))
              .platform(dev.registryclient.api.Platform.parse("linux/amd64"))
              .copySignatures();

      IllegalStateException e = catchThrowableOfType(copy::execute, IllegalStateException.class);

      assertThat(e.getMessage()).contains(index.digest().toString()).contains("allPlatforms()");
      assertThat(target.journal().matching("PUT", ".*")).isEmpty();
    }
  }

  private Path lookasideFile(String repository, Digest digest, int n) {
    return lookaside.resolve(repository + "@sha256=" + digest.hex()).resolve("signature-" + n);
  }

  private static void pushSigstoreSignature(
      TestRegistry registry, PushedImage image, String key, String identity) {
    byte[] payload = FakeSignatureCrypto.payload(image.digest(), identity);
    PushedBlob layer =
        registry.pushBlob(
            image.repository(), payload, "application/vnd.dev.cosign.simplesigning.v1+json");
    PushedBlob config =
        registry.pushBlob(
            image.repository(),
            "{}".getBytes(StandardCharsets.UTF_8),
            "application/vnd.oci.image.config.v1+json");
    String manifest =
        "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\","
            + "\"config\":{\"mediaType\":\"application/vnd.oci.image.config.v1+json\","
            + "\"digest\":\""
            + config.digest()
            + "\",\"size\":2},\"layers\":[{\"mediaType\":"
            + "\"application/vnd.dev.cosign.simplesigning.v1+json\",\"digest\":\""
            + layer.digest()
            + "\",\"size\":"
            + payload.length
            + ",\"annotations\":{\"dev.cosignproject.cosign/signature\":\""
            + FakeSignatureCrypto.sigstoreSignature(key, payload)
            + "\"}}]}";
    registry.pushManifest(
        image.repository(),
        "sha256-" + image.digest().hex() + ".sig",
        "application/vnd.oci.image.manifest.v1+json",
        manifest.getBytes(StandardCharsets.UTF_8));
  }
}
