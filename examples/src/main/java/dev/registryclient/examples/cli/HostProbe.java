package dev.registryclient.examples.cli;

import dev.registryclient.api.Descriptor;
import dev.registryclient.api.Digest;
import dev.registryclient.api.ImageReference;
import dev.registryclient.api.Platform;
import dev.registryclient.api.exception.ErrorContext;
import dev.registryclient.api.exception.Phase;
import dev.registryclient.api.exception.TransportException;
import dev.registryclient.api.manifest.ImageIndex;
import dev.registryclient.api.manifest.ImageManifest;
import dev.registryclient.api.manifest.Manifest;
import dev.registryclient.api.manifest.Schema1Manifest;
import dev.registryclient.core.auth.AuthChallenge;
import dev.registryclient.core.auth.ChallengeParser;
import dev.registryclient.core.error.ErrorMapper;
import dev.registryclient.core.transport.Origin;
import dev.registryclient.core.transport.Request;
import dev.registryclient.core.transport.Response;
import dev.registryclient.oci.RegistryEndpoints;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Makes the requests a pull would make, without downloading any blob body, and writes down every
 * host involved: the registry, its token realm, and where blob requests are redirected.
 */
final class HostProbe {
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final CliRegistry registry;
  private final HostLedger ledger = new HostLedger();

  HostProbe(CliRegistry registry) {
    this.registry = registry;
  }

  /** The hosts seen so far (all of them once {@link #probe} returned). */
  HostLedger ledger() {
    return ledger;
  }

  /**
   * Pings, resolves the manifest (this JVM's platform from an index, else its first entry) and
   * sends each blob's GET, closing it at the first response.
   *
   * @throws dev.registryclient.api.exception.RegistryException when the registry itself fails; the
   *     ledger then holds the hosts learnt before
   */
  void probe(ImageReference reference) {
    RegistryEndpoints endpoints = registry.endpoints(reference);
    Origin origin = Origin.of(endpoints.base());
    ledger.add(origin, "registry");
    authRealm(endpoints.ping()).ifPresent(realm -> ledger.add(realm, "auth"));
    Manifest manifest = registry.manifest(reference);
    if (manifest instanceof ImageIndex index && !index.manifests().isEmpty()) {
      Descriptor chosen =
          index.manifestsMatching(Platform.current()).stream()
              .findFirst()
              .orElse(index.manifests().get(0));
      manifest = registry.manifest(reference.withDigest(chosen.digest()));
    }
    for (Digest blob : blobs(manifest)) {
      firstResponse(endpoints.blob(reference.repository(), blob), reference, origin);
    }
  }

  /** The token realm's origin, from the challenge of an unauthenticated {@code GET /v2/}. */
  private Optional<Origin> authRealm(URI ping) {
    HttpClient http =
        HttpClient.newBuilder()
            .connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    ErrorContext context =
        ErrorContext.of(Phase.PING)
            .withRegistry(Origin.of(ping).hostAndPort())
            .withContactedHost(Origin.of(ping).hostWithPort());
    try {
      HttpResponse<Void> response =
          http.send(
              HttpRequest.newBuilder(ping).timeout(TIMEOUT).build(),
              HttpResponse.BodyHandlers.discarding());
      List<AuthChallenge> challenges =
          ChallengeParser.parse(response.headers().allValues("WWW-Authenticate"));
      return challenges.stream()
          .filter(AuthChallenge::isBearer)
          .flatMap(c -> c.realm().stream())
          .findFirst()
          .map(realm -> Origin.of(URI.create(realm)));
    } catch (IOException e) {
      throw new TransportException(context, "ping failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TransportException(context, "interrupted", e);
    } catch (IllegalArgumentException e) {
      return Optional.empty(); // an unreadable challenge or realm: the pull would fail there too
    }
  }

  private void firstResponse(URI blob, ImageReference reference, Origin registryOrigin) {
    Request request = Request.builder(blob).phase(Phase.BLOB).build();
    Response response;
    try {
      response = registry.transport().execute(request);
    } catch (TransportException e) {
      // a redirect target that cannot be reached still belongs on the allowlist (and fails there)
      Optional<Origin> elsewhere =
          e.contactedHost()
              .map(h -> Origin.of(URI.create(blob.getScheme() + "://" + h)))
              .filter(o -> !o.equals(registryOrigin));
      if (elsewhere.isEmpty()) {
        throw e;
      }
      ledger.add(elsewhere.get(), "blob-redirect");
      return;
    }
    try {
      Origin answered = response.request().origin();
      if (!answered.equals(registryOrigin)) {
        ledger.add(answered, "blob-redirect"); // the transport followed the redirect itself
      } else if (response.status() / 100 == 3 && response.header("Location").isPresent()) {
        URI target = blob.resolve(response.header("Location").get());
        ledger.add(Origin.of(target), "blob-redirect");
      } else if (!response.isSuccessful()) {
        throw ErrorMapper.fromResponse(
            response,
            ErrorContext.of(Phase.BLOB, reference.registry(), reference.repository())
                .withContactedHost(answered.hostWithPort()));
      }
    } finally {
      response.closeQuietly(); // before the body: nothing is downloaded
    }
  }

  /** The blobs a pull of {@code manifest} fetches, each once. */
  private static List<Digest> blobs(Manifest manifest) {
    Set<Digest> blobs = new LinkedHashSet<>();
    if (manifest instanceof ImageManifest image) {
      blobs.add(image.config().digest());
      image.layers().forEach(l -> blobs.add(l.digest()));
    } else if (manifest instanceof Schema1Manifest old) {
      blobs.addAll(old.fsLayers());
    }
    return List.copyOf(blobs);
  }
}
