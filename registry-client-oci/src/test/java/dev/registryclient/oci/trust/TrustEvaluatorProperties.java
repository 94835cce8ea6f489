package dev.registryclient.oci.trust;

import static org.assertj.core.api.Assertions.assertThat;

import dev.registryclient.api.Digest;
import dev.registryclient.api.ImageReference;
import dev.registryclient.api.trust.KeySource;
import dev.registryclient.api.trust.PolicyRequirement;
import dev.registryclient.api.trust.SignedIdentity;
import dev.registryclient.api.trust.TrustPolicy;
import dev.registryclient.api.trust.TrustVerdict;
import dev.registryclient.testkit.ImageSigner;
import dev.registryclient.testkit.SimpleSignature;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Whatever a lookaside server, a signature API or a {@code .sig} tag serves, the trust decision is
 * a verdict that rejects the image and says why for each signature: never an exception, never an
 * acceptance. Only a signature made by the policy's key for this manifest and identity passes.
 */
class TrustEvaluatorProperties {
  private static final ImageSigner SIGNER = ImageSigner.generate();
  private static final ImageReference IMAGE = ImageReference.parse("registry.example/org/app:1.0");
  private static final Digest MANIFEST = Digest.sha256("manifest".getBytes(StandardCharsets.UTF_8));
  private static final TrustEvaluator EVALUATOR = new TrustEvaluator(new CoreSignatureCrypto());

  private static final TrustPolicy SIGNED_BY =
      TrustPolicy.of(
          List.of(
              new PolicyRequirement.SignedBy(
                  List.of(new KeySource.Inline(SIGNER.openPgpKey().publicKey())),
                  new SignedIdentity.MatchRepoDigestOrExact())),
          Map.of());
  private static final TrustPolicy SIGSTORE_SIGNED =
      TrustPolicy.of(
          List.of(
              new PolicyRequirement.SigstoreSigned(
                  List.of(
                      new KeySource.Inline(
                          SIGNER.cosignKey().publicKeyPem().getBytes(StandardCharsets.UTF_8))),
                  new SignedIdentity.MatchRepoDigestOrExact())),
          Map.of());

  private static final SimpleSignature GOOD = SIGNER.signSimple(MANIFEST, IMAGE.toString());
  private static final byte[] GOOD_SIMPLE = GOOD.bytes();
  private static final byte[] GOOD_PAYLOAD = GOOD.payload();

  /**
   * Random bytes, a good signature cut short, or a good signature with one byte of its signed
   * payload changed. (A byte of the literal-data header, its file name or date, is not signed in
   * OpenPGP, so changing one of those leaves a good signature: not generated here.)
   */
  @Provide
  Arbitrary<byte[]> served() {
    int start = indexOf(GOOD_SIMPLE, GOOD_PAYLOAD);
    return Arbitraries.oneOf(
        Arbitraries.bytes().array(byte[].class).ofMaxSize(4096),
        Arbitraries.integers()
            .between(start, start + GOOD_PAYLOAD.length - 1)
            .map(
                i -> {
                  byte[] bad = GOOD_SIMPLE.clone();
                  bad[i] ^= 0x5a;
                  return bad;
                }),
        Arbitraries.integers()
            .between(0, GOOD_SIMPLE.length - 1)
            .map(n -> java.util.Arrays.copyOf(GOOD_SIMPLE, n)));
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      if (java.util.Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
        return i;
      }
    }
    throw new IllegalStateException("the test kit's signature does not hold its payload verbatim");
  }

  @Property(tries = 300)
  void anythingButAGoodSimpleSignatureIsRejectedWithAReason(@ForAll("served") byte[] signature) {
    TrustVerdict verdict =
        EVALUATOR.evaluate(IMAGE, MANIFEST, SIGNED_BY, signatures(simple(signature), List.of()));

    assertThat(verdict.accepted()).isFalse();
    assertThat(verdict.checks())
        .singleElement()
        .satisfies(c -> assertThat(c.reason()).isNotBlank());
  }

  @Property(tries = 300)
  void anythingButAGoodSigstoreSignatureIsRejectedWithAReason(
      @ForAll("served") byte[] payload, @ForAll("base64ish") String signature) {
    FoundSignature found =
        new FoundSignature(FoundSignature.Kind.SIGSTORE, "test", payload, Optional.of(signature));
    TrustVerdict verdict =
        EVALUATOR.evaluate(IMAGE, MANIFEST, SIGSTORE_SIGNED, signatures(List.of(), List.of(found)));

    assertThat(verdict.accepted()).isFalse();
    assertThat(verdict.checks())
        .singleElement()
        .satisfies(c -> assertThat(c.reason()).isNotBlank());
  }

  @Provide
  Arbitrary<String> base64ish() {
    String good = SIGNER.signSigstore(MANIFEST, IMAGE.toString()).signature();
    return Arbitraries.oneOf(
        Arbitraries.strings().ofMaxLength(200),
        Arbitraries.strings().withChars("ABCDEFabcdef0123456789+/=").ofMaxLength(200),
        Arbitraries.just(good));
  }

  @Property(tries = 20)
  void theGoodSignatureIsAccepted() {
    TrustVerdict verdict =
        EVALUATOR.evaluate(IMAGE, MANIFEST, SIGNED_BY, signatures(simple(GOOD_SIMPLE), List.of()));

    assertThat(verdict.accepted()).as(verdict.reason()).isTrue();
  }

  private static List<FoundSignature> simple(byte[] bytes) {
    return List.of(
        new FoundSignature(FoundSignature.Kind.SIMPLE_SIGNING, "test", bytes, Optional.empty()));
  }

  private static TrustEvaluator.Signatures signatures(
      List<FoundSignature> simple, List<FoundSignature> sigstore) {
    return new TrustEvaluator.Signatures() {
      @Override
      public List<FoundSignature> simpleSigning() {
        return simple;
      }

      @Override
      public List<FoundSignature> sigstore() {
        return sigstore;
      }
    };
  }
}
