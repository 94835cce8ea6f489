package dev.registryclient.examples.cli;

import dev.registryclient.api.Descriptor;
import dev.registryclient.api.Digest;
import dev.registryclient.api.ImageReference;
import dev.registryclient.api.Platform;
import dev.registryclient.api.exception.ErrorContext;
import dev.registryclient.api.exception.Phase;
import dev.registryclient.api.manifest.ImageIndex;
import dev.registryclient.api.manifest.ImageManifest;
import dev.registryclient.api.manifest.Manifest;
import dev.registryclient.api.manifest.Schema1Manifest;
import dev.registryclient.core.transport.ErrorMapper;
import dev.registryclient.core.transport.HostLedger;
import dev.registryclient.core.transport.Origin;
import dev.registryclient.core.transport.Request;
import dev.registryclient.core.transport.Response;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Makes the requests a pull would make (ping, token, manifest, and each blob's GET closed at its
 * first response, so no blob body is downloaded) and reads from the transport's {@link HostLedger}
 * which hosts were contacted and why: {@code registry}, {@code auth} (the token realm) and {@code
 * blob-redirect} (a CDN the registry sends blob downloads on to).
 */
final class HostProbe {
  private final HostLedger ledger = new HostLedger();

  /** The ledger to give the transport that {@link #probe} uses. */
  HostLedger ledger() {
    return ledger;
  }

  /**
   * Resolves the manifest (this JVM's platform from an index, else its first entry) and sends each
   * blob's GET.
   *
   * @throws dev.registryclient.api.exception.RegistryException when a request fails; {@link
   *     #roles()} still holds the hosts contacted before
   */
  void probe(CliRegistry registry, ImageReference reference) {
    Manifest manifest = registry.manifest(reference);
    if (manifest instanceof ImageIndex index && !index.images().isEmpty()) {
      Descriptor chosen =
          index.manifestsMatching(Platform.current()).stream()
              .findFirst()
              .orElse(index.images().get(0));
      manifest = registry.manifest(reference.withDigest(chosen.digest()));
    }
    for (Digest blob : blobs(manifest)) {
      firstResponse(
          registry, registry.endpoints(reference).blob(reference.repository(), blob), reference);
    }
  }

  /** Every host contacted so far with its roles, in the order first seen. */
  Map<Origin, Set<String>> roles() {
    Map<Origin, Set<String>> roles = new LinkedHashMap<>();
    for (HostLedger.Visit visit : ledger.visits()) {
      roles.computeIfAbsent(visit.host(), h -> new LinkedHashSet<>()).add(role(visit));
    }
    return roles;
  }

  private static String role(HostLedger.Visit visit) {
    if (visit.phase() == Phase.TOKEN) {
      return "auth";
    }
    if (visit.redirected()) {
      return visit.phase() == Phase.BLOB ? "blob-redirect" : "redirect";
    }
    return "registry";
  }

  private static void firstResponse(CliRegistry registry, URI blob, ImageReference reference) {
    Response response =
        registry.transport().execute(Request.builder(blob).phase(Phase.BLOB).build());
    try {
      if (!response.isSuccessful()) {
        throw ErrorMapper.fromResponse(
            response,
            ErrorContext.of(Phase.BLOB, reference.registry(), reference.repository())
                .withContactedHost(response.request().origin().hostWithPort()));
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
