package dev.registryclient.examples.cli;

import dev.registryclient.testkit.PushedImage;
import dev.registryclient.testkit.TestRegistry;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code serve [--port N]}: the test-kit registry in the foreground, with one small image in it,
 * until Ctrl+C (a shutdown hook stops the servers and deletes the blobs).
 */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = "Run the in-process test registry on 127.0.0.1 until Ctrl+C (no auth).")
final class ServeCommand implements Callable<Integer> {
  private final Terminal terminal;
  private final CountDownLatch stop;

  @Option(
      names = "--port",
      paramLabel = "N",
      description = "Listen on this port of 127.0.0.1 (default: a free one).")
  int port;

  @Spec CommandSpec spec;
  @Mixin Verbosity verbosity;

  ServeCommand(Terminal terminal) {
    this(terminal, new CountDownLatch(1));
  }

  /** For tests: counting {@code stop} down stops the registry as Ctrl+C would. */
  ServeCommand(Terminal terminal, CountDownLatch stop) {
    this.terminal = terminal;
    this.stop = stop;
  }

  @Override
  public Integer call() throws InterruptedException {
    if (port < 0 || port > 65535) {
      throw new ParameterException(spec.commandLine(), "--port must be 0..65535, got " + port);
    }
    TestRegistry registry = TestRegistry.builder().port(port).start();
    CountDownLatch closed = new CountDownLatch(1);
    // Ctrl+C runs the hook while call() still waits: let call() close the registry, then halt
    Thread hook =
        new Thread(
            () -> {
              stop.countDown();
              awaitQuietly(closed);
            },
            "registry-client-serve-stop");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      PushedImage sample = registry.image("demo/hello").layer(1024).layer(2048).push("1.0");
      terminal.err().println("Serving a test registry at " + registry.url() + " (no auth).");
      terminal.err().println("Try: registry-client tags " + registry.hostAndPort() + "/demo/hello");
      terminal.err().println("     registry-client pull " + sample.reference() + " --layout out");
      terminal.err().println("Press Ctrl+C to stop.");
      terminal.out().println(registry.url());
      stop.await();
      return Main.OK;
    } finally {
      registry.close();
      terminal.err().println("Stopped.");
      closed.countDown();
      removeQuietly(hook);
    }
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void removeQuietly(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException alreadyShuttingDown) {
      // Ctrl+C: the hook is running; nothing to remove
    }
  }
}
