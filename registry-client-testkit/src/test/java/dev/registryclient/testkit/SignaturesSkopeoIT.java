package dev.registryclient.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.registryclient.testkit.distribution.ExternalTool;
import dev.registryclient.testkit.distribution.SkopeoCopy;
import dev.registryclient.testkit.internal.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * skopeo, whose containers/image enforces {@code containers-policy.json}, accepts the kit's
 * signatures wherever it looks for them (a lookaside directory, a lookaside server, the registry
 * API extension, sigstore attachments) and rejects the wrong ones: the proof that a policy test
 * against the kit means the same as one against signed images in the wild.
 *
 * <p>skopeo reaches the registry through a {@link CdnFront}, which hangs up on its first TLS
 * attempt at once (skopeo tries https before http); image references and signed identities name the
 * front.
 */
class SignaturesSkopeoIT {
  private static final Duration TIMEOUT = Duration.ofSeconds(120);
  private static final ImageSigner SIGNER = ImageSigner.generate();

  @TempDir Path tmp;
  private TestRegistry registry;
  private CdnFront front;

  @AfterEach
  void stop() {
    if (front != null) {
      front.close();
    }
    if (registry != null) {
      registry.close();
    }
  }

  @Test
  void skopeoAcceptsASimpleSignatureFromALookasideDirectory() throws IOException {
    PushedImage image = start(TestRegistry.builder()).image("team/app").layer(100).push("1.0");
    LookasideDirectory lookaside = LookasideDirectory.at(tmp.resolve("sigstore"));
    SimpleSignature signature = SIGNER.signSimple(image.digest(), frontReference("team/app:1.0"));
    lookaside.add(image, signature);
    writeRegistriesD(lookaside.registriesD(front.hostAndPort()));

    ExternalTool.Run copy = copy("team/app:1.0", signedByPolicy());

    assertThat(copy.exitCode()).as(copy.output()).isZero();
    assertThat(tmp.resolve("copy/signature-1")).hasBinaryContent(signature.bytes());
  }

  @Test
  void skopeoRejectsWrongSimpleSignaturesFromALookasideDirectory() throws IOException {
    start(TestRegistry.builder());
    PushedImage tampered = registry.image("app").layer(100).push("tampered");
    PushedImage otherName = registry.image("app").layer(100).push("other-name");
    PushedImage otherImage = registry.image("app").layer(100).push("other-image");
    PushedImage untrusted = registry.image("app").layer(100).push("untrusted");
    LookasideDirectory lookaside = LookasideDirectory.at(tmp.resolve("sigstore"));
    lookaside.add(
        tampered, SIGNER.signSimple(tampered.digest(), frontReference("app:tampered")).tampered());
    lookaside.add(otherName, SIGNER.signSimple(otherName.digest(), frontReference("evil:1.0")));
    lookaside.add(
        otherImage, SIGNER.signSimple(tampered.digest(), frontReference("app:other-image")));
    ImageSigner stranger = ImageSigner.generate();
    lookaside.add(
        untrusted, stranger.signSimple(untrusted.digest(), frontReference("app:untrusted")));
    writeRegistriesD(lookaside.registriesD(front.hostAndPort()));
    Path policy = signedByPolicy();
    // gpgme reports a bad signature by key id, a signature by a key it lacks by fingerprint
    Map<String, String> reasons =
        Map.of(
            "tampered",
            "Invalid GPG signature",
            "other-name",
            "Signature for identity " + frontReference("evil:1.0") + " is not accepted",
            "other-image",
            "Signature for digest " + tampered.digest() + " does not match",
            "untrusted",
            "Invalid GPG signature");
    Map<String, String> keys =
        Map.of(
            "tampered", SIGNER.openPgpKey().keyId(),
            "untrusted", stranger.openPgpKey().fingerprint());

    for (String tag : reasons.keySet()) {
      ExternalTool.Run copy = copy("app:" + tag, policy);

      assertThat(copy.exitCode()).as(tag + ": " + copy.output()).isNotZero();
      assertThat(copy.output())
          .as(tag)
          .contains("Source image rejected: " + reasons.get(tag))
          .contains(keys.getOrDefault(tag, ""));
    }
  }

  @Test
  void skopeoAcceptsASimpleSignatureFromTheLookasideServer() throws IOException {
    PushedImage image =
        start(TestRegistry.builder().lookaside()).image("app").layer(100).push("1.0");
    registry.addSignature(image, SIGNER.signSimple(image.digest(), frontReference("app:1.0")));
    writeRegistriesD(
        "docker:\n  \""
            + front.hostAndPort()
            + "\":\n    lookaside: "
            + registry.lookasideUrl().orElseThrow()
            + "\n");

    ExternalTool.Run copy = copy("app:1.0", signedByPolicy());

    assertThat(copy.exitCode()).as(copy.output()).isZero();
    assertThat(registry.journal().lookaside())
        .extracting(RecordedRequest::path)
        .contains("/signatures/app@sha256=" + image.digest().hex() + "/signature-1");
  }

  @Test
  void skopeoAcceptsASimpleSignatureFromTheRegistryApiExtension() throws IOException {
    PushedImage image =
        start(TestRegistry.builder().signatureApi()).image("app").layer(100).push("1.0");
    registry.addSignature(image, SIGNER.signSimple(image.digest(), frontReference("app:1.0")));
    writeRegistriesD("docker: {}\n");

    ExternalTool.Run copy = copy("app:1.0", signedByPolicy());

    assertThat(copy.exitCode()).as(copy.output()).isZero();
    assertThat(registry.journal().matching("GET", "^/extensions/v2/app/signatures/")).hasSize(1);
  }

  /**
   * Debian builds skopeo without sigstore verification ({@code sigstoreSigned} rejects everything
   * with "Debian-local change: sigstore disabled"), but its containers/image still reads sigstore
   * attachments and copies them: what it copied is what a verifier would see, and the JDK checks
   * that with the PEM key.
   */
  @Test
  @SuppressWarnings("unchecked")
  void skopeoFindsSigstoreSignaturesWhereCosignPutsThem() throws Exception {
    PushedImage image = start(TestRegistry.builder()).image("app").layer(100).push("1.0");
    SigstoreSignature first = SIGNER.signSigstore(image.digest(), frontReference("app:1.0"));
    SigstoreSignature second = ImageSigner.generate().signSigstore(image);
    registry.addSignature(image, first);
    registry.addSignature(image, second);
    writeRegistriesD(
        "docker:\n  \"" + front.hostAndPort() + "\":\n    use-sigstore-attachments: true\n");

    ExternalTool.Run copy = copy("app:1.0", policy("{\"type\":\"insecureAcceptAnything\"}"));

    assertThat(copy.exitCode()).as(copy.output()).isZero();
    Map<String, Object> copied = sigstoreSignature(tmp.resolve("copy/signature-1"));
    assertThat(copied.get("mimeType")).isEqualTo(SigstoreSignature.MEDIA_TYPE);
    byte[] payload = Base64.getDecoder().decode((String) copied.get("payload"));
    assertThat(payload).isEqualTo(first.payload());
    String signature =
        ((Map<String, String>) copied.get("annotations"))
            .get(SigstoreSignature.SIGNATURE_ANNOTATION);
    assertThat(
            verifies(
                SIGNER.cosignKey().writePublicKey(tmp.resolve("cosign.pub")), payload, signature))
        .isTrue();
    assertThat(sigstoreSignature(tmp.resolve("copy/signature-2")).get("payload"))
        .isEqualTo(Base64.getEncoder().encodeToString(second.payload()));
    assertThat(tmp.resolve("copy/signature-3")).doesNotExist();
  }

  // containers/image stores a sigstore signature as "\0sigstore-json\n" and a JSON object
  private static Map<String, Object> sigstoreSignature(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    byte[] prefix = "\0sigstore-json\n".getBytes(StandardCharsets.US_ASCII);
    assertThat(Arrays.copyOf(bytes, prefix.length)).isEqualTo(prefix);
    return Json.parseObject(Arrays.copyOfRange(bytes, prefix.length, bytes.length));
  }

  private static boolean verifies(Path pem, byte[] payload, String base64Signature)
      throws Exception {
    String base64Key =
        Files.readString(pem).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
    PublicKey key =
        KeyFactory.getInstance("EC")
            .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64Key)));
    Signature ecdsa = Signature.getInstance("SHA256withECDSA");
    ecdsa.initVerify(key);
    ecdsa.update(payload);
    return ecdsa.verify(Base64.getDecoder().decode(base64Signature));
  }

  private TestRegistry start(TestRegistry.Builder builder) {
    registry = builder.start();
    front = CdnFront.builder(registry.url()).start();
    return registry;
  }

  private String frontReference(String repositoryAndTag) {
    return front.hostAndPort() + "/" + repositoryAndTag;
  }

  private void writeRegistriesD(String yaml) throws IOException {
    Files.createDirectories(tmp.resolve("registries.d"));
    Files.writeString(tmp.resolve("registries.d/test.yaml"), yaml);
  }

  private Path signedByPolicy() {
    Path key = SIGNER.openPgpKey().writePublicKey(tmp.resolve("key.asc"));
    return policy("{\"type\":\"signedBy\",\"keyType\":\"GPGKeys\",\"keyPath\":\"" + key + "\"}");
  }

  // everything else is rejected, so an accepted copy can only be the requirement's doing
  private Path policy(String requirement) {
    try {
      return Files.writeString(
          tmp.resolve("policy.json"),
          "{\"default\":[{\"type\":\"reject\"}],\"transports\":{\"docker\":{\""
              + front.hostAndPort()
              + "\":["
              + requirement
              + "]}}}");
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private ExternalTool.Run copy(String repositoryAndTag, Path policy) throws IOException {
    Path out = tmp.resolve("copy");
    if (Files.exists(out)) {
      try (var files = Files.walk(out)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
    return SkopeoCopy.underPolicy(
        TIMEOUT, policy, tmp.resolve("registries.d"), frontReference(repositoryAndTag), out);
  }
}
