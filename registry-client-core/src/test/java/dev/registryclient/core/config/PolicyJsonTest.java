package dev.registryclient.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.registryclient.api.ImageReference;
import dev.registryclient.api.exception.ConfigurationException;
import dev.registryclient.api.trust.KeySource;
import dev.registryclient.api.trust.PolicyRequirement.InsecureAcceptAnything;
import dev.registryclient.api.trust.PolicyRequirement.Reject;
import dev.registryclient.api.trust.PolicyRequirement.SignedBy;
import dev.registryclient.api.trust.PolicyRequirement.SigstoreSigned;
import dev.registryclient.api.trust.SignedIdentity;
import dev.registryclient.api.trust.TrustPolicy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** policy.json as containers-policy.json(5) describes it, read strictly. */
class PolicyJsonTest {

  private static TrustPolicy parse(String json) {
    return PolicyJson.parse(json, "policy.json");
  }

  private static SignedBy signedBy(SignedIdentity identity, String... paths) {
    return new SignedBy(
        java.util.Arrays.stream(paths)
            .map(p -> (KeySource) new KeySource.FromFile(Path.of(p)))
            .toList(),
        identity);
  }

  private static final SignedIdentity DEFAULT_IDENTITY =
      new SignedIdentity.MatchRepoDigestOrExact();

  @Test
  void theManPagesPermissiveExample() {
    // "Completely disable security, allow all images, do not trust any signatures"
    TrustPolicy policy = parse("{\n    \"default\": [{\"type\": \"insecureAcceptAnything\"}]\n}");

    assertThat(policy.defaultRequirements()).containsExactly(new InsecureAcceptAnything());
    assertThat(policy.dockerScopes()).isEmpty();
  }

  /**
   * The man page's "reasonably locked-down system" (containers/image docs at df7e80d2), with its
   * comments removed and two commas fixed (after {@code rekorPublicKeyPath}, after {@code
   * subjectHostname}) so that it is JSON.
   */
  private static final String LOCKED_DOWN =
      """
      {
          "default": [{"type": "reject"}],
          "transports": {
              "docker": {
                  "docker.io/openshift": [{"type": "insecureAcceptAnything"}],
                  "docker.io/library/busybox": [{"type": "insecureAcceptAnything"}],
                  "*.temporary-project.example.com": [{"type": "insecureAcceptAnything"}],
                  "hostname:5000/myns/sigstore-signed-with-full-references": [
                      {
                          "type": "sigstoreSigned",
                          "keyPath": "/path/to/sigstore-pubkey.pub"
                      }
                  ],
                  "hostname:5000/myns/sigstore-signed-fulcio-rekor": [
                      {
                          "type": "sigstoreSigned",
                          "fulcio": {
                              "caPath": "/path/to/fulcio_v1.crt.pem",
                              "oidcIssuer": "https://github.com/login/oauth",
                              "subjectEmail": "test-user@example.com"
                          },
                          "rekorPublicKeyPath": "/path/to/rekor.pub"
                      }
                  ],
                  "hostname:5000/myns/sigstore-signed-byopki": [
                      {
                          "type": "sigstoreSigned",
                          "pki": {
                              "caRootsPath": "/path/to/pki_root_crts.pem",
                              "caIntermediatesPath": "/path/to/pki_intermediate_crts.pem",
                              "subjectHostname": "test-user.example.com",
                              "subjectEmail": "test-user@example.com"
                          }
                      }
                  ],
                  "hostname:5000/myns/sigstore-signed-allows-malicious-tag-substitution": [
                      {
                          "type": "sigstoreSigned",
                          "keyPath": "/path/to/sigstore-pubkey.pub",
                          "signedIdentity": {"type": "matchRepository"}
                      }
                  ]
              },
              "dir": {
                  "": [{"type": "insecureAcceptAnything"}]
              },
              "atomic": {
                  "hostname:5000/myns/official": [
                      {
                          "type": "signedBy",
                          "keyType": "GPGKeys",
                          "keyPath": "/path/to/official-pubkey.gpg"
                      }
                  ]
              }
          }
      }
      """;

  @Test
  void theManPagesLockedDownExampleIsRefusedAtItsFulcioScope() {
    assertThatThrownBy(() -> parse(LOCKED_DOWN))
        .isInstanceOfSatisfying(
            ConfigurationException.class,
            e -> {
              assertThat(e.file()).isEqualTo("policy.json");
              assertThat(e.line()).hasValue(17);
              assertThat(e.getMessage())
                  .contains(
                      "transports.docker[\"hostname:5000/myns/sigstore-signed-fulcio-rekor\"][0]"
                          + ".fulcio: keyless verification with Fulcio certificates is not"
                          + " supported");
            });
  }

  @Test
  void theManPagesLockedDownExampleWithoutKeylessScopes() {
    String keyed =
        LOCKED_DOWN.replaceAll(
            "(?s)\"hostname:5000/myns/sigstore-signed-fulcio-rekor\".*?\"hostname:5000/myns/sigstore-signed-allows",
            "\"hostname:5000/myns/sigstore-signed-allows");

    TrustPolicy policy = parse(keyed);

    assertThat(policy.defaultRequirements()).containsExactly(new Reject());
    assertThat(policy.dockerScopes().keySet())
        .containsExactly(
            "docker.io/openshift",
            "docker.io/library/busybox",
            "*.temporary-project.example.com",
            "hostname:5000/myns/sigstore-signed-with-full-references",
            "hostname:5000/myns/sigstore-signed-allows-malicious-tag-substitution");
    KeySource key = new KeySource.FromFile(Path.of("/path/to/sigstore-pubkey.pub"));
    assertThat(policy.dockerScopes().get("hostname:5000/myns/sigstore-signed-with-full-references"))
        .containsExactly(new SigstoreSigned(List.of(key), DEFAULT_IDENTITY));
    assertThat(
            policy
                .dockerScopes()
                .get("hostname:5000/myns/sigstore-signed-allows-malicious-tag-substitution"))
        .containsExactly(new SigstoreSigned(List.of(key), new SignedIdentity.MatchRepository()));
    assertThat(policy.scopeFor(ImageReference.parse("busybox")).scope())
        .isEqualTo("docker.io/library/busybox");
    assertThat(policy.scopeFor(ImageReference.parse("a.temporary-project.example.com/x:1")).scope())
        .isEqualTo("*.temporary-project.example.com");
    assertThat(policy.scopeFor(ImageReference.parse("docker.io/openshift/origin:v3")).scope())
        .isEqualTo("docker.io/openshift");
    assertThat(policy.scopeFor(ImageReference.parse("alpine")).isDefault()).isTrue();
  }

  @Test
  void theManPagesIdentityExamplesReadInADockerScope() {
    // the man page gives these under "atomic"; the same requirements under "docker"
    TrustPolicy policy =
        parse(
            """
            {
              "default": [{"type": "reject"}],
              "transports": {"docker": {
                "hostname:5000/vendor/product": [
                  {
                    "type": "signedBy",
                    "keyType": "GPGKeys",
                    "keyPath": "/path/to/vendor-pubkey.gpg",
                    "signedIdentity": {
                      "type": "exactRepository",
                      "dockerRepository": "vendor-hostname/product/repository"
                    }
                  },
                  {"type": "signedBy", "keyType": "GPGKeys", "keyPath": "/path/to/reviewer-pubkey.gpg"}
                ],
                "private-mirror:5000/vendor-mirror": [
                  {
                    "type": "signedBy",
                    "keyType": "GPGKeys",
                    "keyPath": "/path/to/vendor-pubkey.gpg",
                    "signedIdentity": {
                      "type": "remapIdentity",
                      "prefix": "private-mirror:5000/vendor-mirror",
                      "signedPrefix": "vendor.example.com"
                    }
                  }
                ],
                "example.com/exact": [
                  {
                    "type": "signedBy",
                    "keyType": "GPGKeys",
                    "keyData": "bm9uc2Vuc2U=",
                    "signedIdentity": {"type": "exactReference", "dockerReference": "busybox:1"}
                  },
                  {
                    "type": "sigstoreSigned",
                    "keyDatas": ["bm9uc2Vuc2U=", "b3RoZXI="],
                    "signedIdentity": {"type": "matchExact"}
                  }
                ]
              }}
            }
            """);

    assertThat(policy.dockerScopes().get("hostname:5000/vendor/product"))
        .containsExactly(
            signedBy(
                new SignedIdentity.ExactRepository(
                    ImageReference.parse("vendor-hostname/product/repository")),
                "/path/to/vendor-pubkey.gpg"),
            signedBy(DEFAULT_IDENTITY, "/path/to/reviewer-pubkey.gpg"));
    assertThat(policy.dockerScopes().get("private-mirror:5000/vendor-mirror"))
        .containsExactly(
            signedBy(
                new SignedIdentity.RemapIdentity(
                    "private-mirror:5000/vendor-mirror", "vendor.example.com"),
                "/path/to/vendor-pubkey.gpg"));
    KeySource nonsense = new KeySource.Inline("nonsense".getBytes(StandardCharsets.US_ASCII));
    assertThat(policy.dockerScopes().get("example.com/exact"))
        .containsExactly(
            new SignedBy(
                List.of(nonsense),
                new SignedIdentity.ExactReference(ImageReference.parse("busybox:1"))),
            new SigstoreSigned(
                List.of(
                    nonsense, new KeySource.Inline("other".getBytes(StandardCharsets.US_ASCII))),
                new SignedIdentity.MatchExact()));
  }

  @Test
  void theDockerTransportsDefaultReplacesTheGlobalDefault() {
    TrustPolicy policy =
        parse(
            """
            {"default": [{"type": "insecureAcceptAnything"}],
             "transports": {"docker": {"": [{"type": "reject"}],
                                       "quay.io": [{"type": "insecureAcceptAnything"}]},
                            "docker-daemon": {"": [{"type": "insecureAcceptAnything"}]}}}
            """);

    assertThat(policy.defaultRequirements()).containsExactly(new Reject());
    assertThat(policy.dockerScopes()).containsOnlyKeys("quay.io");
  }

  @Test
  void keyDataMayBeWrappedOverLines() {
    TrustPolicy policy =
        parse(
            "{\"default\": [{\"type\": \"signedBy\", \"keyType\": \"GPGKeys\","
                + " \"keyData\": \"bm9u\\nc2Vu\\r\\nc2U=\"}]}");

    assertThat(policy.defaultRequirements())
        .containsExactly(
            new SignedBy(
                List.of(new KeySource.Inline("nonsense".getBytes(StandardCharsets.US_ASCII))),
                DEFAULT_IDENTITY));
  }

  @Test
  void exactRepositoryDropsATagAsContainersImageIgnoresIt() {
    TrustPolicy policy =
        parse(
            """
            {"default": [{"type": "signedBy", "keyType": "GPGKeys", "keyPath": "k",
              "signedIdentity": {"type": "exactRepository", "dockerRepository": "library/busybox:latest"}}]}
            """);

    assertThat(policy.defaultRequirements())
        .containsExactly(
            signedBy(
                new SignedIdentity.ExactRepository(
                    ImageReference.parse("docker.io/library/busybox")),
                "k"));
  }

  @Test
  void everyIdentityTypeReads() {
    for (String type : List.of("matchExact", "matchRepoDigestOrExact", "matchRepository")) {
      TrustPolicy policy =
          parse(
              "{\"default\": [{\"type\": \"signedBy\", \"keyType\": \"GPGKeys\", \"keyPath\": \"k\","
                  + " \"signedIdentity\": {\"type\": \""
                  + type
                  + "\"}}]}");
      SignedBy requirement = (SignedBy) policy.defaultRequirements().get(0);
      assertThat(requirement.identity().getClass().getSimpleName()).isEqualToIgnoringCase(type);
    }
  }

  @Test
  void otherTransportsAreNotReadButMustBeObjects() {
    TrustPolicy policy =
        parse(
            """
            {"default": [{"type": "reject"}],
             "transports": {"atomic": {"x": [{"type": "whatever", "keyType": "X509Certificates"}]},
                            "docker": {"quay.io": [{"type": "insecureAcceptAnything"}]}}}
            """);

    assertThat(policy.dockerScopes()).containsOnlyKeys("quay.io");
    assertThatThrownBy(
            () -> parse("{\"default\": [{\"type\": \"reject\"}], \"transports\": {\"dir\": []}}"))
        .hasMessageContaining("transports.dir: a transport must be an object, not an array");
  }

  @Test
  void aWildcardElsewhereIsKeptThoughItNeverMatches() {
    TrustPolicy policy =
        parse(
            """
            {"default": [{"type": "reject"}],
             "transports": {"docker": {"example*.*.com": [{"type": "insecureAcceptAnything"}]}}}
            """);

    assertThat(policy.dockerScopes()).containsOnlyKeys("example*.*.com");
    assertThat(policy.scopeFor(ImageReference.parse("example1.a.com/x:1")).isDefault()).isTrue();
  }
}
