package dev.registryclient.oci.client;

import dev.registryclient.api.Descriptor;
import dev.registryclient.api.Digest;
import dev.registryclient.api.ImageReference;
import dev.registryclient.api.Platform;
import dev.registryclient.api.client.HostCheck;
import dev.registryclient.api.client.HostRole;
import dev.registryclient.api.client.ReachabilityReport;
import dev.registryclient.api.client.RegistrySettings;
import dev.registryclient.api.exception.Phase;
import dev.registryclient.api.exception.RegistryException;
import dev.registryclient.api.manifest.ImageIndex;
import dev.registryclient.api.manifest.Manifest;
import dev.registryclient.core.transport.ErrorMapper;
import dev.registryclient.core.transport.HostLedger;
import dev.registryclient.core.transport.Origin;
import dev.registryclient.core.transport.Request;
import dev.registryclient.core.transport.Response;
import dev.registryclient.core.transport.Transport;
import dev.registryclient.core.transport.tls.TlsSettings;
import dev.registryclient.oci.manifest.ManifestCodec;
import dev.registryclient.oci.manifest.ManifestFetcher;
import dev.registryclient.oci.pull.ImageBlobs;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@link dev.registryclient.api.client.RegistryClient#reachability}: makes the requests a pull
 * makes (ping and token, manifest, each blob's {@code GET} closed at its first response, so no blob
 * body is downloaded) over a transport whose {@link HostLedger} notes every host contacted and why,
 * then checks a connection to each of them ({@link ConnectionCheck}). Credentials stay off the CDN
 * as in a pull: the transport attaches them to the registry's origin only.
 */
final class ReachabilityProbe {
  /** How long a connection check waits when the settings name no connect timeout. */
  static final Duration DEFAULT_CHECK_TIMEOUT = Duration.ofSeconds(5);

  private ReachabilityProbe() {}

  static ReachabilityReport check(
      ImageReference reference,
      RegistrySettings settings,
      ClientTransports transports,
      ManifestCodec codec) {
    HostLedger ledger = new HostLedger();
    Optional<RegistryException> failure = Optional.empty();
    try (Transport transport =
        transports.probing(reference.registry(), reference.registryApiHost(), ledger)) {
      walk(Registry.of(reference, settings, transport), reference, codec);
    } catch (RegistryException e) {
      failure = Optional.of(e); // the hosts contacted so far are still checked and reported
    }
    ConnectionCheck check =
        new ConnectionCheck(
            settings.connectTimeout().orElse(DEFAULT_CHECK_TIMEOUT), tls(reference, settings));
    List<HostCheck> hosts = new ArrayList<>();
    roles(ledger).forEach((host, roles) -> hosts.add(check.check(host, roles)));
    return new ReachabilityReport(reference, hosts, failure);
  }

  /** The manifest (this JVM's platform from an index, else its first image), then every blob. */
  private static void walk(Registry registry, ImageReference reference, ManifestCodec codec) {
    String repository = reference.repository();
    ManifestFetcher fetcher =
        ManifestFetcher.create(registry.transport(), registry.endpoints(), codec)
            .namingRegistry(registry.name());
    Manifest manifest = fetcher.fetch(repository, reference.reference());
    if (manifest instanceof ImageIndex index && !index.images().isEmpty()) {
      Descriptor chosen =
          index.manifestsMatching(Platform.current()).stream()
              .findFirst()
              .orElse(index.images().get(0));
      manifest = fetcher.fetch(repository, chosen.digest().toString());
    }
    for (Digest blob : blobs(manifest)) {
      firstResponse(registry, repository, blob);
    }
  }

  /** Sends the blob's GET and closes the response before its body: nothing is downloaded. */
  private static void firstResponse(Registry registry, String repository, Digest blob) {
    Request request =
        Request.builder(registry.endpoints().blob(repository, blob))
            .repository(repository)
            .phase(Phase.BLOB)
            .registryName(registry.name())
            .build();
    Response response = registry.transport().execute(request);
    try {
      if (!response.isSuccessful()) {
        throw ErrorMapper.fromResponse(response);
      }
    } finally {
      response.closeQuietly(); // closing before the end aborts the exchange
    }
  }

  /** The blobs a pull of {@code manifest} fetches, each once. */
  private static List<Digest> blobs(Manifest manifest) {
    return List.copyOf(ImageBlobs.of(List.of(manifest)).keySet());
  }

  /** Every host in the ledger with its roles, in the order first contacted. */
  private static Map<Origin, Set<HostRole>> roles(HostLedger ledger) {
    Map<Origin, Set<HostRole>> roles = new LinkedHashMap<>();
    for (HostLedger.Visit visit : ledger.visits()) {
      roles.computeIfAbsent(visit.host(), h -> EnumSet.noneOf(HostRole.class)).add(role(visit));
    }
    return roles;
  }

  private static HostRole role(HostLedger.Visit visit) {
    if (visit.phase() == Phase.TOKEN) {
      return HostRole.AUTH;
    }
    if (visit.redirected()) {
      return visit.phase() == Phase.BLOB ? HostRole.BLOB_REDIRECT : HostRole.REDIRECT;
    }
    return HostRole.REGISTRY;
  }

  /** The verification the probing transport applies: the registry's host unverified if asked. */
  private static TlsSettings tls(ImageReference reference, RegistrySettings settings) {
    TlsSettings.Builder tls = TlsSettings.builder();
    if (settings.insecureTls()) {
      tls.insecure(reference.registryApiHost());
    }
    return tls.build();
  }
}
