package dev.registryclient.api.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.registryclient.api.ImageReference;
import dev.registryclient.api.exception.ErrorContext;
import dev.registryclient.api.exception.Phase;
import dev.registryclient.api.exception.TransportException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReachabilityReportTest {
  private static final ImageReference REF = ImageReference.parse("quay.io/podman/hello:latest");
  private static final HostCheck REGISTRY =
      HostCheck.reachable("quay.io:443", Set.of(HostRole.REGISTRY), true);
  private static final HostCheck CDN =
      HostCheck.unreachable(
          "cdn01.quay.io:443", Set.of(HostRole.BLOB_REDIRECT), true, "Connect timed out");

  @Test
  void rolesAreListedInTheOrderTheEnumDeclares() {
    HostCheck both =
        HostCheck.reachable("r.example:443", List.of(HostRole.AUTH, HostRole.REGISTRY), true);

    assertThat(both.roles()).containsExactly(HostRole.REGISTRY, HostRole.AUTH);
  }

  @Test
  void aHostWithoutARoleIsRejectedNamingIt() {
    assertThatThrownBy(() -> HostCheck.reachable("r.example:443", Set.of(), true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("r.example:443");
  }

  @Test
  void anUnreachableHostFailsTheReportAndIsListedAsSuch() {
    ReachabilityReport report =
        new ReachabilityReport(REF, List.of(REGISTRY, CDN), Optional.empty());

    assertThat(report.allReachable()).isFalse();
    assertThat(report.passed()).isFalse();
    assertThat(report.unreachable()).containsExactly(CDN);
    assertThat(CDN.problem()).contains("Connect timed out");
  }

  @Test
  void aFailedRequestFailsTheReportEvenWhenEveryHostIsReachable() {
    TransportException failure =
        new TransportException(ErrorContext.of(Phase.BLOB), "connection reset");
    ReachabilityReport failed =
        new ReachabilityReport(REF, List.of(REGISTRY), Optional.of(failure));
    ReachabilityReport fine = new ReachabilityReport(REF, List.of(REGISTRY), Optional.empty());

    assertThat(failed.allReachable()).isTrue();
    assertThat(failed.passed()).isFalse();
    assertThat(fine.passed()).isTrue();
  }
}
