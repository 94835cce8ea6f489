package dev.registryclient.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.registryclient.testkit.RecordedRequest.Origin;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Flow;
import org.junit.jupiter.api.Test;

class ResetFaultTest {
  private static final int SIZE = 200_000;
  private static final int CUT = 50_000;
  private static final byte[] CONTENT = content(SIZE);

  private static byte[] content(int size) {
    byte[] bytes = new byte[size];
    for (int i = 0; i < size; i++) {
      bytes[i] = (byte) (i * 31 + i / 251);
    }
    return bytes;
  }

  private static String blobPath(PushedBlob blob) {
    return "/v2/r/app/blobs/" + blob.digest();
  }

  /** A raw HTTP/1.1 exchange: everything the socket delivered, and how reading it ended. */
  private record RawAnswer(String head, byte[] body, IOException failure) {}

  private static RawAnswer rawGet(TestRegistry registry, String path) throws IOException {
    return rawGet(URI.create(registry.url() + path));
  }

  private static RawAnswer rawGet(URI url) throws IOException {
    try (Socket socket = new Socket(url.getHost(), url.getPort())) {
      socket.setSoTimeout(10_000);
      String target = url.getRawPath() + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery());
      String request =
          "GET "
              + target
              + " HTTP/1.1\r\nHost: "
              + url.getAuthority()
              + "\r\n"
              + "Connection: close\r\n\r\n";
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.US_ASCII));
      out.flush();
      ByteArrayOutputStream received = new ByteArrayOutputStream();
      IOException failure = null;
      InputStream in = socket.getInputStream();
      byte[] buf = new byte[8192];
      try {
        for (int n; (n = in.read(buf)) >= 0; ) {
          received.write(buf, 0, n);
        }
      } catch (IOException e) {
        failure = e;
      }
      byte[] all = received.toByteArray();
      int end = indexOf(all, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      assertThat(end).as("end of the response head").isNotNegative();
      return new RawAnswer(
          new String(all, 0, end, StandardCharsets.US_ASCII),
          Arrays.copyOfRange(all, end + 4, all.length),
          failure);
    }
  }

  private static int indexOf(byte[] data, byte[] pattern) {
    outer:
    for (int i = 0; i + pattern.length <= data.length; i++) {
      for (int j = 0; j < pattern.length; j++) {
        if (data[i + j] != pattern[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  @Test
  void aRawSocketReadsAPrefixOfTheFirstBytesAndThenSeesAConnectionReset() throws IOException {
    try (TestRegistry r =
        TestRegistry.builder().faults(Fault.resetAfter(CUT).on("/blobs/")).start()) {
      PushedBlob blob = r.pushBlob("r/app", CONTENT, "application/octet-stream");
      RawAnswer answer = rawGet(r, blobPath(blob));
      assertThat(answer.head()).startsWith("HTTP/1.1 200").contains("Content-length: " + SIZE);
      assertPrefixOfAtMost(answer.body(), CUT);
      assertThat(answer.failure())
          .isInstanceOf(SocketException.class)
          .hasMessage("Connection reset");
    }
  }

  @Test
  void theJdkHttpClientReceivesAPrefixOfTheFirstBytesAndThenAConnectionReset() {
    try (TestRegistry r =
        TestRegistry.builder().faults(Fault.resetAfter(CUT).on("/blobs/")).start()) {
      PushedBlob blob = r.pushBlob("r/app", CONTENT, "application/octet-stream");
      // a subscriber with unbounded demand sees every byte the client read before the reset (the
      // client's InputStream would drop the buffered rest once it knows of the failure)
      CollectingSubscriber body = new CollectingSubscriber();
      assertThatThrownBy(
              () ->
                  Http.CLIENT.send(
                      Http.request(r.url() + blobPath(blob)).build(),
                      HttpResponse.BodyHandlers.fromSubscriber(body)))
          .isInstanceOf(IOException.class)
          .satisfies(e -> assertThat(causesOf(e)).contains("Connection reset"));
      assertPrefixOfAtMost(body.bytes.toByteArray(), CUT);
      assertThat(causesOf(body.failure)).contains("Connection reset");
    }
  }

  /** Collects a response body, and how it ended. */
  private static final class CollectingSubscriber implements Flow.Subscriber<List<ByteBuffer>> {
    final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    volatile Throwable failure;

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
      subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
      for (ByteBuffer b : buffers) {
        byte[] chunk = new byte[b.remaining()];
        b.get(chunk);
        bytes.writeBytes(chunk);
      }
    }

    @Override
    public void onError(Throwable error) {
      failure = error;
    }

    @Override
    public void onComplete() {}
  }

  private static String causesOf(Throwable e) {
    StringBuilder chain = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause()) {
      chain.append(t).append('\n');
    }
    return chain.toString();
  }

  /**
   * A reset may discard bytes the sender had not delivered yet (the kernel drops its unsent queue
   * on RST), so a client sees some of the first {@code n} bytes, never more, always in order.
   */
  private static void assertPrefixOfAtMost(byte[] received, int n) {
    assertThat(received.length).as("body bytes received before the reset").isBetween(1, n);
    assertThat(Arrays.mismatch(received, Arrays.copyOf(CONTENT, received.length)))
        .as("first mismatch with the blob")
        .isEqualTo(-1);
  }

  private static void assertFirstBytes(byte[] received, int n) {
    assertThat(received.length).as("body bytes received").isEqualTo(n);
    assertThat(Arrays.mismatch(received, Arrays.copyOf(CONTENT, n)))
        .as("first mismatch with the blob")
        .isEqualTo(-1);
  }

  @Test
  void theFaultIsUsedUpAfterItsTimesAndTheNextRequestIsServedWhole() throws IOException {
    try (TestRegistry r =
        TestRegistry.builder().faults(Fault.resetAfter(1000).on("/blobs/").times(2)).start()) {
      PushedBlob blob = r.pushBlob("r/app", CONTENT, "application/octet-stream");
      for (int i = 0; i < 2; i++) {
        RawAnswer cut = rawGet(r, blobPath(blob));
        assertPrefixOfAtMost(cut.body(), 1000);
        assertThat(cut.failure()).hasMessage("Connection reset");
      }
      RawAnswer whole = rawGet(r, blobPath(blob));
      assertThat(whole.failure()).isNull();
      assertFirstBytes(whole.body(), SIZE);
      assertThat(Arrays.equals(Http.get(r.url() + blobPath(blob)).body(), CONTENT)).isTrue();
    }
  }

  @Test
  void aRangeRequestAfterTheResetGetsTheRest() throws IOException {
    try (TestRegistry r =
        TestRegistry.builder().faults(Fault.resetAfter(CUT).on("/blobs/")).start()) {
      PushedBlob blob = r.pushBlob("r/app", CONTENT, "application/octet-stream");
      assertThat(rawGet(r, blobPath(blob)).failure()).hasMessage("Connection reset");
      HttpResponse<byte[]> rest = Http.get(r.url() + blobPath(blob), "Range", "bytes=" + CUT + "-");
      assertThat(rest.statusCode()).isEqualTo(206);
      assertThat(rest.headers().firstValue("Content-Range"))
          .hasValue("bytes " + CUT + "-" + (SIZE - 1) + "/" + SIZE);
      assertThat(Arrays.equals(rest.body(), Arrays.copyOfRange(CONTENT, CUT, SIZE))).isTrue();
      assertThat(r.journal().registry())
          .extracting(RecordedRequest::hostAndPort)
          .containsOnly(r.hostAndPort());
    }
  }

  @Test
  void theCdnCanResetToo() throws IOException {
    try (TestRegistry r =
        TestRegistry.builder()
            .cdnRedirects(Duration.ofMinutes(1))
            .faults(Fault.resetAfter(CUT).at(Origin.CDN))
            .start()) {
      PushedBlob blob = r.pushBlob("r/app", CONTENT, "application/octet-stream");
      HttpResponse<byte[]> redirect = Http.get(r.url() + blobPath(blob));
      URI cdn = URI.create(redirect.headers().firstValue("Location").orElseThrow());
      assertThat(cdn.getHost()).isEqualTo(r.cdnUrl().orElseThrow().getHost());
      assertThat(cdn.getPort()).isEqualTo(r.cdnUrl().orElseThrow().getPort());
      RawAnswer answer = rawGet(cdn);
      assertPrefixOfAtMost(answer.body(), CUT);
      assertThat(answer.failure()).hasMessage("Connection reset");
      assertThat(r.journal().cdn())
          .last()
          .satisfies(rec -> assertThat(rec.status()).isEqualTo(200));
      assertThat(Arrays.equals(Http.get(cdn.toString()).body(), CONTENT)).isTrue();
    }
  }

  @Test
  void closeEndsTheFrontsThreadsEvenWithAConnectionOpen() throws Exception {
    // the fault only makes the registry install its resetting front; no blob is fetched
    TestRegistry r =
        TestRegistry.builder().faults(Fault.resetAfter(CUT).on("/blobs/").optional()).start();
    String prefix = r.threadNamePrefix();
    try (Socket idle = new Socket(r.url().getHost(), r.url().getPort())) {
      idle.setSoTimeout(10_000);
      idle.getOutputStream()
          .write("GET /v2/ HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      assertThat(new String(idle.getInputStream().readNBytes(12), StandardCharsets.US_ASCII))
          .isEqualTo("HTTP/1.1 200");
      assertThat(liveThreads(prefix)).isPositive();
      r.close();
      assertThat(liveThreads(prefix)).isZero();
    }
  }

  @Test
  void withoutAResetFaultNoFrontIsInstalled() {
    // another kind of fault, configured but never needed: it must not install the front
    try (TestRegistry r =
        TestRegistry.builder().faults(Fault.disconnectAfter(10).on("/blobs/").optional()).start()) {
      assertThat(Http.get(r.url() + "/v2/").statusCode()).isEqualTo(200);
      assertThat(liveThreads(r.threadNamePrefix())).isPositive();
      assertThat(liveThreads(r.threadNamePrefix() + "resetting-port")).isZero();
    }
  }

  private static long liveThreads(String prefix) {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().startsWith(prefix) && t.isAlive())
        .count();
  }
}
