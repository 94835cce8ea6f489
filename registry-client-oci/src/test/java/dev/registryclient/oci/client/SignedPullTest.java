package dev.registryclient.oci.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.registryclient.api.ImageReference;
import dev.registryclient.api.auth.Credentials;
import dev.registryclient.api.auth.Secret;
import dev.registryclient.api.client.PullResult;
import dev.registryclient.api.client.RegistryClient;
import dev.registryclient.api.exception.ConfigurationException;
import dev.registryclient.api.exception.ImageRejectedException;
import dev.registryclient.api.trust.KeySource;
import dev.registryclient.api.trust.PolicyRequirement;
import dev.registryclient.api.trust.SignatureStores;
import dev.registryclient.api.trust.SignedIdentity;
import dev.registryclient.api.trust.TrustPolicy;
import dev.registryclient.api.trust.TrustVerdict;
import dev.registryclient.core.store.MemoryBlobStore;
import dev.registryclient.testkit.ImageSigner;
import dev.registryclient.testkit.PushedBlob;
import dev.registryclient.testkit.PushedImage;
import dev.registryclient.testkit.RecordedRequest;
import dev.registryclient.testkit.SigstoreSignature;
import dev.registryclient.testkit.TestRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pulls under a trust policy with real signatures: the test kit signs (OpenPGP simple signing,
 * cosign keys), core's Bouncy Castle verifiers check, and the client finds the signatures on a
 * lookaside server, through the registry's signature API and under {@code .sig} tags. The same
 * signatures are accepted by skopeo and gpg ({@code SignaturesSkopeoIT}, {@code GpgInteropIT}).
 */
class SignedPullTest {
  private static final ImageSigner SIGNER = ImageSigner.generate();
  private static final ImageSigner STRANGER = ImageSigner.generate();

  @TempDir Path dir;

  private static TrustPolicy signedBy(String scope, ImageSigner signer) {
    return TestPolicies.signedBy(scope, new KeySource.Inline(signer.openPgpKey().publicKey()));
  }

  private static TrustPolicy sigstoreSigned(String scope, ImageSigner signer) {
    return TestPolicies.sigstoreSigned(
        scope,
        new KeySource.Inline(signer.cosignKey().publicKeyPem().getBytes(StandardCharsets.UTF_8)));
  }

  private static SignatureStores lookaside(TestRegistry registry) {
    return SignatureStores.of(
        Optional.empty(),
        Map.of(
            registry.hostAndPort(),
            SignatureStores.Store.lookaside(registry.lookasideUrl().orElseThrow())));
  }

  @Test
  void aLookasideSignatureIsFetchedWithoutTheRegistrysCredentialsAndVerified() {
    try (TestRegistry registry =
        TestRegistry.builder().tokenAuth("alice", "s3cret").lookaside().start()) {
      PushedImage image = registry.image("org/app").layer(3000).push("1.0");
      registry.addSignature(image, SIGNER.signSimple(image));
      try (RegistryClient client =
          RegistryClient.builder()
              .credentials(
                  registry.hostAndPort(),
                  Credentials.usernamePassword("alice", Secret.of("s3cret")))
              .trustPolicy(signedBy(registry.hostAndPort(), SIGNER))
              .signatureStores(lookaside(registry))
              .build()) {
        PullResult result =
            client
                .pull(ImageReference.parse(image.reference()))
                .into(new MemoryBlobStore())
                .execute();

        TrustVerdict verdict = result.trust().orElseThrow();
        assertThat(verdict.accepted()).as(verdict.reason()).isTrue();
        assertThat(verdict.checks())
            .singleElement()
            .satisfies(c -> assertThat(c.signer()).contains(SIGNER.openPgpKey().fingerprint()));
        List<RecordedRequest> lookasideRequests = registry.journal().lookaside();
        assertThat(lookasideRequests).isNotEmpty().noneMatch(RecordedRequest::hasAuthorization);
      }
    }
  }

  @Test
  void theRegistrysSignatureApiServesSimpleSignatures() {
    try (TestRegistry registry = TestRegistry.builder().signatureApi().start()) {
      PushedImage image = registry.image("org/app").layer(100).push("1.0");
      registry.addSignature(image, STRANGER.signSimple(image));
      registry.addSignature(image, SIGNER.signSimple(image));
      try (RegistryClient client = RegistryClient.builder().build()) {
        TrustVerdict verdict =
            client.verify(
                ImageReference.parse(image.reference()), signedBy(registry.hostAndPort(), SIGNER));

        assertThat(verdict.accepted()).as(verdict.reason()).isTrue();
        assertThat(verdict.checks()).hasSize(2);
        assertThat(verdict.checks().get(0).accepted()).isFalse();
        assertThat(verdict.checks().get(1).signer()).contains(SIGNER.openPgpKey().fingerprint());
      }
    }
  }

  @Test
  void aTamperedSignatureIsRejectedAndNothingIsStored() {
    try (TestRegistry registry = TestRegistry.builder().lookaside().start()) {
      PushedImage image = registry.image("org/app").layer(3000).push("1.0");
      registry.addSignature(image, SIGNER.signSimple(image).tampered());
      MemoryBlobStore store = new MemoryBlobStore();
      try (RegistryClient client =
          RegistryClient.builder()
              .trustPolicy(signedBy(registry.hostAndPort(), SIGNER))
              .signatureStores(lookaside(registry))
              .build()) {
        ImageRejectedException e =
            catchThrowableOfType(
                () -> client.pull(ImageReference.parse(image.reference())).into(store).execute(),
                ImageRejectedException.class);

        assertThat(e.verdict().checks())
            .singleElement()
            .satisfies(
                c -> {
                  assertThat(c.accepted()).isFalse();
                  assertThat(c.location())
                      .contains(registry.lookasideUrl().orElseThrow().toString());
                });
        assertThat(e.getMessage()).contains("signature-1");
        assertThat(store.list()).isEmpty();
      }
    }
  }

  @Test
  void aSigstoreSignatureVerifiesWithItsPublicKeyAndNotAnother() {
    try (TestRegistry registry = TestRegistry.builder().start();
        RegistryClient client = RegistryClient.builder().build()) {
      PushedImage image = registry.image("org/app").layer(100).push("1.0");
      registry.addSignature(image, SIGNER.signSigstore(image));
      ImageReference ref = ImageReference.parse(image.reference());

      TrustVerdict good = client.verify(ref, sigstoreSigned(registry.hostAndPort(), SIGNER));
      TrustVerdict wrong = client.verify(ref, sigstoreSigned(registry.hostAndPort(), STRANGER));

      assertThat(good.accepted()).as(good.reason()).isTrue();
      assertThat(good.checks().get(0).signer().orElseThrow()).startsWith("sha256:");
      assertThat(wrong.accepted()).isFalse();
    }
  }

  @Test
  void aCosignSignatureAttachedAsAReferrerIsFoundWithoutASigTag() {
    try (TestRegistry registry = TestRegistry.builder().start();
        RegistryClient client = RegistryClient.builder().build()) {
      PushedImage image = registry.image("org/app").layer(100).push("1.0");
      SigstoreSignature signature = SIGNER.signSigstore(image);
      PushedBlob payload =
          registry.pushBlob(image.repository(), signature.payload(), SigstoreSignature.MEDIA_TYPE);
      PushedBlob empty =
          registry.pushBlob(
              image.repository(),
              "{}".getBytes(StandardCharsets.UTF_8),
              "application/vnd.oci.empty.v1+json");
      String artifact =
          "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\","
              + "\"artifactType\":\"application/vnd.dev.cosign.artifact.sig.v1+json\","
              + "\"config\":{\"mediaType\":\"application/vnd.oci.empty.v1+json\",\"digest\":\""
              + empty.digest()
              + "\",\"size\":2},\"layers\":[{\"mediaType\":\""
              + SigstoreSignature.MEDIA_TYPE
              + "\",\"digest\":\""
              + payload.digest()
              + "\",\"size\":"
              + payload.size()
              + ",\"annotations\":{\""
              + SigstoreSignature.SIGNATURE_ANNOTATION
              + "\":\""
              + signature.signature()
              + "\"}}],\"subject\":{\"mediaType\":\""
              + image.mediaType()
              + "\",\"digest\":\""
              + image.digest()
              + "\",\"size\":"
              + image.size()
              + "}}";
      registry.pushManifest(
          image.repository(),
          null,
          "application/vnd.oci.image.manifest.v1+json",
          artifact.getBytes(StandardCharsets.UTF_8));

      TrustVerdict verdict =
          client.verify(
              ImageReference.parse(image.reference()),
              sigstoreSigned(registry.hostAndPort(), SIGNER));

      assertThat(verdict.accepted()).as(verdict.reason()).isTrue();
      assertThat(verdict.checks().get(0).location()).contains("@sha256:");
    }
  }

  @Test
  void policyJsonAndRegistriesDFilesDriveThePull() throws IOException {
    try (TestRegistry registry = TestRegistry.builder().lookaside().start()) {
      PushedImage image = registry.image("org/app").layer(500).push("1.0");
      registry.addSignature(image, SIGNER.signSimple(image));
      Path key = SIGNER.openPgpKey().writePublicKey(dir.resolve("release.gpg"));
      Path policy = dir.resolve("policy.json");
      Files.writeString(
          policy,
          "{\"default\":[{\"type\":\"reject\"}],\"transports\":{\"docker\":{\""
              + registry.hostAndPort()
              + "\":[{\"type\":\"signedBy\",\"keyType\":\"GPGKeys\",\"keyPath\":\""
              + key
              + "\"}]}}}");
      Path registriesD = Files.createDirectories(dir.resolve("registries.d"));
      Files.writeString(
          registriesD.resolve("test.yaml"),
          "docker:\n  "
              + registry.hostAndPort()
              + ":\n    lookaside: "
              + registry.lookasideUrl().orElseThrow()
              + "\n");
      try (RegistryClient client =
          RegistryClient.builder().policyJson(policy).registriesD(registriesD).build()) {
        TrustVerdict verdict = client.verify(ImageReference.parse(image.reference()));

        assertThat(verdict.accepted()).as(verdict.reason()).isTrue();
        assertThat(verdict.scope()).isEqualTo(registry.hostAndPort());
      }
    }
  }

  @Test
  void aMissingKeyFileIsAConfigurationErrorNamingIt() {
    try (TestRegistry registry = TestRegistry.builder().lookaside().start()) {
      PushedImage image = registry.image("org/app").layer(100).push("1.0");
      registry.addSignature(image, SIGNER.signSimple(image));
      Path missing = dir.resolve("nope.gpg");
      TrustPolicy policy =
          TrustPolicy.of(
              List.of(
                  new PolicyRequirement.SignedBy(
                      List.of(new KeySource.FromFile(missing)),
                      new SignedIdentity.MatchRepoDigestOrExact())),
              Map.of());
      try (RegistryClient client =
          RegistryClient.builder().signatureStores(lookaside(registry)).build()) {
        ConfigurationException e =
            catchThrowableOfType(
                () -> client.verify(ImageReference.parse(image.reference()), policy),
                ConfigurationException.class);

        assertThat(e.getMessage()).contains(missing.toString());
      }
    }
  }
}
