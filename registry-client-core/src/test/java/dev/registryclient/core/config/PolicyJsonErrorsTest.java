package dev.registryclient.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.registryclient.api.exception.ConfigurationException;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every way a policy.json is refused names the file, the line and what is wrong where. */
class PolicyJsonErrorsTest {

  /** A policy whose default (on line 2) is {@code requirement}, spread over lines 3 and on. */
  private static String withDefault(String requirement) {
    return "{\n  \"default\": [\n" + requirement + "\n  ]\n}";
  }

  private static String signedBy(String rest) {
    return withDefault(
        "    {\n      \"type\": \"signedBy\",\n      \"keyType\": \"GPGKeys\",\n"
            + rest
            + "\n    }");
  }

  private static String identity(String identity) {
    return signedBy("      \"keyPath\": \"k\",\n      \"signedIdentity\": " + identity);
  }

  static Stream<Arguments> broken() {
    return Stream.of(
        Arguments.of("{", 1, "not valid JSON"),
        Arguments.of("", 1, "a policy must be an object, not null"),
        Arguments.of("[]", 1, "a policy must be an object, not an array"),
        Arguments.of("{}\n{}", 2, "more than one JSON value"),
        Arguments.of("{\n}", 1, "the \"default\" requirements are missing"),
        Arguments.of("{\n  \"default\": []\n}", 2, "default: the requirement list is empty"),
        Arguments.of("{\n  \"default\": {}\n}", 2, "default: a requirement list must be an array"),
        Arguments.of(
            "{\n  \"default\": [{\"type\": \"reject\"}],\n  \"default\": []\n}",
            3,
            "key \"default\" appears twice (first on line 2)"),
        Arguments.of(
            "{\n  \"default\": [{\"type\": \"reject\"}],\n  \"transport\": {}\n}",
            3,
            "transport: unknown key \"transport\""),
        Arguments.of(withDefault("    {}"), 3, "default[0]: a requirement needs a \"type\""),
        Arguments.of(
            withDefault("    \"reject\""), 3, "default[0]: a requirement must be an object"),
        Arguments.of(withDefault("    {\"type\": 1}"), 3, "default[0].type: type must be a string"),
        Arguments.of(
            withDefault("    {\"type\": \"accept\"}"),
            3,
            "default[0]: unknown requirement type \"accept\""),
        Arguments.of(
            withDefault("    {\"type\": \"reject\",\n     \"keyPath\": \"k\"}"),
            4,
            "default[0].keyPath: unknown key \"keyPath\" in reject"),
        Arguments.of(
            withDefault("    {\"type\": \"signedBy\", \"keyPath\": \"k\"}"),
            3,
            "default[0]: signedBy needs \"keyType\": \"GPGKeys\""),
        Arguments.of(
            withDefault("    {\"type\": \"signedBy\",\n   \"keyType\": \"X509Certificates\"}"),
            4,
            "default[0].keyType: keyType \"X509Certificates\" is not supported, only GPGKeys"),
        Arguments.of(
            withDefault("    {\"type\": \"signedBy\",\n   \"keyType\": \"signedByGPGKeys\"}"),
            4,
            "keyType \"signedByGPGKeys\" is not supported"),
        Arguments.of(
            withDefault("    {\"type\": \"signedBy\",\n   \"keyType\": \"PGP\"}"),
            4,
            "default[0].keyType: unknown keyType \"PGP\""),
        Arguments.of(signedBy("      \"x\": 1"), 6, "default[0].x: unknown key \"x\" in signedBy"),
        Arguments.of(
            signedBy("      \"signedIdentity\": {\"type\": \"matchExact\"}"),
            3,
            "default[0]: exactly one of keyPath, keyPaths, keyData is needed, there is none"),
        Arguments.of(
            signedBy("      \"keyPath\": \"k\",\n      \"keyData\": \"aw==\""),
            3,
            "exactly one of keyPath, keyPaths, keyData is needed, not keyPath and keyData"),
        Arguments.of(
            signedBy("      \"keyPath\": \"\""), 6, "default[0].keyPath: the key path is empty"),
        Arguments.of(
            signedBy("      \"keyPath\": null"),
            6,
            "default[0].keyPath: a key path must be a string, not null"),
        Arguments.of(
            signedBy("      \"keyPaths\": []"), 6, "default[0].keyPaths: keyPaths is empty"),
        Arguments.of(
            signedBy("      \"keyPaths\": \"k\""), 6, "keyPaths must be an array, not a string"),
        Arguments.of(
            signedBy("      \"keyPaths\": [\"a\",\n        2]"),
            7,
            "default[0].keyPaths[1]: a key path must be a string, not a number"),
        Arguments.of(
            signedBy("      \"keyData\": \"!!\""),
            6,
            "default[0].keyData: the key data is not base64"),
        Arguments.of(signedBy("      \"keyData\": \"\""), 6, "the key data is empty"),
        Arguments.of(
            withDefault(
                "    {\"type\": \"sigstoreSigned\",\n     \"keyPath\": \"k\",\n     \"rekorPublicKeyPath\": \"r\"}"),
            5,
            "default[0].rekorPublicKeyPath: Rekor inclusion proofs are not supported"),
        Arguments.of(
            withDefault("    {\"type\": \"sigstoreSigned\",\n     \"pki\": {}}"),
            4,
            "default[0].pki: verification with X.509 certificates (pki) is not supported"),
        Arguments.of(
            withDefault("    {\"type\": \"sigstoreSigned\",\n     \"fulcio\": {}}"),
            4,
            "default[0].fulcio: keyless verification with Fulcio certificates is not supported"),
        Arguments.of(
            withDefault(
                "    {\"type\": \"sigstoreSigned\",\n     \"keyType\": \"GPGKeys\", \"keyPath\": \"k\"}"),
            4,
            "default[0].keyType: unknown key \"keyType\" in sigstoreSigned"),
        Arguments.of(
            withDefault("    {\"type\": \"sigstoreSigned\"}"),
            3,
            "exactly one of keyPath, keyPaths, keyData, keyDatas is needed, there is none"),
        Arguments.of(
            withDefault("    {\"type\": \"signedBaseLayer\", \"baseLayerIdentity\": {}}"),
            3,
            "default[0]: signedBaseLayer is not supported"),
        Arguments.of(
            identity("\"matchExact\""),
            7,
            "default[0].signedIdentity: signedIdentity must be an object, not a string"),
        Arguments.of(
            identity("{}"), 7, "default[0].signedIdentity: signedIdentity needs a \"type\""),
        Arguments.of(
            identity("{\"type\": \"matchExact\",\n        \"dockerReference\": \"busybox:1\"}"),
            8,
            "default[0].signedIdentity.dockerReference: unknown key \"dockerReference\" in matchExact"),
        Arguments.of(
            identity("{\"type\": \"matchEverything\"}"),
            7,
            "default[0].signedIdentity: unknown signedIdentity type \"matchEverything\""),
        Arguments.of(
            identity("{\"type\": \"exactReference\"}"),
            7,
            "default[0].signedIdentity: exactReference needs \"dockerReference\""),
        Arguments.of(
            identity("{\"type\": \"exactReference\",\n        \"dockerReference\": \"busybox\"}"),
            8,
            "signedIdentity.dockerReference: dockerReference \"docker.io/library/busybox\" names"
                + " neither a tag nor a digest"),
        Arguments.of(
            identity(
                "{\"type\": \"exactReference\",\n        \"dockerReference\": \"example.com/UPPER:1\"}"),
            8,
            "signedIdentity.dockerReference: invalid image reference"),
        Arguments.of(
            identity("{\"type\": \"exactRepository\",\n        \"dockerRepository\": 5}"),
            8,
            "signedIdentity.dockerRepository: dockerRepository must be a string, not a number"),
        Arguments.of(
            identity(
                "{\"type\": \"remapIdentity\",\n        \"prefix\": \"shortname\",\n        \"signedPrefix\": \"example.com\"}"),
            8,
            "signedIdentity.prefix: remapIdentity prefix \"shortname\" is not a registry"),
        Arguments.of(
            identity(
                "{\"type\": \"remapIdentity\",\n        \"prefix\": \"example.com\",\n        \"signedPrefix\": \"example.com/\"}"),
            9,
            "signedIdentity.signedPrefix: remapIdentity signedPrefix \"example.com/\""),
        Arguments.of(
            identity("{\"type\": \"remapIdentity\", \"prefix\": \"example.com\"}"),
            7,
            "remapIdentity needs \"signedPrefix\""),
        Arguments.of(
            "{\n  \"default\": [{\"type\": \"reject\"}],\n  \"transports\": []\n}",
            3,
            "transports: transports must be an object, not an array"),
        Arguments.of(
            "{\n  \"default\": [{\"type\": \"reject\"}],\n  \"transports\": {\n    \"docker\": {\n"
                + "      \"quay.io\": {}\n    }\n  }\n}",
            5,
            "transports.docker[\"quay.io\"]: a requirement list must be an array, not an object"),
        Arguments.of(
            "{\n  \"default\": [{\"type\": \"reject\"}],\n  \"transports\": {\n    \"docker\": {\n"
                + "      \"quay.io\": [{\"type\": \"reject\"}],\n      \"quay.io\": []\n    }\n  }\n}",
            6,
            "transports.docker: key \"quay.io\" appears twice (first on line 5)"));
  }

  @org.junit.jupiter.api.Test
  void deepNestingIsRefusedNotFollowed() {
    String deep = "{\"default\": " + "[".repeat(5000) + "]".repeat(5000) + "}";

    assertThatThrownBy(() -> PolicyJson.parse(deep, "policy.json"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("not valid JSON");
  }

  @ParameterizedTest(name = "[{index}] line {1}: {2}")
  @MethodSource("broken")
  void refusedNamingFileLineAndPlace(String json, int line, String message) {
    assertThatThrownBy(() -> PolicyJson.parse(json, "/etc/containers/policy.json"))
        .isInstanceOfSatisfying(
            ConfigurationException.class,
            e -> {
              assertThat(e.file()).isEqualTo("/etc/containers/policy.json");
              assertThat(e.line()).hasValue(line);
              assertThat(e.getMessage())
                  .startsWith("configuration: /etc/containers/policy.json, line " + line + ": ")
                  .contains(message);
            });
  }
}
