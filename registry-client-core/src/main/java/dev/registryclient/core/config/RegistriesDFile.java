package dev.registryclient.core.config;

import dev.registryclient.api.trust.SignatureStores.Store;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One {@code registries.d} YAML file, read as containers/image's {@code registryConfiguration}:
 * {@code default-docker} and the {@code docker} sections; {@code lookaside} (else the older {@code
 * sigstore}), {@code lookaside-staging} (else {@code sigstore-staging}) and {@code
 * use-sigstore-attachments}. An empty value or {@code null} is unset, as in Go; unknown keys are
 * logged at debug level, as Go's YAML reader skips them.
 *
 * @param defaultDocker the {@code default-docker} section, if set to something other than null
 * @param docker the {@code docker} sections, in file order
 */
record RegistriesDFile(Optional<Section> defaultDocker, List<Section> docker) {
  private static final Logger LOG = LoggerFactory.getLogger(RegistriesDFile.class);

  /** A section and where it is (the line of its key). */
  record Section(String scope, Store store, String origin, OptionalInt line) {
    String place() {
      return origin + (line.isPresent() ? ", line " + line.getAsInt() : "");
    }
  }

  static RegistriesDFile parse(String yaml, String origin) {
    Located root = LocatedTree.yaml(yaml, origin);
    Optional<Section> defaultDocker = Optional.empty();
    List<Section> docker = new ArrayList<>();
    if (root.isNull()) {
      return new RegistriesDFile(defaultDocker, docker);
    }
    for (Map.Entry<String, Located> member : root.members("a registries.d file")) {
      Located value = member.getValue();
      switch (member.getKey()) {
        case "default-docker" -> {
          if (!value.isNull()) { // as Go leaves a nil pointer for "default-docker:" alone
            defaultDocker = Optional.of(section("default-docker", value));
          }
        }
        case "docker" -> {
          if (!value.isNull()) {
            for (Map.Entry<String, Located> scope : value.members("docker")) {
              docker.add(section(scope.getKey(), scope.getValue()));
            }
          }
        }
        default -> unknown(value);
      }
    }
    return new RegistriesDFile(defaultDocker, docker);
  }

  private static Section section(String scope, Located value) {
    Optional<URI> lookaside = Optional.empty();
    Optional<URI> sigstore = Optional.empty();
    Optional<URI> staging = Optional.empty();
    Optional<URI> sigstoreStaging = Optional.empty();
    Optional<Boolean> attachments = Optional.empty();
    List<Map.Entry<String, Located>> members =
        value.isNull() ? List.of() : value.members("a section");
    for (Map.Entry<String, Located> member : members) {
      Located setting = member.getValue();
      switch (member.getKey()) {
        case "lookaside" -> lookaside = url(setting, true);
        case "sigstore" -> sigstore = url(setting, true);
        case "lookaside-staging" -> staging = url(setting, false);
        case "sigstore-staging" -> sigstoreStaging = url(setting, false);
        case "use-sigstore-attachments" -> {
          if (!setting.isNull() && !setting.node().isBoolean()) {
            throw setting.error(
                "use-sigstore-attachments must be true or false, not " + setting.kind());
          }
          attachments =
              setting.isNull() ? Optional.empty() : Optional.of(setting.node().booleanValue());
        }
        default -> unknown(setting);
      }
    }
    if (lookaside.isPresent() && sigstore.isPresent()) {
      LOG.debug(
          "{}: {}: lookaside is used, sigstore (its older name) is ignored",
          value.document().origin(),
          value.path());
    }
    Store store =
        new Store(
            lookaside.isPresent() ? lookaside : sigstore,
            staging.isPresent() ? staging : sigstoreStaging,
            attachments);
    return new Section(scope, store, value.document().origin(), value.line());
  }

  /** A store URL; empty or null is unset. */
  private static Optional<URI> url(Located value, boolean read) {
    if (value.isNull()) {
      return Optional.empty();
    }
    String text = value.text("a signature store URL");
    if (text.isEmpty()) {
      return Optional.empty();
    }
    URI uri;
    try {
      uri = new URI(text);
    } catch (URISyntaxException e) {
      throw value.error("not a URL: " + e.getReason());
    }
    try {
      Store one =
          read
              ? Store.lookaside(uri)
              : new Store(Optional.empty(), Optional.of(uri), Optional.empty());
      return read ? one.lookaside() : one.lookasideStaging();
    } catch (IllegalArgumentException e) {
      throw value.error(e.getMessage());
    }
  }

  private static void unknown(Located value) {
    LOG.debug("{}: ignoring unknown key {}", value.document().origin(), value.path());
  }
}
