package dev.registryclient.oci.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.registryclient.api.Descriptor;
import dev.registryclient.api.exception.ErrorContext;
import dev.registryclient.api.exception.NotFoundException;
import dev.registryclient.api.manifest.ImageIndex;
import dev.registryclient.api.manifest.Manifest;
import dev.registryclient.core.transport.RetryListener;
import dev.registryclient.core.transport.Transport;
import dev.registryclient.oci.manifest.ManifestCodec;
import dev.registryclient.oci.manifest.ManifestFetcher;
import dev.registryclient.oci.testing.KitClients;
import dev.registryclient.testkit.PushedImage;
import dev.registryclient.testkit.TestRegistry;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ManifestPusherTest {

  private static ManifestPusher pusher(Transport transport, TestRegistry registry) {
    return new ManifestPusher(
        transport,
        KitClients.endpoints(registry),
        registry.hostAndPort(),
        ManifestFetcher.create(transport, KitClients.endpoints(registry)));
  }

  private static Manifest decode(PushedImage image) {
    return ManifestCodec.defaults()
        .decode(
            image.manifest(),
            Optional.of(image.mediaType()),
            ErrorContext.of(dev.registryclient.api.exception.Phase.MANIFEST));
  }

  @Test
  void theExactBytesArePutWithTheirMediaTypeAndTheirDigestKept() {
    try (TestRegistry registry = TestRegistry.builder().start();
        Transport transport = KitClients.anonymous()) {
      PushedImage image = registry.image("app").docker().layer(100).push("1");

      Descriptor pushed =
          pusher(transport, registry)
              .push("app", "copy", decode(image), transport.newRetryBudget(RetryListener.NONE));

      assertThat(pushed.digest()).isEqualTo(image.digest());
      Manifest served =
          ManifestFetcher.create(transport, KitClients.endpoints(registry)).fetch("app", "copy");
      assertThat(served.raw()).isEqualTo(image.manifest());
      assertThat(served.mediaType().toString()).isEqualTo(image.mediaType());
      assertThat(registry.journal().matching("PUT", "/manifests/copy"))
          .singleElement()
          .satisfies(r -> assertThat(r.header("Content-Type")).contains(image.mediaType()));
    }
  }

  @Test
  void withoutAReferrersApiTheManifestIsListedUnderTheReferrersTag() {
    try (TestRegistry registry = TestRegistry.builder().referrersApi(false).start();
        Transport transport = KitClients.anonymous()) {
      PushedImage subject = registry.image("app").layer(100).push("1");
      PushedImage signature =
          registry
              .image("app")
              .artifactType("application/example.sig")
              .subject(subject)
              .layer(10)
              .pushByDigest();
      Manifest manifest = decode(signature);

      Descriptor pushed =
          pusher(transport, registry)
              .push(
                  "app",
                  signature.digest().toString(),
                  manifest,
                  transport.newRetryBudget(RetryListener.NONE));

      String tag = "sha256-" + subject.digest().hex();
      ImageIndex referrers =
          (ImageIndex)
              ManifestFetcher.create(transport, KitClients.endpoints(registry)).fetch("app", tag);
      assertThat(referrers.manifests())
          .singleElement()
          .satisfies(
              d -> {
                assertThat(d.digest()).isEqualTo(pushed.digest());
                assertThat(d.artifactType().map(Object::toString))
                    .contains("application/example.sig");
              });

      // pushing it again does not list it twice
      pusher(transport, registry)
          .push(
              "app",
              signature.digest().toString(),
              manifest,
              transport.newRetryBudget(RetryListener.NONE));
      ImageIndex again =
          (ImageIndex)
              ManifestFetcher.create(transport, KitClients.endpoints(registry)).fetch("app", tag);
      assertThat(again.manifests()).hasSize(1);
    }
  }

  @Test
  void withAReferrersApiNoReferrersTagIsWritten() {
    try (TestRegistry registry = TestRegistry.builder().start();
        Transport transport = KitClients.anonymous()) {
      PushedImage subject = registry.image("app").layer(100).push("1");
      PushedImage signature =
          registry
              .image("app")
              .artifactType("application/example.sig")
              .subject(subject)
              .layer(10)
              .pushByDigest();

      pusher(transport, registry)
          .push(
              "app",
              signature.digest().toString(),
              decode(signature),
              transport.newRetryBudget(RetryListener.NONE));

      assertThatThrownBy(
              () ->
                  ManifestFetcher.create(transport, KitClients.endpoints(registry))
                      .fetch("app", "sha256-" + subject.digest().hex()))
          .isInstanceOf(NotFoundException.class);
    }
  }
}
