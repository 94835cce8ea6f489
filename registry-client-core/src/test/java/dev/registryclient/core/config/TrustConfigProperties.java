package dev.registryclient.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.registryclient.api.ImageReference;
import dev.registryclient.api.exception.ConfigurationException;
import dev.registryclient.api.trust.KeySource;
import dev.registryclient.api.trust.PolicyRequirement;
import dev.registryclient.api.trust.SignatureStores;
import dev.registryclient.api.trust.SignedIdentity;
import dev.registryclient.api.trust.TrustPolicy;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** policy.json and registries.d readers: only ConfigurationException, and round trips. */
class TrustConfigProperties {

  /** Pieces of JSON and YAML, and the words of both formats, glued into mostly-broken text. */
  @Provide
  Arbitrary<String> garbage() {
    Arbitrary<String> piece =
        Arbitraries.oneOf(
            Arbitraries.of(
                "{",
                "}",
                "[",
                "]",
                ":",
                ",",
                "\"",
                "'",
                "\n",
                "\n  ",
                " ",
                "- ",
                "---\n",
                "#",
                "&a ",
                "*a",
                "!!binary ",
                "? ",
                "|\n",
                "null",
                "true",
                "1e999",
                ".inf",
                "-0",
                "\"default\"",
                "\"transports\"",
                "\"docker\"",
                "\"\"",
                "\"type\"",
                "\"reject\"",
                "\"insecureAcceptAnything\"",
                "\"signedBy\"",
                "\"sigstoreSigned\"",
                "\"keyType\"",
                "\"GPGKeys\"",
                "\"keyPath\"",
                "\"keyPaths\"",
                "\"keyData\"",
                "\"bm9uc2Vuc2U=\"",
                "\"signedIdentity\"",
                "\"remapIdentity\"",
                "\"prefix\"",
                "\"exactReference\"",
                "\"dockerReference\"",
                "\"busybox:1\"",
                "\"fulcio\"",
                "default-docker:",
                "docker:",
                "lookaside:",
                "sigstore:",
                "lookaside-staging:",
                "use-sigstore-attachments:",
                "https://s.example/x",
                "file:///x",
                "quay.io:",
                "*.example.com",
                "\\u0000",
                "\\",
                "\t",
                "\r\n"),
            Arbitraries.strings().ofMaxLength(4));
    return piece.list().ofMaxSize(40).map(l -> String.join("", l));
  }

  @Property(tries = 2000)
  void anyTextIsAPolicyOrAConfigurationException(@ForAll("garbage") String text) {
    try {
      PolicyJson.parse(text, "garbage.json");
    } catch (ConfigurationException e) {
      assertThat(e.getMessage()).startsWith("configuration: garbage.json");
    }
    try {
      RegistriesD.parse(text, "garbage.yaml");
    } catch (ConfigurationException e) {
      assertThat(e.getMessage()).startsWith("configuration: garbage.yaml");
    }
  }

  /** Well-formed JSON (so also YAML) built from both formats' words: reaches the checks. */
  @Provide
  Arbitrary<String> wordSoup() {
    return soup(4);
  }

  private static Arbitrary<String> soup(int depth) {
    Arbitrary<String> word =
        Arbitraries.of(
            "default",
            "transports",
            "docker",
            "",
            "type",
            "reject",
            "insecureAcceptAnything",
            "signedBy",
            "sigstoreSigned",
            "signedBaseLayer",
            "keyType",
            "GPGKeys",
            "X509Certificates",
            "keyPath",
            "keyPaths",
            "keyData",
            "keyDatas",
            "bm9uc2Vuc2U=",
            "signedIdentity",
            "matchExact",
            "matchRepository",
            "exactReference",
            "exactRepository",
            "remapIdentity",
            "prefix",
            "signedPrefix",
            "dockerReference",
            "dockerRepository",
            "busybox:1",
            "example.com",
            "fulcio",
            "pki",
            "default-docker",
            "lookaside",
            "sigstore",
            "lookaside-staging",
            "use-sigstore-attachments",
            "https://s.example/x",
            "file:///x",
            "quay.io",
            "*.example.com");
    Arbitrary<String> scalar =
        Arbitraries.oneOf(
            word.map(TrustConfigProperties::json), Arbitraries.of("null", "true", "1", "[]", "{}"));
    if (depth == 0) {
      return scalar;
    }
    Arbitrary<String> member =
        Combinators.combine(word, soup(depth - 1)).as((k, v) -> json(k) + ": " + v);
    Arbitrary<String> object =
        member.list().ofMaxSize(4).map(l -> "{" + String.join(", ", l) + "}");
    Arbitrary<String> array =
        soup(depth - 1).list().ofMaxSize(3).map(l -> "[" + String.join(", ", l) + "]");
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(1, scalar),
        net.jqwik.api.Tuple.of(4, object),
        net.jqwik.api.Tuple.of(2, array));
  }

  @Property(tries = 2000)
  void anyDocumentIsAPolicyOrAConfigurationException(@ForAll("wordSoup") String text) {
    anyTextIsAPolicyOrAConfigurationException(text);
  }

  private static Arbitrary<String> scopes() {
    Arbitrary<String> host =
        Arbitraries.of("quay.io", "registry.redhat.io", "localhost:5000", "docker.io");
    Arbitrary<String> path =
        Arbitraries.of(
            "", "/ns", "/ns/app", "/library/busybox:latest", "/app@sha256:" + "ab".repeat(32));
    return Arbitraries.oneOf(
        Combinators.combine(host, path).as(String::concat),
        Arbitraries.of("*.example.com", "*.com"));
  }

  private static Arbitrary<SignedIdentity> identities() {
    return Arbitraries.of(
        new SignedIdentity.MatchExact(),
        new SignedIdentity.MatchRepoDigestOrExact(),
        new SignedIdentity.MatchRepository(),
        new SignedIdentity.ExactReference(ImageReference.parse("quay.io/a/b:1")),
        new SignedIdentity.ExactRepository(ImageReference.parse("quay.io/a/b")),
        new SignedIdentity.RemapIdentity("mirror.example/vendor", "vendor.example.com"));
  }

  private static Arbitrary<List<KeySource>> keys() {
    Arbitrary<KeySource> file =
        Arbitraries.of("/etc/pki/a.gpg", "relative.pub", "/k")
            .map(p -> (KeySource) new KeySource.FromFile(Path.of(p)));
    Arbitrary<KeySource> inline =
        Arbitraries.strings()
            .ofMinLength(1)
            .ofMaxLength(12)
            .map(s -> (KeySource) new KeySource.Inline(s.getBytes(StandardCharsets.UTF_8)));
    return Arbitraries.oneOf(file.list().ofMinSize(1).ofMaxSize(3), inline.list().ofSize(1));
  }

  @Provide
  Arbitrary<PolicyRequirement> requirements() {
    return Arbitraries.oneOf(
        Arbitraries.just(new PolicyRequirement.InsecureAcceptAnything()),
        Arbitraries.just(new PolicyRequirement.Reject()),
        Combinators.combine(keys(), identities()).as(PolicyRequirement.SignedBy::new),
        Combinators.combine(keys(), identities()).as(PolicyRequirement.SigstoreSigned::new));
  }

  @Provide
  Arbitrary<TrustPolicy> policies() {
    Arbitrary<List<PolicyRequirement>> list = requirements().list().ofMinSize(1).ofMaxSize(3);
    return Combinators.combine(list, Arbitraries.maps(scopes(), list).ofMaxSize(5))
        .as(TrustPolicy::of);
  }

  private static String json(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  private static String render(SignedIdentity identity) {
    if (identity instanceof SignedIdentity.ExactReference r) {
      return "{\"type\": \"exactReference\", \"dockerReference\": "
          + json(r.dockerReference().toString())
          + "}";
    }
    if (identity instanceof SignedIdentity.ExactRepository r) {
      return "{\"type\": \"exactRepository\", \"dockerRepository\": "
          + json(r.dockerRepository().toString())
          + "}";
    }
    if (identity instanceof SignedIdentity.RemapIdentity r) {
      return "{\"type\": \"remapIdentity\", \"prefix\": "
          + json(r.prefix())
          + ", \"signedPrefix\": "
          + json(r.signedPrefix())
          + "}";
    }
    String name = identity.getClass().getSimpleName();
    return "{\"type\": \"" + Character.toLowerCase(name.charAt(0)) + name.substring(1) + "\"}";
  }

  private static String render(List<KeySource> keys, boolean gpg) {
    if (keys.get(0) instanceof KeySource.Inline inline) {
      return "\"keyData\": " + json(Base64.getEncoder().encodeToString(inline.bytes()));
    }
    if (keys.size() == 1 && gpg) {
      return "\"keyPath\": " + json(((KeySource.FromFile) keys.get(0)).path().toString());
    }
    return "\"keyPaths\": ["
        + String.join(
            ", ", keys.stream().map(k -> json(((KeySource.FromFile) k).path().toString())).toList())
        + "]";
  }

  private static String render(PolicyRequirement requirement) {
    if (requirement instanceof PolicyRequirement.SignedBy s) {
      return "{\"type\": \"signedBy\", \"keyType\": \"GPGKeys\", "
          + render(s.keys(), true)
          + ", \"signedIdentity\": "
          + render(s.identity())
          + "}";
    }
    if (requirement instanceof PolicyRequirement.SigstoreSigned s) {
      return "{\"type\": \"sigstoreSigned\", "
          + render(s.keys(), false)
          + ", \"signedIdentity\": "
          + render(s.identity())
          + "}";
    }
    return requirement instanceof PolicyRequirement.Reject
        ? "{\"type\": \"reject\"}"
        : "{\"type\": \"insecureAcceptAnything\"}";
  }

  private static String render(List<PolicyRequirement> list) {
    return "["
        + String.join(",\n", list.stream().map(TrustConfigProperties::render).toList())
        + "]";
  }

  private static String render(TrustPolicy policy) {
    StringBuilder text = new StringBuilder("{\"default\": " + render(policy.defaultRequirements()));
    text.append(
        ",\n \"transports\": {\"dir\": {\"\": [{\"type\": \"insecureAcceptAnything\"}]},\n  \"docker\": {");
    text.append(
        String.join(
            ",\n",
            policy.dockerScopes().entrySet().stream()
                .map(e -> json(e.getKey()) + ": " + render(e.getValue()))
                .toList()));
    return text.append("}}}").toString();
  }

  @Property
  void aRenderedPolicyReadsBackToItself(@ForAll("policies") TrustPolicy policy) {
    assertThat(PolicyJson.parse(render(policy), "generated.json")).isEqualTo(policy);
  }

  @Provide
  Arbitrary<Map<String, SignatureStores.Store>> sections() {
    Arbitrary<Optional<URI>> url =
        Arbitraries.of("https://s.example/a", "http://localhost:4242/b", "file:///var/lib/sigs")
            .map(URI::create)
            .optional(0.6);
    Arbitrary<Optional<Boolean>> flag = Arbitraries.of(true, false).optional(0.5);
    Arbitrary<SignatureStores.Store> store =
        Combinators.combine(url, url, flag).as(SignatureStores.Store::new);
    return Arbitraries.maps(scopes(), store).ofMaxSize(5);
  }

  private static String yaml(Map<String, SignatureStores.Store> sections, boolean olderNames) {
    StringBuilder text = new StringBuilder("docker:\n");
    sections.forEach(
        (scope, store) -> {
          text.append("  \"").append(scope).append("\":\n");
          store
              .lookaside()
              .ifPresent(
                  u ->
                      text.append(olderNames ? "    sigstore: " : "    lookaside: ")
                          .append(u)
                          .append('\n'));
          store
              .lookasideStaging()
              .ifPresent(
                  u ->
                      text.append(olderNames ? "    sigstore-staging: " : "    lookaside-staging: ")
                          .append(u)
                          .append('\n'));
          store
              .useSigstoreAttachments()
              .ifPresent(b -> text.append("    use-sigstore-attachments: ").append(b).append('\n'));
        });
    return text.toString();
  }

  @Property
  void renderedSectionsReadBackToThemselves(
      @ForAll("sections") Map<String, SignatureStores.Store> sections, @ForAll boolean olderNames) {
    SignatureStores parsed = RegistriesD.parse(yaml(sections, olderNames), "generated.yaml");

    assertThat(parsed)
        .isEqualTo(SignatureStores.of(Optional.empty(), new LinkedHashMap<>(sections)));
  }
}
