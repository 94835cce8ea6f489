package dev.registryclient.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.registryclient.api.Digest;
import dev.registryclient.api.client.PullEvent;
import dev.registryclient.api.client.PullResult;
import dev.registryclient.api.client.RegistryClient;
import dev.registryclient.api.exception.SourcesFailedException;
import dev.registryclient.oci.layout.OciLayout;
import dev.registryclient.testkit.distribution.DistributionRegistry;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cluster's digest-only mirror (OpenShift's ImageDigestMirrorSet, {@code pull-from-mirror =
 * "digest-only"}): {@code registry.redhat.io/ubi9} mirrored to a docker-registry. The name {@code
 * registry.redhat.io} does not resolve here (integration tests resolve names from a loopback-only
 * hosts file), so the registry is a disconnected cluster's unreachable source.
 */
class DigestOnlyMirrorIT {
  private static final String PRIMARY = "registry.redhat.io";

  @TempDir static Path tmp;
  static DistributionRegistry mirror;
  static Digest digest;
  static Path registriesConf;

  @BeforeAll
  static void fillTheMirror() {
    mirror = DistributionRegistry.builder().start();
    Path layout = Images.helloLayout(tmp, "ubi", "ubi\n");
    Images.push(layout, "ubi", mirror.hostAndPort() + "/ubi9/ubi:9.4", "--format", "v2s2");
    digest =
        Digest.sha256(Images.rawManifest("docker://" + mirror.hostAndPort() + "/ubi9/ubi:9.4"));
    registriesConf =
        RegistriesConfFile.forRegistry(PRIMARY).digestOnlyMirror(mirror.hostAndPort()).writeTo(tmp);
  }

  @AfterAll
  static void stop() {
    if (mirror != null) {
      mirror.close();
    }
  }

  @Test
  void aPullByDigestComesFromTheMirrorAndNeverTriesTheRegistry(@TempDir Path dir) {
    List<PullEvent> events = new CopyOnWriteArrayList<>();
    PullResult result;
    try (RegistryClient client = RegistryClient.builder().registriesConf(registriesConf).build()) {
      result =
          client
              .pull(PRIMARY + "/ubi9/ubi@" + digest)
              .into(OciLayout.at(dir))
              .onProgress(events::add)
              .execute();
    }

    assertThat(result.manifest().digest()).isEqualTo(digest);
    assertThat(result.source().mirror()).isTrue();
    assertThat(result.source().reference().registry()).isEqualTo(mirror.hostAndPort());
    assertThat(result.blobs())
        .isNotEmpty()
        .allSatisfy(
            b -> assertThat(b.source()).hasValueSatisfying(s -> assertThat(s.mirror()).isTrue()));
    // the mirror answered first, so the registry was never tried: trying it (a name lookup that
    // fails here) would have been reported as a failed source
    assertThat(events).noneMatch(PullEvent.SourceFailed.class::isInstance);
    assertThat(AccessLog.of(mirror))
        .filteredOn(e -> e.method().equals("GET"))
        .extracting(AccessLog.Entry::target)
        .contains("/v2/ubi9/ubi/manifests/" + digest);
  }

  @Test
  void aPullByTagGoesToTheRegistryAndFailsNamingItAndTheSkippedMirror() {
    int logged = AccessLog.of(mirror).size();
    SourcesFailedException e;
    try (RegistryClient client = RegistryClient.builder().registriesConf(registriesConf).build()) {
      e =
          catchThrowableOfType(
              SourcesFailedException.class,
              () ->
                  client
                      .pull(PRIMARY + "/ubi9/ubi:9.4")
                      .into(OciLayout.at(tmp.resolve("tag")))
                      .execute());
    }

    assertThat(e.getMessage())
        .contains(PRIMARY + "/ubi9/ubi:9.4: ")
        .contains("unknown host " + PRIMARY)
        .contains(
            "not tried: mirror "
                + mirror.hostAndPort()
                + "/ubi9/ubi:9.4, which serves pulls by digest only");
    assertThat(AccessLog.since(mirror, logged)).as("the mirror was not asked").isEmpty();
  }
}
