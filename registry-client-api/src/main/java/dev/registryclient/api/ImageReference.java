package dev.registryclient.api;

import java.util.Objects;
import java.util.Optional;

/**
 * A reference to an image, {@code [registry[:port]/]repository[:tag][@digest]}, parsed and
 * normalised like {@code docker pull} does (the grammar of github.com/distribution/reference).
 *
 * <pre>{@code
 * ImageReference ref = ImageReference.parse("ubuntu:22.04");
 * ref.registry();        // "docker.io"
 * ref.repository();      // "library/ubuntu"
 * ref.registryApiHost(); // "registry-1.docker.io"
 * ref.reference();       // "22.04", what goes into /v2/library/ubuntu/manifests/22.04
 * ref.toString();        // "docker.io/library/ubuntu:22.04"
 * }</pre>
 *
 * <p>Normalisation: the first path component is the registry only if it contains {@code '.'} or
 * {@code ':'}, is {@code localhost}, or has an upper-case letter (as in distribution); otherwise
 * the registry is {@code docker.io}. {@code index.docker.io} becomes {@code docker.io}, and a
 * one-component Docker Hub repository gets the {@code library/} prefix. No default tag is invented:
 * {@link #tag()} is empty unless the input names one, and {@link #reference()} falls back to {@code
 * latest}. A reference may hold both a tag and a digest; the digest then decides what is pulled.
 *
 * <p>Rules beyond the grammar, as distribution has them: registry plus repository is at most 255
 * characters, a bare 64-character hex string is rejected (it looks like an image ID), and only the
 * digest algorithms {@link Digest} supports are accepted. {@link #toString()} is the canonical
 * fully-qualified form and {@code parse(ref.toString()).equals(ref)} always holds.
 */
public final class ImageReference {
  /** The registry Docker Hub images are named with. */
  public static final String DOCKER_HUB = "docker.io";

  private static final String DOCKER_HUB_API_HOST = "registry-1.docker.io";
  static final String OFFICIAL_PREFIX = "library/";
  private static final String DEFAULT_TAG = "latest";

  private final String registry;
  private final String repository;
  private final String tag;
  private final Digest digest;

  ImageReference(String registry, String repository, String tag, Digest digest) {
    this.registry = registry;
    this.repository = repository;
    this.tag = tag;
    this.digest = digest;
  }

  /**
   * Parses and normalises a reference such as {@code ubuntu}, {@code ghcr.io/org/app:1.2} or {@code
   * localhost:5000/app@sha256:...}.
   *
   * @param value the reference to parse
   * @return the normalised reference
   * @throws IllegalArgumentException if {@code value} is not a valid reference, quoting it and the
   *     rule it breaks
   */
  public static ImageReference parse(String value) {
    return ReferenceParser.parse(value);
  }

  /**
   * The reference to {@code repository} on {@code registry}, without tag or digest.
   *
   * @param registry {@code host[:port]}; must be recognisable as a registry when printed (contain
   *     {@code '.'} or {@code ':'}, or be {@code localhost})
   * @param repository the repository path, e.g. {@code org/app}
   * @return the reference
   * @throws IllegalArgumentException if either part breaks the grammar
   */
  public static ImageReference of(String registry, String repository) {
    return ReferenceParser.of(registry, repository);
  }

  /**
   * The registry as named, e.g. {@code docker.io}, {@code ghcr.io}, {@code localhost:5000}.
   *
   * @return the registry, {@code host[:port]}
   */
  public String registry() {
    return registry;
  }

  /**
   * The {@code host[:port]} to send API requests to: {@code registry-1.docker.io} for Docker Hub,
   * otherwise {@link #registry()}.
   *
   * @return the API {@code host[:port]}
   */
  public String registryApiHost() {
    return isDockerHub() ? DOCKER_HUB_API_HOST : registry;
  }

  /**
   * Whether this image lives on Docker Hub.
   *
   * @return {@code true} if the registry is {@value #DOCKER_HUB}
   */
  public boolean isDockerHub() {
    return registry.equals(DOCKER_HUB);
  }

  /**
   * The repository path, e.g. {@code library/ubuntu}.
   *
   * @return the repository path
   */
  public String repository() {
    return repository;
  }

  /**
   * The tag, if the reference names one.
   *
   * @return the tag, or empty
   */
  public Optional<String> tag() {
    return Optional.ofNullable(tag);
  }

  /**
   * The digest, if the reference names one.
   *
   * @return the digest, or empty
   */
  public Optional<Digest> digest() {
    return Optional.ofNullable(digest);
  }

  /**
   * What goes into {@code /v2/<repository>/manifests/<reference>}: the digest if present, else the
   * tag, else {@code latest}.
   *
   * @return the digest string, the tag or {@code latest}
   */
  public String reference() {
    if (digest != null) {
      return digest.toString();
    }
    return tag != null ? tag : DEFAULT_TAG;
  }

  /**
   * {@code registry/repository}, e.g. {@code docker.io/library/ubuntu}.
   *
   * @return the registry and repository, without tag or digest
   */
  public String name() {
    return registry + "/" + repository;
  }

  /**
   * This reference with {@code tag}, keeping any digest.
   *
   * @param tag the new tag, replacing any tag
   * @return a reference with {@code tag}
   * @throws IllegalArgumentException if {@code tag} is not a valid tag
   */
  public ImageReference withTag(String tag) {
    Objects.requireNonNull(tag, "tag");
    ReferenceParser.check(name() + ":" + tag, ReferenceGrammar.tagProblem(tag));
    return new ImageReference(registry, repository, tag, digest);
  }

  /**
   * This reference with {@code digest}, keeping any tag.
   *
   * @param digest the new digest, replacing any digest
   * @return a reference with {@code digest}
   */
  public ImageReference withDigest(Digest digest) {
    return new ImageReference(registry, repository, tag, Objects.requireNonNull(digest, "digest"));
  }

  /**
   * This reference without tag and digest.
   *
   * @return a reference to the repository only
   */
  public ImageReference withoutTagOrDigest() {
    return new ImageReference(registry, repository, null, null);
  }

  /**
   * The short name {@code docker} shows: {@code ubuntu} for {@code docker.io/library/ubuntu},
   * {@code org/app} for {@code docker.io/org/app}, otherwise {@link #name()}. Docker Hub names
   * whose first component would read as a registry ({@code docker.io/my.org/app}) keep the prefix,
   * so the familiar form always parses back to this reference.
   *
   * @return the short name, without tag or digest
   */
  public String familiarName() {
    int slash = repository.indexOf('/');
    if (!isDockerHub()
        || slash < 0
        || ReferenceParser.looksLikeRegistry(repository.substring(0, slash))) {
      return name();
    }
    if (repository.startsWith(OFFICIAL_PREFIX)
        && repository.indexOf('/', OFFICIAL_PREFIX.length()) < 0) {
      return repository.substring(OFFICIAL_PREFIX.length());
    }
    return repository;
  }

  /**
   * {@link #familiarName()} with tag and digest, e.g. {@code ubuntu:22.04}.
   *
   * @return the short name with tag and digest, as {@code docker} prints it
   */
  public String familiarString() {
    return familiarName() + suffix();
  }

  private String suffix() {
    return (tag != null ? ":" + tag : "") + (digest != null ? "@" + digest : "");
  }

  /** The canonical form, e.g. {@code docker.io/library/ubuntu:22.04}; {@link #parse} reads it. */
  @Override
  public String toString() {
    return name() + suffix();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ImageReference other
        && registry.equals(other.registry)
        && repository.equals(other.repository)
        && Objects.equals(tag, other.tag)
        && Objects.equals(digest, other.digest);
  }

  @Override
  public int hashCode() {
    return Objects.hash(registry, repository, tag, digest);
  }
}
