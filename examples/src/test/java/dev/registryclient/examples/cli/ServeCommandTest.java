package dev.registryclient.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ServeCommandTest {

  @Test
  void servesARegistryWithASampleImageUntilStopped() throws Exception {
    CountDownLatch stop = new CountDownLatch(1);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Terminal terminal =
        Terminal.of(
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            false);
    CommandLine cmd = new CommandLine(new ServeCommand(terminal, stop));
    ExecutorService runner = Executors.newSingleThreadExecutor();
    try {
      Future<Integer> exit = runner.submit(() -> cmd.execute());
      String url = awaitFirstLine(out);

      HttpResponse<String> tags =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(url + "/v2/demo/hello/tags/list")).build(),
                  HttpResponse.BodyHandlers.ofString());
      stop.countDown();

      assertThat(url).startsWith("http://127.0.0.1:");
      assertThat(tags.statusCode()).isEqualTo(200);
      assertThat(tags.body()).contains("1.0");
      assertThat(exit.get(10, TimeUnit.SECONDS)).isZero();
      assertThat(err.toString(StandardCharsets.UTF_8)).contains("Ctrl+C", "Stopped.");
    } finally {
      stop.countDown();
      runner.shutdownNow();
    }
  }

  @Test
  void portOutOfRangeIsAUsageError() {
    assertThat(CliRun.of("serve", "--port", "70000").exit()).isEqualTo(2);
  }

  private static String awaitFirstLine(ByteArrayOutputStream out) throws InterruptedException {
    for (int i = 0; i < 200; i++) {
      String text = out.toString(StandardCharsets.UTF_8);
      if (text.contains("\n")) {
        return text.substring(0, text.indexOf('\n')).strip();
      }
      Thread.sleep(50);
    }
    throw new AssertionError("serve printed no URL within 10 s");
  }
}
