package dev.registryclient.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.registryclient.api.Digest;
import dev.registryclient.api.ImageReference;
import dev.registryclient.api.client.RegistryClient;
import dev.registryclient.api.exception.ImageRejectedException;
import dev.registryclient.api.trust.SignatureCheck;
import dev.registryclient.api.trust.TrustVerdict;
import dev.registryclient.oci.layout.OciLayout;
import dev.registryclient.testkit.distribution.DistributionRegistry;
import dev.registryclient.testkit.distribution.ExternalTool;
import dev.registryclient.testkit.distribution.SkopeoCopy;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Our trust verdicts are skopeo's: images in a real docker-registry are signed by {@code skopeo
 * copy --sign-by} with keys the real gpg made (RSA and Ed25519) into a {@code file://} lookaside,
 * and for each policy both the SDK ({@code verify} and a pull) and {@code skopeo copy --policy}
 * read the same {@code policy.json} and {@code registries.d} and must reach the same decision:
 * accept a good signature by the policy's key, reject an unsigned image, a signature with one byte
 * flipped, a signature by another key and an identity the policy does not allow.
 */
class SignatureParityIT {
  private static final Duration TIMEOUT = Duration.ofSeconds(60);
  private static final String REPOSITORY = "parity/app";

  @TempDir static Path tmp;
  static DistributionRegistry registry;
  static GnupgHome gnupg;
  static String rsa;
  static String ed25519;
  static String stranger;
  static Path lookaside;
  static Path registriesD;

  @BeforeAll
  static void signImages() throws IOException {
    registry = DistributionRegistry.builder().start();
    gnupg = GnupgHome.create(tmp.resolve("gnupg"));
    rsa = gnupg.generateKey("Parity RSA <rsa@parity.invalid>", "rsa3072");
    ed25519 = gnupg.generateKey("Parity Ed25519 <ed25519@parity.invalid>", "ed25519");
    stranger = gnupg.generateKey("Stranger <stranger@parity.invalid>", "ed25519");
    for (String fingerprint : List.of(rsa, ed25519, stranger)) {
      gnupg.exportPublicKey(fingerprint, keyFile(fingerprint));
    }
    // skopeo writes signatures to lookaside-staging; both sides read them from lookaside
    lookaside = Files.createDirectories(tmp.resolve("lookaside"));
    registriesD = Files.createDirectories(tmp.resolve("registries.d"));
    Files.writeString(
        registriesD.resolve("parity.yaml"),
        "docker:\n  \""
            + registry.hostAndPort()
            + "\":\n    lookaside: "
            + lookaside.toUri()
            + "\n    lookaside-staging: "
            + lookaside.toUri()
            + "\n");

    pushSigned("rsa", Optional.of(rsa));
    pushSigned("ed25519", Optional.of(ed25519));
    pushSigned("unsigned", Optional.empty());
    pushSigned("tampered", Optional.of(rsa));
    Path signature = Path.of(lookasideFile("tampered"));
    // gpg compresses the whole message; in an RSA 3072 signature the middle of the compressed
    // bytes lies in the signature value. Bytes the signature does not cover (the literal packet's
    // file name and date, unhashed subpackets) are near the start: gpg and we accept flips there.
    byte[] bytes = Files.readAllBytes(signature);
    bytes[bytes.length / 2] ^= 0x01;
    Files.write(signature, bytes);
  }

  @AfterAll
  static void stop() {
    try {
      if (gnupg != null) {
        gnupg.close();
      }
    } finally {
      if (registry != null) {
        registry.close();
      }
    }
  }

  static Stream<Case> cases() {
    String signedAsRsa = "Signature for identity " + image("rsa") + " is not accepted";
    return Stream.of(
        Case.accepted("RSA signature, RSA key", "rsa", signedBy(rsa), rsa),
        Case.accepted("Ed25519 signature, Ed25519 key", "ed25519", signedBy(ed25519), ed25519),
        Case.rejected(
            "unsigned image",
            "unsigned",
            signedBy(rsa),
            "no simple-signing signature found",
            "A signature was required, but no signature exists"),
        // which check fails (decompression, packet syntax, the signature value) depends on where
        // the flipped bit lands in the compressed message
        Case.rejected(
            "one byte of the signature flipped",
            "tampered",
            signedBy(rsa),
            "no signature accepted: " + lookasideFile("tampered"),
            "Source image rejected"),
        Case.rejected(
            "RSA signature, another key",
            "rsa",
            signedBy(stranger),
            "which is not a trusted key",
            "Invalid GPG signature"),
        Case.rejected(
            "Ed25519 signature, the RSA key",
            "ed25519",
            signedBy(rsa),
            "which is not a trusted key",
            "Invalid GPG signature"),
        Case.rejected(
            "identity: exactRepository of another repository",
            "rsa",
            signedBy(rsa, exactRepository("parity/other")),
            "identity " + image("rsa") + " does not match",
            signedAsRsa),
        Case.accepted(
            "identity: exactRepository of the signed repository",
            "rsa",
            signedBy(rsa, exactRepository(REPOSITORY)),
            rsa),
        Case.rejected(
                "identity: matchExact, pulled by digest",
                "rsa",
                signedBy(rsa, "{\"type\":\"matchExact\"}"),
                "identity " + image("rsa") + " does not match",
                signedAsRsa)
            .byDigest(),
        Case.accepted(
                "identity: matchRepoDigestOrExact, pulled by digest", "rsa", signedBy(rsa), rsa)
            .byDigest());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void ourVerdictIsSkopeos(Case c) throws IOException {
    Path policy = Files.writeString(Files.createTempFile(tmp, "policy-", ".json"), c.policy());
    ImageReference image = c.image();

    ExternalTool.Run skopeo = skopeoCopy(image, policy);
    TrustVerdict verified;
    Pull pull;
    try (RegistryClient client =
        RegistryClient.builder().policyJson(policy).registriesD(registriesD).build()) {
      verified = client.verify(image);
      pull = Pull.of(client, image);
    }

    assertThat(skopeo.exitCode() == 0)
        .as("skopeo accepts: %s", skopeo.output())
        .isEqualTo(c.accepts());
    for (TrustVerdict verdict : List.of(verified, pull.verdict())) {
      assertThat(verdict.accepted()).as("we accept: %s", verdict.reason()).isEqualTo(c.accepts());
    }
    if (c.accepts()) {
      for (TrustVerdict verdict : List.of(verified, pull.verdict())) {
        assertThat(verdict.checks())
            .filteredOn(SignatureCheck::accepted)
            .singleElement()
            .satisfies(
                check -> {
                  assertThat(check.signer()).contains(c.signer().orElseThrow());
                  assertThat(check.identity()).contains(image(c.tag()));
                });
      }
      assertThat(pull.stored()).isNotEmpty();
    } else {
      assertThat(skopeo.output()).contains("Source image rejected: ").contains(c.skopeoReason());
      assertThat(verified.reason()).contains(c.ourReason());
      assertThat(pull.rejected()).as("the pull throws ImageRejectedException").isTrue();
      assertThat(pull.stored()).as("what a rejected pull stored").isEmpty();
    }
  }

  /**
   * A pull into a fresh OCI layout under the client's policy.
   *
   * @param verdict the pull's verdict, from its result or from the rejection
   * @param rejected whether the pull threw {@link ImageRejectedException}
   * @param stored the blobs and the manifests (tagged or not) the layout holds afterwards
   */
  private record Pull(TrustVerdict verdict, boolean rejected, List<Object> stored) {
    static Pull of(RegistryClient client, ImageReference image) throws IOException {
      OciLayout layout = OciLayout.at(Files.createTempDirectory(tmp, "layout-"));
      TrustVerdict verdict;
      boolean rejected;
      try {
        verdict = client.pull(image).into(layout).execute().trust().orElseThrow();
        rejected = false;
      } catch (ImageRejectedException e) {
        verdict = e.verdict();
        rejected = true;
      }
      List<Object> stored = new ArrayList<>(layout.blobs().list().toList());
      stored.addAll(layout.reader().manifests());
      return new Pull(verdict, rejected, stored);
    }
  }

  /** {@code skopeo copy} under {@code policy}: exit code 0 when skopeo accepts the image. */
  private static ExternalTool.Run skopeoCopy(ImageReference image, Path policy) throws IOException {
    Path target = Files.createTempDirectory(tmp, "skopeo-");
    return SkopeoCopy.underPolicy(TIMEOUT, policy, registriesD, image.toString(), target);
  }

  /**
   * Pushes the image tagged {@code tag} in a fresh OCI layout to {@code parity/app:tag} with
   * skopeo, which signs it with the key {@code signer} into the lookaside staging directory.
   */
  private static void pushSigned(String tag, Optional<String> signer) throws IOException {
    Path layout = Images.helloLayout(tmp, tag, tag + "\n");
    Path acceptAnything =
        Files.writeString(
            tmp.resolve("accept-anything.json"),
            "{\"default\":[{\"type\":\"insecureAcceptAnything\"}]}");
    List<String> args =
        new ArrayList<>(
            List.of(
                "--policy",
                acceptAnything.toString(),
                "--registries.d",
                registriesD.toString(),
                "copy",
                "--dest-tls-verify=false"));
    signer.ifPresent(fingerprint -> args.addAll(List.of("--sign-by", fingerprint)));
    args.add("oci:" + layout + ":" + tag);
    args.add("docker://" + registry.hostAndPort() + "/" + REPOSITORY + ":" + tag);
    gnupg.withHome(ExternalTool.skopeo()).runOrFail(TIMEOUT, args.toArray(String[]::new));
  }

  /** {@code 127.0.0.1:PORT/parity/app:tag}: the identity skopeo signed the image as. */
  private static String image(String tag) {
    return registry.hostAndPort() + "/" + REPOSITORY + ":" + tag;
  }

  /** The digest of {@code parity/app:tag}, as skopeo reads it. */
  private static Digest digest(String tag) {
    return Digest.sha256(Images.rawManifest("docker://" + image(tag)));
  }

  /**
   * The {@code file:} URL of the signature skopeo wrote for {@code parity/app:tag}. The lookaside
   * URL ends in "/" as a directory's URI does, and containers/image and we both append "/" and the
   * repository to it, so both read the same file.
   */
  private static URI lookasideFile(String tag) {
    return URI.create(
        lookaside.toUri() + "/" + REPOSITORY + "@sha256=" + digest(tag).hex() + "/signature-1");
  }

  private static Path keyFile(String fingerprint) {
    return tmp.resolve(fingerprint + ".asc");
  }

  private static String signedBy(String fingerprint) {
    return signedBy(fingerprint, null);
  }

  private static String signedBy(String fingerprint, String identity) {
    return "{\"type\":\"signedBy\",\"keyType\":\"GPGKeys\",\"keyPath\":\""
        + keyFile(fingerprint)
        + "\""
        + (identity == null ? "" : ",\"signedIdentity\":" + identity)
        + "}";
  }

  private static String exactRepository(String repository) {
    return "{\"type\":\"exactRepository\",\"dockerRepository\":\""
        + registry.hostAndPort()
        + "/"
        + repository
        + "\"}";
  }

  /**
   * One policy decision.
   *
   * @param name what the case shows
   * @param tag the image, {@code parity/app:tag}; skopeo signed it under this name
   * @param pullByDigest whether the image is named by its digest instead
   * @param requirement the requirement for the registry's scope (everything else is rejected, so an
   *     acceptance can only be this requirement's doing)
   * @param signer the fingerprint of the key whose signature must be accepted, or empty when the
   *     image must be rejected
   * @param ourReason what our verdict's reason says when it rejects
   * @param skopeoReason what skopeo says when it rejects
   */
  record Case(
      String name,
      String tag,
      boolean pullByDigest,
      String requirement,
      Optional<String> signer,
      String ourReason,
      String skopeoReason) {
    static Case accepted(String name, String tag, String requirement, String signer) {
      return new Case(name, tag, false, requirement, Optional.of(signer), "", "");
    }

    static Case rejected(
        String name, String tag, String requirement, String ourReason, String skopeoReason) {
      return new Case(name, tag, false, requirement, Optional.empty(), ourReason, skopeoReason);
    }

    Case byDigest() {
      return new Case(name, tag, true, requirement, signer, ourReason, skopeoReason);
    }

    boolean accepts() {
      return signer.isPresent();
    }

    ImageReference image() {
      return ImageReference.parse(
          pullByDigest
              ? registry.hostAndPort() + "/" + REPOSITORY + "@" + digest(tag)
              : SignatureParityIT.image(tag));
    }

    String policy() {
      return "{\"default\":[{\"type\":\"reject\"}],\"transports\":{\"docker\":{\""
          + registry.hostAndPort()
          + "\":["
          + requirement
          + "]}}}";
    }

    @Override
    public String toString() {
      return name;
    }
  }
}
