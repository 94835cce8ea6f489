package dev.registryclient.oci.client;

import dev.registryclient.api.trust.KeySource;
import dev.registryclient.api.trust.PolicyRequirement;
import dev.registryclient.api.trust.SignedIdentity;
import dev.registryclient.api.trust.TrustPolicy;
import java.util.List;
import java.util.Map;

/** Policies the trust tests use: reject everything but one scope, which needs one key. */
final class TestPolicies {
  private TestPolicies() {}

  /** {@code reject} by default; {@code scope} needs a simple signature by {@code key}. */
  static TrustPolicy signedBy(String scope, KeySource key) {
    return onlyScope(
        scope,
        new PolicyRequirement.SignedBy(List.of(key), new SignedIdentity.MatchRepoDigestOrExact()));
  }

  /** {@code reject} by default; {@code scope} needs a sigstore signature by {@code key}. */
  static TrustPolicy sigstoreSigned(String scope, KeySource key) {
    return onlyScope(
        scope,
        new PolicyRequirement.SigstoreSigned(
            List.of(key), new SignedIdentity.MatchRepoDigestOrExact()));
  }

  private static TrustPolicy onlyScope(String scope, PolicyRequirement requirement) {
    return TrustPolicy.of(
        List.of(new PolicyRequirement.Reject()), Map.of(scope, List.of(requirement)));
  }
}
