package dev.registryclient.core.config;

import dev.registryclient.api.exception.ConfigurationException;
import dev.registryclient.api.trust.SignatureStores;
import dev.registryclient.api.trust.SignatureStores.Store;
import dev.registryclient.core.auth.credentials.Environment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a {@code containers-registries.d(5)} directory, where podman and skopeo find the lookaside
 * servers that hold simple-signing signatures (Red Hat's, for one), into {@link SignatureStores}.
 *
 * <pre>{@code
 * SignatureStores stores = RegistriesD.load();   // the directory podman would read
 * // registry.redhat.io.yaml:  docker: {registry.redhat.io: {sigstore: https://registry.redhat.io/containers/sigstore}}
 * stores.storeFor(ImageReference.parse("registry.redhat.io/ubi9/ubi:9.4"))
 *     .flatMap(SignatureStores.Store::lookaside);   // https://registry.redhat.io/containers/sigstore
 * }</pre>
 *
 * <p>{@link #load()} reads {@code ~/.config/containers/registries.d} if it exists, else {@code
 * /etc/containers/registries.d}; a missing directory configures nothing. Every {@code *.yaml} file
 * in it is read (in name order; other files are skipped) and merged: {@code default-docker} may be
 * set in one file only, and each {@code docker} scope too, else the error names both files. URLs
 * must be {@code http}, {@code https} or {@code file} (without user name or password). Each file is
 * capped at 1 MiB; errors name the file and line. containers/image's built-in default lookaside
 * ({@code /var/lib/containers/sigstore}, or {@code ~/.local/share/containers/sigstore}, used when
 * nothing is configured) is not applied.
 */
public final class RegistriesD {
  /** The directory name, in {@code /etc/containers} and {@code ~/.config/containers}. */
  public static final String DIRECTORY = "registries.d";

  private static final Logger LOG = LoggerFactory.getLogger(RegistriesD.class);

  private RegistriesD() {}

  /**
   * The configuration podman would use on this machine, for this user.
   *
   * @return the signature stores configured for this user
   */
  public static SignatureStores load() {
    return load(Environment.system());
  }

  /**
   * The configuration for this environment's home directory, else {@code /etc/containers}.
   *
   * @param environment supplies the home directory
   * @return the signature stores configured there
   */
  public static SignatureStores load(Environment environment) {
    return load(environment, RegistriesConf.SYSTEM_DIRECTORY);
  }

  /**
   * The configuration for this environment with system-wide files under {@code systemDirectory}
   * instead of {@code /etc/containers}: for tests, containers and chroots.
   *
   * @param environment supplies the home directory
   * @param systemDirectory the directory to use instead of {@code /etc/containers}
   * @return the signature stores configured there
   */
  public static SignatureStores load(Environment environment, Path systemDirectory) {
    return read(directory(environment, systemDirectory));
  }

  /**
   * The directory {@link #load(Environment, Path)} reads.
   *
   * @param environment supplies the home directory
   * @param systemDirectory the directory to use instead of {@code /etc/containers}
   * @return the user's {@code registries.d} if it exists, else the system one
   */
  public static Path directory(Environment environment, Path systemDirectory) {
    Path user = environment.home().resolve(".config").resolve("containers").resolve(DIRECTORY);
    return Files.exists(user) ? user : systemDirectory.resolve(DIRECTORY);
  }

  /**
   * The {@code *.yaml} files of a directory, merged; nothing if the directory does not exist.
   *
   * @param directory the directory to read
   * @return the signature stores its files configure
   * @throws ConfigurationException if a file is unreadable, over 1 MiB or invalid, or two files
   *     configure the same scope
   */
  public static SignatureStores read(Path directory) {
    List<Path> files;
    try (Stream<Path> entries = Files.list(directory)) {
      files =
          entries
              .filter(p -> p.getFileName().toString().endsWith(".yaml"))
              .sorted((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()))
              .toList();
    } catch (NoSuchFileException e) {
      return SignatureStores.none();
    } catch (IOException e) {
      throw ConfigFile.error(directory.toString(), "cannot list the directory: " + e);
    }
    LOG.debug("reading signature storage configuration from {}: {}", directory, files);
    Merged merged = new Merged();
    for (Path file : files) {
      // a file removed since the listing is skipped, as containers/image skips it
      ConfigFile.readIfExists(file)
          .ifPresent(text -> merged.add(RegistriesDFile.parse(text, file.toString())));
    }
    return merged.stores();
  }

  /**
   * One {@code registries.d} file's text.
   *
   * @param origin what to call it in error messages
   * @param yaml the file's text
   * @return the signature stores it configures
   * @throws ConfigurationException if the text is over 1 MiB or not a valid {@code registries.d}
   *     file
   */
  public static SignatureStores parse(String yaml, String origin) {
    if (yaml.length() > ConfigFile.MAX_SIZE) {
      throw ConfigFile.error(origin, "larger than 1 MiB, not a configuration file");
    }
    Merged merged = new Merged();
    merged.add(RegistriesDFile.parse(yaml, origin));
    return merged.stores();
  }

  /** The sections of the files read so far; a scope may come from one file only. */
  private static final class Merged {
    private Optional<RegistriesDFile.Section> defaultDocker = Optional.empty();
    private final Map<String, RegistriesDFile.Section> docker = new LinkedHashMap<>();

    void add(RegistriesDFile file) {
      if (file.defaultDocker().isPresent()) {
        defaultDocker.ifPresent(
            first -> conflict("default-docker", first, file.defaultDocker().get()));
        defaultDocker = file.defaultDocker();
      }
      for (RegistriesDFile.Section section : file.docker()) {
        RegistriesDFile.Section first = docker.putIfAbsent(section.scope(), section);
        if (first != null) {
          conflict("docker scope \"" + section.scope() + "\"", first, section);
        }
      }
    }

    private static void conflict(
        String what, RegistriesDFile.Section first, RegistriesDFile.Section second) {
      throw ConfigFile.error(
          second.origin(),
          second.line(),
          what
              + " is also configured in "
              + first.place()
              + "; a scope may be configured in one file only");
    }

    SignatureStores stores() {
      Map<String, Store> sections = new LinkedHashMap<>();
      docker.forEach((scope, section) -> sections.put(scope, section.store()));
      return SignatureStores.of(defaultDocker.map(RegistriesDFile.Section::store), sections);
    }
  }
}
