package dev.registryclient.oci.trust;

import com.fasterxml.jackson.databind.JsonNode;
import dev.registryclient.api.Descriptor;
import dev.registryclient.api.Digest;
import dev.registryclient.api.ImageReference;
import dev.registryclient.api.MediaType;
import dev.registryclient.api.exception.ErrorContext;
import dev.registryclient.api.exception.InvalidContentException;
import dev.registryclient.api.exception.NotFoundException;
import dev.registryclient.api.exception.Phase;
import dev.registryclient.api.manifest.ImageManifest;
import dev.registryclient.api.manifest.Manifest;
import dev.registryclient.api.trust.SignatureStores;
import dev.registryclient.core.config.Lookaside;
import dev.registryclient.core.transport.Origin;
import dev.registryclient.core.transport.Request;
import dev.registryclient.core.transport.Response;
import dev.registryclient.core.transport.Transport;
import dev.registryclient.oci.RegistryEndpoints;
import dev.registryclient.oci.internal.Json;
import dev.registryclient.oci.internal.RegistryCalls;
import dev.registryclient.oci.listing.RegistryListings;
import dev.registryclient.oci.manifest.ManifestFetcher;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finds the signatures of one image manifest, everywhere containers/image looks: the lookaside
 * store of {@code registries.d} ({@code <base>/<repository>@sha256=<hex>/signature-1, -2, ...}
 * until the first one that is missing), the registry's signature API when it advertises {@code
 * X-Registry-Supports-Signatures: 1}, and sigstore signatures in the registry under the tag {@code
 * sha256-<hex>.sig}. Every fetch goes through the transport (TLS, proxies, retries, host ledger);
 * sizes and counts are bounded.
 */
public final class SignatureFetcher {
  /** The most signatures read per image and place (containers/image's limit). */
  public static final int MAX_SIGNATURES = Lookaside.MAX_SIGNATURES;

  /** The largest signature or payload read. */
  public static final int MAX_BYTES = 4 << 20;

  static final String COSIGN_SIGNATURE = "dev.cosignproject.cosign/signature";
  static final String SUPPORTS_SIGNATURES = "X-Registry-Supports-Signatures";
  static final String COSIGN_ARTIFACT = "application/vnd.dev.cosign.artifact.sig.v1+json";
  private static final List<MediaType> SIGNATURE_MANIFESTS =
      List.of(MediaType.OCI_MANIFEST, MediaType.DOCKER_MANIFEST);

  private final Transport transport;
  private final RegistryEndpoints endpoints;
  private final ManifestFetcher manifests;
  private final SignatureStores stores;

  /**
   * @param transport the registry's transport, also used for lookaside URLs
   * @param endpoints the registry's endpoints
   * @param manifests reads the {@code .sig} manifests
   * @param stores where lookaside signatures are kept
   */
  public SignatureFetcher(
      Transport transport,
      RegistryEndpoints endpoints,
      ManifestFetcher manifests,
      SignatureStores stores) {
    this.transport = transport;
    this.endpoints = endpoints;
    this.manifests = manifests;
    this.stores = stores;
  }

  /** The simple-signing signatures of {@code manifest}: lookaside, else the registry's API. */
  public List<FoundSignature> simpleSigning(ImageReference image, Digest manifest) {
    Optional<URI> lookaside = stores.storeFor(image).flatMap(SignatureStores.Store::lookaside);
    if (lookaside.isPresent()) {
      return fromLookaside(lookaside.get(), image, manifest);
    }
    return fromSignatureApi(image, manifest);
  }

  /**
   * The sigstore signatures of {@code manifest}: the layers of its {@code .sig} tag, and of the
   * cosign signature artifacts that refer to it (OCI 1.1 referrers, when the registry has them).
   */
  public List<FoundSignature> sigstore(ImageReference image, Digest manifest) {
    boolean disabled =
        stores
            .storeFor(image)
            .flatMap(SignatureStores.Store::useSigstoreAttachments)
            .map(use -> !use)
            .orElse(false);
    if (disabled) {
      return List.of(); // registries.d says use-sigstore-attachments: false
    }
    String tag = sigstoreTag(manifest);
    List<FoundSignature> found = new ArrayList<>();
    try {
      Manifest sig = manifests.fetch(image.repository(), tag, SIGNATURE_MANIFESTS);
      addSigstoreLayers(image, sig, image.registry() + "/" + image.repository() + ":" + tag, found);
    } catch (NotFoundException e) {
      // no .sig tag: maybe referrers
    }
    for (Descriptor referrer : referrers(image, manifest)) {
      if (found.size() >= MAX_SIGNATURES) {
        break;
      }
      Manifest artifact =
          manifests.fetch(image.repository(), referrer.digest().toString(), SIGNATURE_MANIFESTS);
      addSigstoreLayers(
          image,
          artifact,
          image.registry() + "/" + image.repository() + "@" + referrer.digest(),
          found);
    }
    return found;
  }

  /** The tag cosign stores the signatures of {@code manifest} under: {@code sha256-<hex>.sig}. */
  public static String sigstoreTag(Digest manifest) {
    return manifest.algorithm().prefix() + "-" + manifest.hex() + ".sig";
  }

  /**
   * The descriptor of {@code tag} in the image's repository.
   *
   * @throws NotFoundException if there is no such tag
   */
  public Descriptor resolveTag(ImageReference image, String tag) {
    return manifests.resolve(image.repository(), tag);
  }

  private List<Descriptor> referrers(ImageReference image, Digest manifest) {
    try (Stream<Descriptor> referrers =
        RegistryListings.create(transport, endpoints)
            .referrers(image.repository(), manifest, Optional.of(COSIGN_ARTIFACT))) {
      return referrers.limit(MAX_SIGNATURES).toList();
    } catch (NotFoundException e) {
      return List.of();
    }
  }

  private void addSigstoreLayers(
      ImageReference image, Manifest sig, String where, List<FoundSignature> found) {
    if (!(sig instanceof ImageManifest signatures)) {
      return;
    }
    for (Descriptor layer : signatures.layers()) {
      if (found.size() >= MAX_SIGNATURES) {
        return;
      }
      Optional<String> signature = Optional.ofNullable(layer.annotations().get(COSIGN_SIGNATURE));
      if (signature.isEmpty()) {
        continue; // an attachment that is not a signature
      }
      if (layer.size() > MAX_BYTES) {
        throw new InvalidContentException(
            context(image), "sigstore payload " + layer.digest() + " larger than " + MAX_BYTES);
      }
      byte[] payload = blob(image, layer.digest());
      found.add(
          new FoundSignature(
              FoundSignature.Kind.SIGSTORE,
              where + " layer " + layer.digest(),
              payload,
              signature));
    }
  }

  private List<FoundSignature> fromLookaside(URI base, ImageReference image, Digest manifest) {
    List<FoundSignature> found = new ArrayList<>();
    for (int n = 1; n <= MAX_SIGNATURES; n++) {
      URI url = Lookaside.signatureUrl(base, image, manifest, n);
      Optional<byte[]> bytes =
          url.getScheme().equals("file") ? readFile(url, image) : readUrl(url, image);
      if (bytes.isEmpty()) {
        break; // containers/image stops at the first missing signature
      }
      found.add(
          new FoundSignature(
              FoundSignature.Kind.SIMPLE_SIGNING, url.toString(), bytes.get(), Optional.empty()));
    }
    return found;
  }

  private Optional<byte[]> readFile(URI url, ImageReference image) {
    Path file = Path.of(url);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try (InputStream in = Files.newInputStream(file)) {
      return Optional.of(limited(in.readNBytes(MAX_BYTES + 1), url, image));
    } catch (IOException e) {
      throw new InvalidContentException(context(image), "cannot read " + url + ": " + e, e);
    }
  }

  private Optional<byte[]> readUrl(URI url, ImageReference image) {
    Request get =
        Request.builder(url)
            .phase(Phase.SIGNATURE)
            .registry(Origin.of(url))
            .registryName(image.registry())
            .repository(image.repository())
            .sideRequest() // a lookaside server is not the registry: no registry credentials
            .build();
    Response response = transport.execute(get);
    try {
      if (response.status() == 404) {
        return Optional.empty();
      }
      if (!response.isSuccessful()) {
        throw dev.registryclient.core.transport.ErrorMapper.fromResponse(response);
      }
      return Optional.of(RegistryCalls.readBody(response, MAX_BYTES, "signature"));
    } finally {
      response.closeQuietly();
    }
  }

  private List<FoundSignature> fromSignatureApi(ImageReference image, Digest manifest) {
    Request ping = Request.builder(endpoints.ping()).phase(Phase.SIGNATURE).build();
    boolean supported;
    try (Response response = transport.execute(ping)) {
      supported =
          response.header(SUPPORTS_SIGNATURES).map(v -> v.strip().equals("1")).orElse(false);
    } catch (IOException e) {
      supported = false;
    }
    if (!supported) {
      return List.of();
    }
    URI url =
        endpoints
            .base()
            .resolve("/extensions/v2/" + image.repository() + "/signatures/" + manifest);
    Request get =
        Request.builder(url).phase(Phase.SIGNATURE).repository(image.repository()).build();
    Response response = transport.execute(get);
    JsonNode document;
    try {
      if (response.status() == 404) {
        return List.of();
      }
      if (!response.isSuccessful()) {
        throw dev.registryclient.core.transport.ErrorMapper.fromResponse(response);
      }
      document =
          Json.parse(
              RegistryCalls.readBody(response, MAX_BYTES, "signature list"),
              get.errorContext(),
              "signature list");
    } finally {
      response.closeQuietly();
    }
    List<FoundSignature> found = new ArrayList<>();
    for (JsonNode entry : document.path("signatures")) {
      if (found.size() == MAX_SIGNATURES) {
        break;
      }
      if (entry.path("schemaVersion").asInt() != 2
          || !entry.path("type").asText().equals("atomic")) {
        continue; // containers/image reads schemaVersion 2 "atomic" entries only
      }
      byte[] content;
      try {
        content = Base64.getDecoder().decode(entry.path("content").asText(""));
      } catch (IllegalArgumentException e) {
        throw new InvalidContentException(get.errorContext(), "a signature is not base64", e);
      }
      found.add(
          new FoundSignature(
              FoundSignature.Kind.SIMPLE_SIGNING,
              url + " (" + entry.path("name").asText("?") + ")",
              limited(content, url, image),
              Optional.empty()));
    }
    return found;
  }

  private byte[] blob(ImageReference image, Digest digest) {
    Request get =
        Request.builder(endpoints.blob(image.repository(), digest))
            .phase(Phase.SIGNATURE)
            .repository(image.repository())
            .registryName(image.registry())
            .build();
    Response response = RegistryCalls.send(transport, get);
    try {
      byte[] bytes = RegistryCalls.readBody(response, MAX_BYTES, "sigstore payload");
      if (!digest.matches(bytes)) {
        throw new dev.registryclient.api.exception.DigestMismatchException(
            get.errorContext(), "sigstore payload", digest.toString(), "other bytes");
      }
      return bytes;
    } finally {
      response.closeQuietly();
    }
  }

  private static byte[] limited(byte[] bytes, URI url, ImageReference image) {
    if (bytes.length > MAX_BYTES) {
      throw new InvalidContentException(
          context(image), "signature " + url + " is larger than " + MAX_BYTES + " bytes");
    }
    return bytes;
  }

  private static ErrorContext context(ImageReference image) {
    return ErrorContext.of(Phase.SIGNATURE, image.registry(), image.repository());
  }
}
