package dev.registryclient.api.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.registryclient.api.ImageReference;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which scope of a policy applies to an image (containers/image's requirementsForImageRef). */
class TrustPolicyTest {
  private static final String D =
      "@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

  /** One scope per level, each naming itself in a reject requirement we can look for. */
  private static final TrustPolicy LEVELS =
      policyOf(
          "example.com/ns1/ns2/repo:tagged",
          "example.com/ns1/ns2/repo" + D,
          "example.com/ns1/ns2/repo",
          "example.com/ns1/ns2",
          "example.com/ns1",
          "example.com",
          "example.com:5000",
          "*.example.com",
          "*.b.example.com",
          "*.com",
          "localhost",
          "docker.io/library/busybox:latest",
          "docker.io/library",
          "[::1]:5000",
          "*example.com",
          "*.example.com/ns1",
          "example*.*.com");

  private static TrustPolicy policyOf(String... scopes) {
    Map<String, List<PolicyRequirement>> map = new LinkedHashMap<>();
    for (String scope : scopes) {
      map.put(scope, List.of(new PolicyRequirement.InsecureAcceptAnything()));
    }
    return TrustPolicy.of(List.of(new PolicyRequirement.Reject()), map);
  }

  @ParameterizedTest(name = "{0} -> \"{1}\"")
  @CsvSource(
      delimiter = '|',
      value = {
        "example.com/ns1/ns2/repo:tagged | example.com/ns1/ns2/repo:tagged",
        "example.com/ns1/ns2/repo:other | example.com/ns1/ns2/repo",
        "example.com/ns1/ns2/repo" + D + " | example.com/ns1/ns2/repo" + D,
        // a pull by tag and digest is a pull by digest, as in podman: the tag scope does not apply
        "example.com/ns1/ns2/repo:tagged" + D + " | example.com/ns1/ns2/repo" + D,
        "example.com/ns1/ns2/other:1 | example.com/ns1/ns2",
        "example.com/ns1/other/repo:1 | example.com/ns1",
        "example.com/other:1 | example.com",
        "example.com:5000/other:1 | example.com:5000",
        // the port-less host is no parent of a host with a port; its wildcards are
        "example.com:6000/other:1 | *.com",
        "a.example.com/x:1 | *.example.com",
        "a.b.example.com/x:1 | *.b.example.com",
        "b.example.com/x:1 | *.example.com",
        "a.b.example.com:5000/x:1 | *.b.example.com",
        "other.com/x:1 | *.com",
        "other.org/x:1 | ''",
        "localhost/x:1 | localhost",
        "localhost:5000/x:1 | ''",
        // no tag is :latest, and Docker Hub names are looked up fully expanded
        "busybox | docker.io/library/busybox:latest",
        "busybox:1.36 | docker.io/library",
        "docker.io/myorg/app:1 | ''",
        "[::1]:5000/x:1 | [::1]:5000",
        "[::1]:6000/x:1 | ''",
      })
  void theMostSpecificScopeApplies(String image, String scope) {
    TrustPolicy.Scoped scoped = LEVELS.scopeFor(ImageReference.parse(image));

    assertThat(scoped.scope()).isEqualTo(scope);
    assertThat(scoped.isDefault()).isEqualTo(scope.isEmpty());
    assertThat(scoped.requirements())
        .containsExactly(
            scope.isEmpty()
                ? new PolicyRequirement.Reject()
                : new PolicyRequirement.InsecureAcceptAnything());
  }

  @Test
  void wildcardsDoNotCoverTheDomainItself() {
    TrustPolicy policy = policyOf("*.example.com");

    assertThat(policy.scopeFor(ImageReference.parse("example.com/x:1")).isDefault()).isTrue();
  }

  @Test
  void scopeNamesAreMatchedExactly() {
    TrustPolicy policy = policyOf("Example.com", "*.Example.com");

    assertThat(policy.scopeFor(ImageReference.parse("example.com/x:1")).isDefault()).isTrue();
    assertThat(policy.scopeFor(ImageReference.parse("a.example.com/x:1")).isDefault()).isTrue();
  }

  @Test
  void theTransportDefaultScopeBelongsInTheDefault() {
    assertThatThrownBy(() -> policyOf(""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("defaultRequirements");
  }

  @Test
  void aScopeNeedsARequirement() {
    assertThatThrownBy(
            () ->
                TrustPolicy.of(
                    List.of(new PolicyRequirement.Reject()), Map.of("example.com", List.of())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("\"example.com\" has no requirement");
    assertThatThrownBy(() -> TrustPolicy.of(List.of(), Map.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void scopesKeepTheirOrder() {
    TrustPolicy policy = policyOf("c.example", "a.example", "b.example");

    assertThat(policy.dockerScopes().keySet())
        .containsExactly("c.example", "a.example", "b.example");
  }
}
