package dev.registryclient.benchmarks.compare;

import dev.registryclient.testkit.CdnFront;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;

/**
 * Runs the test kit's {@link CdnFront} in front of a registry for {@code compare.sh}: blob GETs to
 * the front answer 302 to a signed URL on 127.0.0.2 (or another loopback port). Prints the front's
 * {@code host:port} on one line, then serves until its standard input closes or it is killed.
 *
 * <pre>{@code
 * java -cp benchmarks/target/benchmarks.jar \
 *     dev.registryclient.benchmarks.compare.CdnFrontMain http://127.0.0.1:5000
 * }</pre>
 */
public final class CdnFrontMain {
  private CdnFrontMain() {}

  /**
   * @param args one argument: the upstream registry, {@code http://127.0.0.1:PORT}
   */
  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      System.err.println("usage: CdnFrontMain http://127.0.0.1:PORT");
      System.exit(2);
    }
    URI upstream = URI.create(args[0]);
    if (!upstream.getHost().startsWith("127.")) {
      throw new IllegalArgumentException("the upstream must be a loopback address: " + upstream);
    }
    CdnFront front = CdnFront.builder(upstream).urlLifetime(Duration.ofHours(1)).start();
    // one place stops it, whether stdin closed or the process was killed
    Runtime.getRuntime().addShutdownHook(new Thread(front::close, "cdn-front-stop"));
    System.out.println(front.hostAndPort());
    System.out.flush();
    while (System.in.read() >= 0) {
      // serve until stdin closes (compare.sh keeps it open) or the process is killed
    }
    System.exit(0);
  }
}
