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
