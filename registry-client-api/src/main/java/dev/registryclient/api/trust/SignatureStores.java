package dev.registryclient.api.trust;

import dev.registryclient.api.ImageReference;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where simple-signing signatures of images are kept: the {@code containers-registries.d(5)}
 * configuration. Red Hat publishes its signatures on a lookaside server apart from the registry;
 * for an image, the most specific {@code docker} scope applies, else {@code default-docker}.
 *
 * <pre>{@code
 * SignatureStores stores = SignatureStores.of(Optional.empty(), Map.of(
 *     "registry.redhat.io", SignatureStores.Store.lookaside(
 *         URI.create("https://registry.redhat.io/containers/sigstore"))));
 * stores.storeFor(ImageReference.parse("registry.redhat.io/ubi9/ubi:9.4"));
 * }</pre>
 *
 * @param defaultDocker the {@code default-docker} section, if any
 * @param docker the sections per scope ({@code host}, {@code host/ns}, {@code host/ns/repo})
 */
public record SignatureStores(Optional<Store> defaultDocker, Map<String, Store> docker) {

  /**
   * One section.
   *
   * @param lookaside where signatures are read: {@code http(s)://} or {@code file://}; a signature
   *     of {@code host/repo@sha256:hex} is {@code <lookaside>/repo@sha256=hex/signature-N}
   * @param lookasideStaging where new signatures are written (a {@code file://} URL)
   * @param useSigstoreAttachments whether sigstore signatures are read from (and written to) the
   *     registry as {@code sha256-<hex>.sig} tags
   */
  public record Store(
      Optional<URI> lookaside, Optional<URI> lookasideStaging, boolean useSigstoreAttachments) {
    /** Checks for nulls. */
    public Store {
      Objects.requireNonNull(lookaside, "lookaside");
      Objects.requireNonNull(lookasideStaging, "lookasideStaging");
    }

    /** A section with only a lookaside URL to read from. */
    public static Store lookaside(URI uri) {
      return new Store(Optional.of(uri), Optional.empty(), false);
    }
  }

  /** Copies the map, keeping its order. */
  public SignatureStores {
    Objects.requireNonNull(defaultDocker, "defaultDocker");
    docker = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(docker));
  }

  /** No configuration: no lookaside, and sigstore attachments read by default. */
  public static SignatureStores none() {
    return new SignatureStores(Optional.empty(), Map.of());
  }

  /** A configuration of a default section and scoped sections. */
  public static SignatureStores of(Optional<Store> defaultDocker, Map<String, Store> docker) {
    return new SignatureStores(defaultDocker, docker);
  }

  /** The section for {@code image}: its repository, then each namespace, then the registry. */
  public Optional<Store> storeFor(ImageReference image) {
    String name = image.registry() + "/" + image.repository();
    while (true) {
      Store found = docker.get(name);
      if (found != null) {
        return Optional.of(found);
      }
      int slash = name.lastIndexOf('/');
      if (slash < 0) {
        return defaultDocker;
      }
      name = name.substring(0, slash);
    }
  }
}
