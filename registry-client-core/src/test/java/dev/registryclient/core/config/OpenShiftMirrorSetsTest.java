package dev.registryclient.core.config;

import static dev.registryclient.core.config.RegistriesConfTest.sources;
import static org.assertj.core.api.Assertions.assertThat;

import dev.registryclient.api.ImageReference;
import dev.registryclient.api.config.MirrorRule;
import dev.registryclient.api.config.PullFromMirror;
import dev.registryclient.api.config.RegistryConfig;
import dev.registryclient.api.config.RegistryRule;
import dev.registryclient.api.exception.ConfigurationException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpenShiftMirrorSetsTest {
  private static final String DIGEST =
      "@sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";

  /** The shape oc-mirror v2 writes to cluster-resources/: two documents, with status. */
  private static final String OC_MIRROR =
      """
      ---
      apiVersion: config.openshift.io/v1
      kind: ImageDigestMirrorSet
      metadata:
        name: idms-release-0
      spec:
        imageDigestMirrors:
        - mirrors:
          - registry.example.com:8443/openshift/release
          source: quay.io/openshift-release-dev/ocp-v4.0-art-dev
        - mirrors:
          - registry.example.com:8443/openshift/release-images
          source: quay.io/openshift-release-dev/ocp-release
      status: {}
      ---
      apiVersion: config.openshift.io/v1
      kind: ImageTagMirrorSet
      metadata:
        name: itms-release-0
      spec:
        imageTagMirrors:
        - mirrors:
          - registry.example.com:8443/openshift/release-images
          source: quay.io/openshift-release-dev/ocp-release
      status: {}
      """;

  private static ConfigurationException error(String yaml) {
    try {
      OpenShiftMirrorSets.parse(yaml, "sets.yaml");
    } catch (ConfigurationException e) {
      return e;
    }
    throw new AssertionError("no error for:\n" + yaml);
  }

  @Test
  void digestMirrorsServeDigestsAndTagMirrorsTags() {
    RegistryConfig config = OpenShiftMirrorSets.parse(OC_MIRROR, "oc-mirror.yaml");

    assertThat(config.rules())
        .containsExactly(
            RegistryRule.mirrored(
                "quay.io/openshift-release-dev/ocp-release",
                new MirrorRule(
                    "registry.example.com:8443/openshift/release-images",
                    false,
                    PullFromMirror.DIGEST_ONLY),
                new MirrorRule(
                    "registry.example.com:8443/openshift/release-images",
                    false,
                    PullFromMirror.TAG_ONLY)),
            RegistryRule.mirrored(
                "quay.io/openshift-release-dev/ocp-v4.0-art-dev",
                new MirrorRule(
                    "registry.example.com:8443/openshift/release",
                    false,
                    PullFromMirror.DIGEST_ONLY)));
    assertThat(sources(config, "quay.io/openshift-release-dev/ocp-v4.0-art-dev" + DIGEST))
        .containsExactly(
            "mirror registry.example.com:8443/openshift/release" + DIGEST,
            "quay.io/openshift-release-dev/ocp-v4.0-art-dev" + DIGEST);
    assertThat(sources(config, "quay.io/openshift-release-dev/ocp-v4.0-art-dev:latest"))
        .containsExactly("quay.io/openshift-release-dev/ocp-v4.0-art-dev:latest");
  }

  @Test
  void neverContactSourceBlocksTheSourceButNotItsMirrors() {
    RegistryConfig config =
        OpenShiftMirrorSets.parse(
            """
            apiVersion: config.openshift.io/v1
            kind: ImageDigestMirrorSet
            metadata:
              name: quay-io-mirror
            spec:
              imageDigestMirrors:
              - source: quay.io
                mirrors:
                - registry.example.com/mirrors/quay.io
                mirrorSourcePolicy: NeverContactSource
            """,
            "idms.yaml");
    assertThat(sources(config, "quay.io/ceph/ceph" + DIGEST))
        .containsExactly("mirror registry.example.com/mirrors/quay.io/ceph/ceph" + DIGEST);
    assertThat(config.sources(ImageReference.parse("quay.io/ceph/ceph:v18"))).isEmpty();
  }

  @Test
  void imageContentSourcePolicyMirrorsAreDigestOnlyAndMergeWithDigestSets() {
    RegistryConfig config =
        OpenShiftMirrorSets.parse(
            """
            apiVersion: operator.openshift.io/v1alpha1
            kind: ImageContentSourcePolicy
            metadata:
              name: mirror-ocp
            spec:
              repositoryDigestMirrors:
              - mirrors:
                - harbor.example/docker.io
                source: docker.io
            ---
            apiVersion: config.openshift.io/v1
            kind: ImageDigestMirrorSet
            metadata:
              name: second
            spec:
              imageDigestMirrors:
              - mirrors:
                - backup.example/docker.io
                - harbor.example/docker.io
                source: docker.io
            """,
            "icsp.yaml");
    assertThat(config.rules())
        .containsExactly(
            RegistryRule.mirrored(
                "docker.io",
                new MirrorRule("backup.example/docker.io", false, PullFromMirror.DIGEST_ONLY),
                new MirrorRule("harbor.example/docker.io", false, PullFromMirror.DIGEST_ONLY)));
  }

  @Test
  void setsAcrossFilesAndListDocumentsAreMerged(@TempDir Path dir) throws Exception {
    Path first = dir.resolve("a.yaml");
    Path second = dir.resolve("b.yaml");
    Files.writeString(
        first,
        """
        apiVersion: v1
        kind: List
        items:
        - apiVersion: config.openshift.io/v1
          kind: ImageDigestMirrorSet
          metadata: {name: one}
          spec:
            imageDigestMirrors:
            - {source: registry.redhat.io, mirrors: [a.example/rh, b.example/rh]}
        """);
    Files.writeString(
        second,
        """
        apiVersion: config.openshift.io/v1
        kind: ImageDigestMirrorSet
        metadata: {name: two}
        spec:
          imageDigestMirrors:
          - {source: registry.redhat.io, mirrors: [b.example/rh, c.example/rh]}
        ---
        apiVersion: operators.coreos.com/v1alpha1
        kind: CatalogSource
        metadata: {name: not-a-mirror-set}
        """);

    RegistryConfig config = OpenShiftMirrorSets.read(List.of(first, second));

    assertThat(config.rules())
        .singleElement()
        .satisfies(
            rule ->
                assertThat(rule.mirrors())
                    .extracting(MirrorRule::location)
                    .containsExactly("a.example/rh", "b.example/rh", "c.example/rh"));
  }

  @Test
  void aSetThatOnlyRepeatsItsSourceIsIgnored() {
    RegistryConfig config =
        OpenShiftMirrorSets.parse(
            """
            kind: ImageDigestMirrorSet
            spec:
              imageDigestMirrors:
              - {source: quay.io/ns, mirrors: [quay.io/ns]}
              - {source: quay.io/other}
            """,
            "idms.yaml");
    assertThat(config.rules()).isEmpty();
  }

  @Test
  void aWildcardSourceCoversItsSubdomains() {
    RegistryConfig config =
        OpenShiftMirrorSets.parse(
            """
            kind: ImageDigestMirrorSet
            spec:
              imageDigestMirrors:
              - {source: "*.redhat.io", mirrors: [mirror.local/redhat]}
            """,
            "idms.yaml");
    assertThat(sources(config, "registry.redhat.io/product/repo" + DIGEST))
        .first()
        .isEqualTo("mirror mirror.local/redhat/product/repo" + DIGEST);
  }

  @Test
  void conflictingPoliciesForOneSourceAreRefusedAsTheMachineConfigOperatorDoes() {
    ConfigurationException e =
        error(
            """
            kind: ImageDigestMirrorSet
            metadata: {name: strict}
            spec:
              imageDigestMirrors:
              - {source: quay.io, mirrors: [m.local/q], mirrorSourcePolicy: NeverContactSource}
            ---
            kind: ImageTagMirrorSet
            metadata: {name: lax}
            spec:
              imageTagMirrors:
              - {source: quay.io, mirrors: [m.local/q]}
            """);
    assertThat(e.getMessage())
        .contains("sets.yaml, line 7")
        .contains("document 2, ImageTagMirrorSet lax")
        .contains("another mirrorSourcePolicy for quay.io");
  }

  @Test
  void neverContactSourceWithTheSourceAsAMirrorIsRefused() {
    assertThat(
            error(
                    """
                    kind: ImageDigestMirrorSet
                    spec:
                      imageDigestMirrors:
                      - source: quay.io/ns
                        mirrors: [m.local/ns, quay.io/ns]
                        mirrorSourcePolicy: NeverContactSource
                    """)
                .getMessage())
        .contains("the source quay.io/ns is one of its mirrors");
  }

  @Test
  void badValuesNameTheDocumentAndTheEntry() {
    assertThat(
            error(
                    """
                    kind: ImageDigestMirrorSet
                    metadata: {name: x}
                    spec:
                      imageDigestMirrors:
                      - {source: quay.io, mirrors: [m.local], mirrorSourcePolicy: Sometimes}
                    """)
                .getMessage())
        .contains("document 1, ImageDigestMirrorSet x, spec.imageDigestMirrors[0]")
        .contains("\"Sometimes\"");
    assertThat(
            error(
                    "kind: ImageDigestMirrorSet\nspec:\n  imageDigestMirrors:\n  - {mirrors: [m.local]}\n")
                .getMessage())
        .contains("source is missing");
    assertThat(
            error(
                    "kind: ImageDigestMirrorSet\nspec:\n  imageDigestMirrors:\n  - {source: q.io, mirrors: [\"https://m.local\"]}\n")
                .getMessage())
        .contains("has a URL scheme");
    assertThat(
            error("kind: ImageDigestMirrorSet\nspec:\n  imageDigestMirrors: {source: q.io}\n")
                .getMessage())
        .contains("must be a list");
  }

  @Test
  void invalidYamlNamesTheLine() {
    ConfigurationException e =
        error("kind: ImageDigestMirrorSet\nspec:\n  imageDigestMirrors: [\n    - a\n  b: c\n");
    assertThat(e.line()).isPresent();
    assertThat(e.getMessage()).contains("sets.yaml, line").contains("not valid YAML");
  }

  @Test
  void anEmptyFileHasNoRules() {
    assertThat(OpenShiftMirrorSets.parse("", "empty.yaml").rules()).isEmpty();
    assertThat(OpenShiftMirrorSets.parse("---\n---\n", "empty.yaml").rules()).isEmpty();
  }

  @Test
  void theRulesCanBeAddedToARegistriesConf() {
    RegistryConfig base =
        RegistriesConf.parse(
            "[[registry]]\nlocation = \"ghcr.io\"\n[[registry.mirror]]\nlocation = \"g.local\"\n",
            "registries.conf");
    RegistryConfig merged = base.with(OpenShiftMirrorSets.parse(OC_MIRROR, "oc-mirror.yaml"));
    assertThat(merged.rules()).hasSize(3);
    assertThat(sources(merged, "ghcr.io/a:1")).containsExactly("mirror g.local/a:1", "ghcr.io/a:1");
    assertThat(sources(merged, "quay.io/openshift-release-dev/ocp-release:4.16"))
        .containsExactly(
            "mirror registry.example.com:8443/openshift/release-images:4.16",
            "quay.io/openshift-release-dev/ocp-release:4.16");
  }
}
