package dev.registryclient.core.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.UnknownHostException;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.junit.jupiter.api.Test;

class FailureTextTest {

  @Test
  void resetsTimeoutsAndRefusalsAreTransientAlsoOnTls() {
    assertThat(FailureText.isTransient(new SocketException("Connection reset"))).isTrue();
    assertThat(FailureText.isTransient(new ConnectException("Connection refused"))).isTrue();
    // the JDK reports a reset or broken pipe on a TLS socket as a plain SSLException
    assertThat(FailureText.isTransient(new SSLException("Connection reset"))).isTrue();
    assertThat(FailureText.isTransient(new IOException("premature end"))).isTrue();
  }

  @Test
  void unknownHostsAndFailedHandshakesAreNot() {
    assertThat(FailureText.isTransient(new UnknownHostException("x.invalid"))).isFalse();
    assertThat(FailureText.isTransient(new SSLHandshakeException("PKIX path building failed")))
        .isFalse();
    assertThat(FailureText.isTransient(new SSLPeerUnverifiedException("no cert"))).isFalse();
    // the JDK's plain SSLException when an http server answers the ClientHello
    assertThat(FailureText.isTransient(new SSLException("Unsupported or unrecognized SSL message")))
        .isFalse();
    // Conscrypt's words for the same
    assertThat(FailureText.isTransient(new SSLException("Unable to parse TLS packet header")))
        .isFalse();
  }

  @Test
  void anInterruptIsNotTransientWhileTheThreadIsInterrupted() {
    Thread.currentThread().interrupt();
    try {
      assertThat(FailureText.isTransient(new InterruptedIOException())).isFalse();
    } finally {
      Thread.interrupted();
    }
    assertThat(FailureText.isTransient(new InterruptedIOException())).isTrue();
  }
}
