package dev.registryclient.examples.cli;

import dev.registryclient.api.ImageReference;
import dev.registryclient.api.auth.Credentials;
import dev.registryclient.api.auth.Secret;
import dev.registryclient.api.client.CopyResult;
import dev.registryclient.api.client.PullResult;
import dev.registryclient.api.client.RegistryClient;
import dev.registryclient.oci.layout.OciLayout;
import dev.registryclient.testkit.PushedImage;
import dev.registryclient.testkit.RecordedRequest;
import dev.registryclient.testkit.TestRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code demo}: the whole SDK on loopback, no network needed. Starts the test-kit registry with
 * token auth and blob downloads redirected to a CDN host, pushes a small multi-layer image, pulls
 * it with progress into a temporary OCI layout and tells what happened, then copies it into a
 * second registry (a mirror). The launcher's class-data archive is trained on this run, so it
 * covers both pulls and copies.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description =
        "Start a registry on loopback (token auth, CDN redirects), push a small image, pull it"
            + " with progress, show what happened, then copy it into a mirror registry.")
final class DemoCommand implements Callable<Integer> {
  private static final String USER = "demo";
  private static final String PASSWORD = "demo-password";

  private final Terminal terminal;

  @Mixin Verbosity verbosity;

  DemoCommand(Terminal terminal) {
    this.terminal = terminal;
  }

  @Override
  public Integer call() throws IOException {
    Path layout = Files.createTempDirectory("registry-client-demo-");
    try (TestRegistry registry =
        TestRegistry.builder()
            .tokenAuth(USER, PASSWORD)
            .cdnRedirects(Duration.ofMinutes(5))
            .start()) {
      PushedImage image =
          registry
              .image("demo/app")
              .layer(1_500_000)
              .layer(700_000)
              .layer(300_000)
              .layer(64_000)
              .push("1.0");
      say(
          "Started a test registry at "
              + registry.url()
              + " (token auth, CDN "
              + registry.cdnUrl().orElseThrow()
              + ")");
      say("Pushed " + image.reference() + " (" + image.layers().size() + " layers)");
      say("Pulling into " + layout + " ...");
      registry.journal().clear();

      ProgressPrinter progress = new ProgressPrinter(terminal.err(), terminal.interactive());
      PullResult result;
      CopyResult mirrored;
      try (TestRegistry mirror = TestRegistry.builder().start();
          RegistryClient client =
              Clients.create(4)
                  .credentials(
                      registry.hostAndPort(),
                      Credentials.usernamePassword(USER, Secret.of(PASSWORD)))
                  .build()) {
        result =
            client
                .pull(image.reference())
                .into(OciLayout.at(layout))
                .onProgress(progress)
                .execute();
        report(registry, result, progress);
        // the other half: the same image copied into a second registry, as a mirror job does
        ImageReference target = ImageReference.parse(mirror.hostAndPort() + "/mirror/demo/app:1.0");
        mirrored = client.copy(ImageReference.parse(image.reference()), target).execute();
      }
      say(
          "Copied to "
              + mirrored.target()
              + ": "
              + mirrored.uploaded()
              + " blobs streamed from the CDN into the mirror, manifest "
              + mirrored.manifest().digest()
              + " unchanged");
      terminal.out().println(PullCommand.summary(image.reference(), result));
      return Main.OK;
    } finally {
      deleteRecursively(layout);
    }
  }

  private void report(TestRegistry registry, PullResult result, ProgressPrinter progress) {
    Map<String, Integer> hosts = new LinkedHashMap<>();
    for (RecordedRequest r : registry.journal().all()) {
      hosts.merge(r.hostAndPort() + " (" + role(r.origin()) + ")", 1, Integer::sum);
    }
    say("Hosts contacted:");
    hosts.forEach(
        (host, count) -> say("  " + host + ": " + count + (count == 1 ? " request" : " requests")));
    long withAuth =
        registry.journal().cdn().stream().filter(RecordedRequest::hasAuthorization).count();
    say(
        "Redirects followed: "
            + progress.redirects()
            + " (blob downloads sent on to the CDN, "
            + withAuth
            + " of them carried the registry's Authorization)");
    say(
        "Digests verified: "
            + (result.blobs().size() + 1)
            + " (manifest, config and every layer, sha256)");
    say(
        "Time: "
            + result.elapsed().toMillis()
            + " ms for "
            + ProgressPrinter.megabytes(result.totalBytes())
            + " MB");
  }

  private static String role(RecordedRequest.Origin origin) {
    return switch (origin) {
      case REGISTRY -> "registry";
      case TOKEN -> "auth";
      case CDN -> "blob-redirect";
      case LOOKASIDE -> "lookaside";
    };
  }

  /** What happened goes to stdout; progress goes to stderr. */
  private void say(String line) {
    terminal.out().println(line);
  }

  private static void deleteRecursively(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
