package dev.registryclient.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.registryclient.api.exception.AuthenticationException;
import dev.registryclient.api.exception.ErrorContext;
import dev.registryclient.api.exception.Phase;
import dev.registryclient.api.exception.TransportException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ConnectException;
import java.util.List;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

class FailureReportTest {
  private static final ErrorContext CDN_HOP =
      ErrorContext.of(Phase.BLOB, "registry.example", "team/app")
          .withContactedHost("cdn01.example:443");

  @Test
  void namesPhaseContactedHostRegistryAndWhatToDoOnOneLine() {
    TransportException e =
        new TransportException(CDN_HOP, "connect timed out\nafter 10 s", new ConnectException());

    String text = print(e, false);

    assertThat(text.lines()).hasSize(1);
    assertThat(text)
        .startsWith("error: blob failed on cdn01.example:443 (registry registry.example)")
        .contains("for repository team/app", "connect timed out after 10 s")
        .contains("registry-client hosts REF");
  }

  @Test
  void verboseAddsTheCauseChainButNoStackTrace() {
    TransportException e =
        new TransportException(
            CDN_HOP, "connect failed", new ConnectException("Connection refused"));

    List<String> lines = print(e, true).lines().toList();

    assertThat(lines).hasSize(2);
    assertThat(lines.get(1)).isEqualTo("  caused by: ConnectException: Connection refused");
  }

  @Test
  void authenticationFailureSaysHowToGiveCredentials() {
    AuthenticationException e =
        new AuthenticationException(
            ErrorContext.of(Phase.TOKEN, "registry.example", "team/app"),
            "credentials refused",
            401,
            List.of());

    assertThat(print(e, false)).contains("token failed on registry.example", "--user USER:PASS");
  }

  @Test
  void aTlsFailureOfTheRegistryPointsToInsecureNotToProxyFirewallOrDns() {
    ErrorContext registry =
        ErrorContext.of(Phase.PING, "lab.example:5000", null).withContactedHost("lab.example:5000");
    TransportException e =
        new TransportException(
            registry,
            "TLS with lab.example:5000 failed: its certificate is not signed by a CA this machine"
                + " trusts. Add the CA that signed it to"
                + " /etc/containers/certs.d/lab.example:5000/ca.crt",
            new SSLHandshakeException("PKIX path building failed"));

    String text = print(e, false);

    assertThat(text.lines()).hasSize(1);
    assertThat(text)
        .contains("certs.d/lab.example:5000/ca.crt", "--insecure")
        .doesNotContain("proxy, firewall, DNS");
  }

  @Test
  void aTlsFailureOfACdnHostDoesNotOfferInsecure() {
    TransportException e =
        new TransportException(
            CDN_HOP, "TLS with cdn01.example:443 failed", new SSLHandshakeException("x"));

    assertThat(print(e, false)).doesNotContain("--insecure", "proxy, firewall, DNS");
  }

  @Test
  void refusedCredentialsSayToCheckThemAndHowToLogInAgain() {
    AuthenticationException e =
        new AuthenticationException(
            ErrorContext.of(Phase.MANIFEST, "registry.example", "team/app"),
            "the credentials for registry.example were refused",
            401,
            List.of());

    assertThat(print(e, false))
        .contains("Check the credentials", "--user", "`podman login registry.example`");
  }

  @Test
  void otherFailuresStillFitOnOneLine() {
    String text = print(new IllegalStateException("two\nlines"), false);

    assertThat(text).isEqualTo("error: IllegalStateException: two lines\n");
  }

  private static String print(Throwable failure, boolean verbose) {
    StringWriter out = new StringWriter();
    FailureReport.of(failure).print(new PrintWriter(out), verbose);
    return out.toString().replace(System.lineSeparator(), "\n");
  }
}
