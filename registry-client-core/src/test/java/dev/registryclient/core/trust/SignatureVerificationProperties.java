package dev.registryclient.core.trust;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.registryclient.api.Digest;
import dev.registryclient.api.exception.ConfigurationException;
import dev.registryclient.core.trust.TestPgp.KeyType;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.bouncycastle.openpgp.api.OpenPGPKey;

/**
 * Whatever the bytes, verification answers with a result, key loading with a key set or a {@link
 * ConfigurationException}, payload parsing with a payload or an {@link IllegalArgumentException}:
 * never another exception.
 */
class SignatureVerificationProperties {
  private static final OpenPGPKey KEY = TestPgp.key(KeyType.ED25519_LEGACY);
  private static final OpenPgpKeyRing RING = TestPgp.ring(KEY);
  private static final byte[] PAYLOAD =
      SimpleSigningVerificationTest.PAYLOAD.getBytes(StandardCharsets.UTF_8);
  private static final byte[] COMPRESSED = TestPgp.signer(KEY).sign(PAYLOAD);
  private static final byte[] UNCOMPRESSED = TestPgp.signer(KEY).compressed(false).sign(PAYLOAD);
  private static final KeyPair COSIGN = TestSigstore.KeyType.ECDSA_P256.generate();
  private static final SigstorePublicKeys COSIGN_KEYS =
      SigstorePublicKeys.of(TestSigstore.pem(COSIGN.getPublic()));

  private final SignatureVerification verification =
      SignatureVerification.withClock(Clock.fixed(TestPgp.NOW, ZoneOffset.UTC));

  @Property
  void arbitraryBytesAreARejectedSignature(@ForAll @Size(max = 2048) byte[] bytes) {
    assertThat(verification.simpleSigning(bytes, RING))
        .isInstanceOf(VerificationResult.Rejected.class);
  }

  @Property(tries = 500)
  void aSignedMessageWithAnyByteChangedIsRejectedOrStillYieldsExactlyTheSignedPayload(
      @ForAll boolean compressed,
      @ForAll @IntRange(min = 0, max = 100_000) int position,
      @ForAll @IntRange(min = 1, max = 255) int mask) {
    byte[] message = (compressed ? COMPRESSED : UNCOMPRESSED).clone();
    message[position % message.length] ^= (byte) mask;

    VerificationResult result = verification.simpleSigning(message, RING);

    // The literal packet's file name and date are not signed, so a change there is harmless.
    if (result instanceof VerificationResult.Verified verified) {
      assertThat(verified.payload()).isEqualTo(SimpleSigningPayload.parse(PAYLOAD));
    } else {
      assertThat(result).isInstanceOf(VerificationResult.Rejected.class);
    }
  }

  @Property(tries = 300)
  void aSignedMessageCutAnywhereIsRejected(@ForAll @IntRange(min = 0, max = 100_000) int at) {
    byte[] message = java.util.Arrays.copyOf(UNCOMPRESSED, at % UNCOMPRESSED.length);

    assertThat(verification.simpleSigning(message, RING))
        .isInstanceOf(VerificationResult.Rejected.class);
  }

  @Property
  void arbitraryBytesAreAKeyRingOrAConfigurationError(@ForAll @Size(max = 2048) byte[] bytes) {
    try {
      OpenPgpKeyRing.of(bytes);
    } catch (ConfigurationException expected) {
      assertThat(expected.getMessage()).contains("keyData");
    }
  }

  @Property(tries = 300)
  void aKeyRingWithAnyByteChangedLoadsOrIsAConfigurationError(
      @ForAll @IntRange(min = 0, max = 100_000) int position,
      @ForAll @IntRange(min = 1, max = 255) int mask) {
    byte[] ring = TestPgp.publicKey(KEY);
    ring[position % ring.length] ^= (byte) mask;
    try {
      OpenPgpKeyRing changed = OpenPgpKeyRing.of(ring);
      // whatever was read, only the real key can have made the signature
      VerificationResult result = verification.simpleSigning(COMPRESSED, changed);
      if (result instanceof VerificationResult.Verified) {
        assertThat(result.signer()).contains(TestPgp.fingerprint(KEY));
      }
    } catch (ConfigurationException expected) {
      assertThat(expected.getMessage()).contains("keyData");
    }
  }

  @Property
  void arbitraryTextIsAPemKeySetOrAConfigurationError(@ForAll String text) {
    try {
      SigstorePublicKeys.of("-----BEGIN PUBLIC KEY-----\n" + text + "\n-----END PUBLIC KEY-----\n");
    } catch (ConfigurationException expected) {
      assertThat(expected.getMessage()).contains("keyData");
    }
  }

  @Property
  void arbitraryAnnotationsAreRejectedSigstoreSignatures(
      @ForAll @Size(max = 512) byte[] signature, @ForAll String notBase64) {
    String base64 = java.util.Base64.getEncoder().encodeToString(signature);
    assertThat(verification.sigstore(PAYLOAD, base64, COSIGN_KEYS))
        .isInstanceOf(VerificationResult.Rejected.class);
    assertThat(verification.sigstore(PAYLOAD, notBase64, COSIGN_KEYS))
        .isInstanceOf(VerificationResult.Rejected.class);
  }

  @Property
  void arbitraryTextIsAPayloadOrAnIllegalArgument(@ForAll String text) {
    try {
      SimpleSigningPayload.parse(text.getBytes(StandardCharsets.UTF_8));
    } catch (IllegalArgumentException expected) {
      assertThat(expected.getMessage()).startsWith("signature payload: ");
    }
  }

  @Property
  void aPayloadWrittenByJacksonParsesBackToItsValues(@ForAll("payloads") SimpleSigningPayload p)
      throws Exception {
    JsonMapper mapper = new JsonMapper();
    ObjectNode root = mapper.createObjectNode();
    ObjectNode critical = root.putObject("critical");
    critical.put("type", p.format().type());
    critical.putObject("image").put("docker-manifest-digest", p.manifestDigest().toString());
    critical.putObject("identity").put("docker-reference", p.dockerReference());
    ObjectNode optional = root.putObject("optional");
    p.creator().ifPresent(c -> optional.put("creator", c));
    p.timestamp().ifPresent(t -> optional.put("timestamp", t.getEpochSecond()));

    assertThat(SimpleSigningPayload.parse(mapper.writeValueAsBytes(root), p.format())).isEqualTo(p);
  }

  @Provide
  Arbitrary<SimpleSigningPayload> payloads() {
    return Combinators.combine(
            Arbitraries.of(SimpleSigningPayload.Format.class),
            Arbitraries.bytes().array(byte[].class).ofSize(32).map(Digest::sha256),
            Arbitraries.strings().ofMaxLength(200),
            Arbitraries.strings().ofMaxLength(50).optional(),
            Arbitraries.longs()
                .between(Instant.MIN.getEpochSecond(), Instant.MAX.getEpochSecond())
                .map(Instant::ofEpochSecond)
                .optional())
        .as(
            (format, digest, reference, creator, timestamp) ->
                new SimpleSigningPayload(format, digest, reference, creator, timestamp));
  }
}
