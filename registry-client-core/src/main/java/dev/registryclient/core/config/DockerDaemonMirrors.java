package dev.registryclient.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.registryclient.api.ImageReference;
import dev.registryclient.api.config.MirrorRule;
import dev.registryclient.api.config.PullFromMirror;
import dev.registryclient.api.config.RegistryConfig;
import dev.registryclient.api.config.RegistryRule;
import dev.registryclient.core.internal.json.Json;
import dev.registryclient.core.internal.json.JsonException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Docker's pull-through mirrors, {@code "registry-mirrors"} in {@code daemon.json}, as a {@link
 * RegistryConfig}: one rule for {@code docker.io} whose mirrors are tried in order, for pulls by
 * tag and by digest, before Docker Hub. Docker uses them for Docker Hub only, and so does this.
 *
 * <pre>{@code
 * // {"registry-mirrors": ["https://mirror.gcr.io", "http://10.0.0.5:5000"]}
 * RegistryConfig hub = DockerDaemonMirrors.read(Path.of("/etc/docker/daemon.json"));
 * // docker.io/library/alpine:3 -> mirror.gcr.io/library/alpine:3, 10.0.0.5:5000/library/alpine:3
 * //                               (plain http), docker.io/library/alpine:3
 * }</pre>
 *
 * <p>Each mirror is a URL as Docker accepts it: {@code http} or {@code https}, no path, query,
 * fragment or user info; an {@code http} mirror is insecure (plain http allowed). Other keys of
 * {@code daemon.json} are ignored ({@code insecure-registries} included: mark such a mirror with an
 * {@code http} URL).
 */
public final class DockerDaemonMirrors {
  /** Where dockerd reads its configuration on Linux. */
  public static final Path DEFAULT_FILE = Path.of("/etc/docker/daemon.json");

  private DockerDaemonMirrors() {}

  /**
   * The mirrors of a {@code daemon.json}.
   *
   * @param file the {@code daemon.json} file
   * @return its {@code registry-mirrors}, as mirrors of Docker Hub
   * @throws dev.registryclient.api.exception.ConfigurationException if the file is missing, not
   *     JSON, or a mirror is not an acceptable URL
   */
  public static RegistryConfig read(Path file) {
    return parse(ConfigFile.read(file), file.toString());
  }

  /**
   * The mirrors of a {@code daemon.json} text.
   *
   * @param origin what to call it in error messages
   * @param json the file's text
   * @return its {@code registry-mirrors}, as mirrors of Docker Hub
   */
  public static RegistryConfig parse(String json, String origin) {
    ObjectNode root;
    try {
      root = Json.parseObject(json);
    } catch (JsonException e) {
      throw ConfigFile.error(origin, "not a JSON object: " + e.getMessage());
    }
    JsonNode list = root.path("registry-mirrors");
    if (list.isMissingNode() || list.isNull()) {
      return RegistryConfig.none();
    }
    if (!list.isArray()) {
      throw ConfigFile.error(origin, "registry-mirrors must be an array of URLs");
    }
    List<MirrorRule> mirrors = new ArrayList<>();
    for (JsonNode item : list) {
      if (!item.isTextual()) {
        throw ConfigFile.error(origin, "registry-mirrors must hold URL strings only");
      }
      mirrors.add(mirror(item.textValue(), origin));
    }
    if (mirrors.isEmpty()) {
      return RegistryConfig.none();
    }
    return RegistryConfig.of(
        List.of(
            new RegistryRule(ImageReference.DOCKER_HUB, Optional.empty(), false, false, mirrors)));
  }

  private static MirrorRule mirror(String value, String origin) {
    URI uri;
    try {
      uri = new URI(value.strip());
    } catch (URISyntaxException e) {
      throw ConfigFile.error(origin, "registry mirror is not a URL: " + e.getReason());
    }
    String shown = withoutUserInfo(uri);
    String scheme = uri.getScheme() == null ? "" : uri.getScheme();
    if (!scheme.equals("https") && !scheme.equals("http")) {
      throw ConfigFile.error(
          origin, "registry mirror " + shown + ": the scheme must be https or http");
    }
    if (uri.getRawUserInfo() != null) {
      throw ConfigFile.error(
          origin, "registry mirror " + shown + ": user name and password are not allowed in it");
    }
    String path = uri.getRawPath() == null ? "" : uri.getRawPath();
    if (!(path.isEmpty() || path.equals("/"))
        || uri.getRawQuery() != null
        || uri.getRawFragment() != null) {
      throw ConfigFile.error(
          origin, "registry mirror " + shown + ": a path, query or fragment is not allowed");
    }
    if (uri.getHost() == null) {
      throw ConfigFile.error(origin, "registry mirror " + shown + ": no host");
    }
    String hostAndPort = uri.getRawAuthority();
    try {
      return new MirrorRule(hostAndPort, scheme.equals("http"), PullFromMirror.ALL);
    } catch (IllegalArgumentException e) {
      throw ConfigFile.error(origin, "registry mirror " + shown + ": " + e.getMessage());
    }
  }

  /** The URL for messages: a password in it must not be repeated. */
  private static String withoutUserInfo(URI uri) {
    if (uri.getRawUserInfo() == null) {
      return uri.toString();
    }
    return uri.getScheme()
        + "://***@"
        + uri.getHost()
        + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
  }
}
