package dev.registryclient.api.trust;

import dev.registryclient.api.ImageReference;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Where signatures of images are kept: the {@code containers-registries.d(5)} configuration. Red
 * Hat publishes its simple-signing signatures on a lookaside server apart from the registry.
 *
 * <pre>{@code
 * SignatureStores stores = SignatureStores.of(Optional.empty(), Map.of(
 *     "registry.redhat.io", SignatureStores.Store.lookaside(
 *         URI.create("https://registry.redhat.io/containers/sigstore"))));
 * stores.storeFor(ImageReference.parse("registry.redhat.io/ubi9/ubi:9.4"))
 *     .flatMap(SignatureStores.Store::lookaside);   // https://registry.redhat.io/containers/sigstore
 * }</pre>
 *
 * <p>Sections are looked up as {@link TrustPolicy} scopes are ({@code host/ns/repo:tag}, {@code
 * host/ns/repo}, each namespace, {@code host[:port]}, {@code *.domain}), then {@code
 * default-docker}. As containers/image does (its man page says otherwise), each setting comes from
 * the most specific section that sets it: a repository's section with only {@code
 * use-sigstore-attachments} still reads signatures from its registry's {@code lookaside}.
 *
 * @param defaultDocker the {@code default-docker} section, if any
 * @param docker the sections per scope, in file order
 */
public record SignatureStores(Optional<Store> defaultDocker, Map<String, Store> docker) {

  private static final Set<String> SCHEMES = Set.of("http", "https", "file");

  /**
   * One section, or the settings that apply to an image.
   *
   * @param lookaside where signatures are read: {@code http(s)://} or {@code file://}; a signature
   *     of {@code host/repo@sha256:hex} is {@code <lookaside>/repo@sha256=hex/signature-N}
   * @param lookasideStaging where new signatures are written instead of {@code lookaside} (a copy
   *     with {@code copySignatures()} writes to a {@code file://} one)
   * @param useSigstoreAttachments whether sigstore signatures are read from the registry as {@code
   *     sha256-<hex>.sig} tags; empty when not set. containers/image then reads none;
   *     registry-client reads them unless this says {@code false} (a {@code sigstoreSigned}
   *     requirement can only be met by a signature made with one of its keys, so reading them never
   *     loosens a policy)
   */
  public record Store(
      Optional<URI> lookaside,
      Optional<URI> lookasideStaging,
      Optional<Boolean> useSigstoreAttachments) {
    /**
     * Checks the URLs.
     *
     * @param lookaside where signatures are read: {@code http(s)://} or {@code file://}; a
     *     signature of {@code host/repo@sha256:hex} is {@code
     *     <lookaside>/repo@sha256=hex/signature-N}
     * @param lookasideStaging where new signatures are written instead of {@code lookaside} (a copy
     *     with {@code copySignatures()} writes to a {@code file://} one)
     * @param useSigstoreAttachments whether sigstore signatures are read from the registry as
     *     {@code sha256-<hex>.sig} tags; empty when not set. containers/image then reads none;
     *     registry-client reads them unless this says {@code false} (a {@code sigstoreSigned}
     *     requirement can only be met by a signature made with one of its keys, so reading them
     *     never loosens a policy)
     * @throws IllegalArgumentException if a URL is not absolute {@code http}, {@code https} or
     *     {@code file}, or holds a user name or password
     */
    public Store {
      lookaside.ifPresent(u -> checkUrl("lookaside", u));
      lookasideStaging.ifPresent(u -> checkUrl("lookaside-staging", u));
      Objects.requireNonNull(useSigstoreAttachments, "useSigstoreAttachments");
    }

    /**
     * A section with only a lookaside URL to read from.
     *
     * @param uri where signatures are read: an absolute {@code http}, {@code https} or {@code file}
     *     URL
     * @return a section with no staging URL and {@code use-sigstore-attachments} not set
     * @throws IllegalArgumentException if the URL is not acceptable (see the constructor)
     */
    public static Store lookaside(URI uri) {
      return new Store(Optional.of(uri), Optional.empty(), Optional.empty());
    }

    /**
     * Whether containers/image reads sigstore attachments: {@link #useSigstoreAttachments()}, else
     * false.
     *
     * @return the {@code use-sigstore-attachments} value, or {@code false} when not set
     */
    public boolean readsSigstoreAttachments() {
      return useSigstoreAttachments.orElse(false);
    }
  }

  /**
   * Copies the map, keeping its order.
   *
   * @param defaultDocker the {@code default-docker} section, if any
   * @param docker the sections per scope, in file order
   */
  public SignatureStores {
    Objects.requireNonNull(defaultDocker, "defaultDocker");
    docker = Collections.unmodifiableMap(new LinkedHashMap<>(docker));
  }

  /**
   * No configuration: no lookaside, sigstore attachments not set.
   *
   * @return a configuration with no sections
   */
  public static SignatureStores none() {
    return new SignatureStores(Optional.empty(), Map.of());
  }

  /**
   * A configuration of a default section and scoped sections.
   *
   * @param defaultDocker the {@code default-docker} section, if any
   * @param docker the sections per scope, in file order (copied)
   * @return the configuration
   */
  public static SignatureStores of(Optional<Store> defaultDocker, Map<String, Store> docker) {
    return new SignatureStores(defaultDocker, docker);
  }

  /**
   * The settings for {@code image}, each from the most specific section that sets it; empty when no
   * section covers the image. containers/image looks this up for the reference it actually pulls
   * from (a mirror's, when pulling from a mirror), and the policy for the reference asked for.
   *
   * <p>{@code lookaside} is the first {@code lookaside} found; {@code lookasideStaging} is set only
   * when the first section that names either URL has a staging one (otherwise signatures would be
   * written to {@code lookaside}).
   *
   * @param image the image reference to look up
   * @return the merged settings, or empty
   */
  public Optional<Store> storeFor(ImageReference image) {
    List<Store> sections = new ArrayList<>();
    for (String candidate : DockerScopes.candidates(image)) {
      Store found = docker.get(candidate);
      if (found != null) {
        sections.add(found);
      }
    }
    defaultDocker.ifPresent(sections::add);
    if (sections.isEmpty()) {
      return Optional.empty();
    }
    Optional<URI> read = Optional.empty();
    Optional<URI> write = Optional.empty();
    Optional<Boolean> attachments = Optional.empty();
    boolean writeDecided = false;
    for (Store section : sections) {
      read = read.or(section::lookaside);
      attachments = attachments.or(section::useSigstoreAttachments);
      if (!writeDecided
          && (section.lookasideStaging.isPresent() || section.lookaside.isPresent())) {
        write = section.lookasideStaging;
        writeDecided = true;
      }
    }
    return Optional.of(new Store(read, write, attachments));
  }

  private static void checkUrl(String key, URI uri) {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    String authority = uri.getRawAuthority();
    if (uri.getRawUserInfo() != null || (authority != null && authority.contains("@"))) {
      // never repeat the URL: the password would end up in a log
      throw new IllegalArgumentException(
          key + " " + scheme + "://***@...: a user name or password in it is not supported");
    }
    if (!SCHEMES.contains(scheme) || uri.isOpaque()) {
      throw new IllegalArgumentException(
          key + " " + uri + " is not an absolute http://, https:// or file:// URL");
    }
    if (scheme.equals("file")
        && uri.getRawAuthority() != null
        && !uri.getRawAuthority().equals("localhost")) {
      throw new IllegalArgumentException(
          key + " " + uri + ": a file URL names no host (file:///path)");
    }
    if (!scheme.equals("file") && uri.getHost() == null) {
      throw new IllegalArgumentException(key + " " + uri + " names no host");
    }
  }
}
