package dev.registryclient.core.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.registryclient.api.Digest;
import dev.registryclient.core.trust.SimpleSigningPayload.Format;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SimpleSigningPayloadTest {
  static final String DIGEST =
      "sha256:20bf21ed457b390829cdbeec8795a7bea1626991fda603e0d01b4e7f60427e55";

  /** The payload containers/image writes, members in Go's sorted order. */
  static String payload(String critical, String optional) {
    return "{\"critical\":" + critical + ",\"optional\":" + optional + "}";
  }

  static String critical(String type, String digest, String reference) {
    return "{\"identity\":{\"docker-reference\":"
        + reference
        + "},\"image\":{\"docker-manifest-digest\":"
        + digest
        + "},\"type\":"
        + type
        + "}";
  }

  static final String CRITICAL =
      critical(
          "\"atomic container signature\"", "\"" + DIGEST + "\"", "\"testing/manifest:latest\"");

  @Test
  void aPayloadAsContainersImageWritesItParses() {
    SimpleSigningPayload p =
        parse(payload(CRITICAL, "{\"creator\":\"atomic 2.0.0\",\"timestamp\":1458239713}"));

    assertThat(p.format()).isEqualTo(Format.SIMPLE_SIGNING);
    assertThat(p.manifestDigest()).isEqualTo(Digest.parse(DIGEST));
    assertThat(p.dockerReference()).isEqualTo("testing/manifest:latest");
    assertThat(p.creator()).contains("atomic 2.0.0");
    assertThat(p.timestamp()).contains(Instant.ofEpochSecond(1458239713));
  }

  @Test
  void optionalMayBeEmptyOrHoldUnknownMembers() {
    assertThat(parse(payload(CRITICAL, "{}")).creator()).isEmpty();
    SimpleSigningPayload p = parse(payload(CRITICAL, "{\"whatever\":[1,{}],\"timestamp\":1.7e9}"));
    assertThat(p.timestamp()).contains(Instant.ofEpochSecond(1_700_000_000));
  }

  @Test
  void aSigstorePayloadMayHaveANullOptionalAsCosignWritesIt() {
    String sigstore =
        payload(
            critical(
                "\"cosign container image signature\"",
                "\"" + DIGEST + "\"",
                "\"quay.io/team/app\""),
            "null");

    SimpleSigningPayload p =
        SimpleSigningPayload.parse(sigstore.getBytes(StandardCharsets.UTF_8), Format.SIGSTORE);

    assertThat(p.format()).isEqualTo(Format.SIGSTORE);
    assertThat(p.dockerReference()).isEqualTo("quay.io/team/app");
    assertThatThrownBy(() -> parse(payload(CRITICAL, "null")))
        .hasMessageContaining("optional is null, not an object");
  }

  @Test
  void theTypeMustBeTheOneOfTheFormatExpected() {
    String sigstore =
        payload(
            critical("\"cosign container image signature\"", "\"" + DIGEST + "\"", "\"a/b\""),
            "{}");

    assertThatThrownBy(() -> parse(sigstore))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "signature payload: critical.type is \"cosign container image signature\", not"
                + " \"atomic container signature\"");
    assertThatThrownBy(
            () ->
                SimpleSigningPayload.parse(
                    payload(CRITICAL, "{}").getBytes(StandardCharsets.UTF_8), Format.SIGSTORE))
        .hasMessageContaining("not \"cosign container image signature\"");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "unknown top-level member | {\"critical\":C,\"optional\":{},\"extra\":1} | unknown member \"extra\"",
        "missing optional | {\"critical\":C} | optional is missing",
        "missing critical | {\"optional\":{}} | critical is missing",
        "unknown critical member | {\"critical\":{\"type\":\"atomic container signature\",\"image\":{\"docker-manifest-digest\":\"D\"},\"identity\":{\"docker-reference\":\"a/b\"},\"new\":true},\"optional\":{}} | unknown member \"critical.new\"",
        "missing identity | {\"critical\":{\"type\":\"atomic container signature\",\"image\":{\"docker-manifest-digest\":\"D\"}},\"optional\":{}} | critical.identity is missing",
        "extra image member | {\"critical\":{\"type\":\"atomic container signature\",\"image\":{\"docker-manifest-digest\":\"D\",\"size\":1},\"identity\":{\"docker-reference\":\"a/b\"}},\"optional\":{}} | unknown member \"critical.image.size\"",
        "duplicate key | {\"critical\":C,\"optional\":{},\"optional\":{}} | a key given twice",
        "duplicate nested key | {\"critical\":C,\"optional\":{\"creator\":\"a\",\"creator\":\"b\"}} | a key given twice",
        "creator not a string | {\"critical\":C,\"optional\":{\"creator\":7}} | optional.creator is an integer, not a string",
        "creator null | {\"critical\":C,\"optional\":{\"creator\":null}} | optional.creator is null",
        "fractional timestamp | {\"critical\":C,\"optional\":{\"timestamp\":1.5}} | optional.timestamp is a number",
        "timestamp string | {\"critical\":C,\"optional\":{\"timestamp\":\"1\"}} | optional.timestamp is a string",
        "timestamp beyond Instant | {\"critical\":C,\"optional\":{\"timestamp\":9223372036854775807}} | out of range",
        "reference not a string | {\"critical\":{\"type\":\"atomic container signature\",\"image\":{\"docker-manifest-digest\":\"D\"},\"identity\":{\"docker-reference\":null}},\"optional\":{}} | critical.identity.docker-reference is null",
        "type not a string | {\"critical\":{\"type\":1,\"image\":{\"docker-manifest-digest\":\"D\"},\"identity\":{\"docker-reference\":\"a\"}},\"optional\":{}} | critical.type is an integer",
        "critical an array | {\"critical\":[],\"optional\":{}} | critical is an array, not an object",
        "not an object | [] | other than an object",
        "not JSON | This is not JSON | invalid JSON",
        "trailing value | {\"critical\":C,\"optional\":{}} {} | text after the JSON value",
      })
  void everyRuleOfContainersImageIsEnforced(String rule, String json, String message) {
    String text = json.replace("C", CRITICAL).replace("\"D\"", "\"" + DIGEST + "\"");

    assertThatThrownBy(() -> parse(text))
        .as(rule)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("signature payload: ")
        .hasMessageContaining(message);
  }

  @Test
  void theDigestMustBeAValidDigest() {
    for (String digest :
        new String[] {"\"sha256:abc\"", "\"md5:" + "0".repeat(32) + "\"", "\"\""}) {
      assertThatThrownBy(
              () ->
                  parse(
                      payload(critical("\"atomic container signature\"", digest, "\"a/b\""), "{}")))
          .as(digest)
          .hasMessageContaining("critical.image.docker-manifest-digest: invalid digest");
    }
  }

  @Test
  void textThatIsNotUtf8OrLargerThanFourMebibytesIsRefused() {
    assertThatThrownBy(() -> SimpleSigningPayload.parse(new byte[] {'{', (byte) 0xC3, '}'}))
        .hasMessage("signature payload: not UTF-8 text");
    assertThatThrownBy(
            () -> SimpleSigningPayload.parse(new byte[SimpleSigningPayload.MAX_PAYLOAD_BYTES + 1]))
        .hasMessageContaining("larger than 4 MiB");
  }

  @Test
  void untrustedTextInMessagesIsShortAndHasNoControlCharacters() {
    String type = "\"evil\\n" + "x".repeat(200) + "\"";

    assertThatThrownBy(() -> parse(payload(critical(type, "\"" + DIGEST + "\"", "\"a\""), "{}")))
        .hasMessageContaining("\\u000a")
        .hasMessageNotContaining("\n")
        .hasMessageNotContaining("x".repeat(100));
  }

  private static SimpleSigningPayload parse(String json) {
    return SimpleSigningPayload.parse(json.getBytes(StandardCharsets.UTF_8));
  }
}
