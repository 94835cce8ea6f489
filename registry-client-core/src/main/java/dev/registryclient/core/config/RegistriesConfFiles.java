package dev.registryclient.core.config;

import dev.registryclient.core.auth.credentials.Environment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Which files make up the registries configuration, as containers/image's {@code newConfigWrapper}
 * and {@code dropInConfigs} decide:
 *
 * <ol>
 *   <li>{@code $CONTAINERS_REGISTRIES_CONF} (else the older {@code $REGISTRIES_CONFIG_PATH}) when
 *       set: that file, which must exist, then the drop-ins of both directories below;
 *   <li>else {@code ~/.config/containers/registries.conf} if it exists, then only the drop-ins of
 *       {@code ~/.config/containers/registries.conf.d};
 *   <li>else {@code /etc/containers/registries.conf} if it exists, then the drop-ins of {@code
 *       /etc/containers/registries.conf.d} and of {@code ~/.config/containers/registries.conf.d}.
 * </ol>
 *
 * Drop-ins are the {@code *.conf} files directly in a directory, in lexical order of their names; a
 * missing directory has none.
 *
 * @param main the main file
 * @param mainRequired whether a missing main file is an error (it was named explicitly)
 * @param dropInDirectories the drop-in directories, in the order they are read
 */
record RegistriesConfFiles(Path main, boolean mainRequired, List<Path> dropInDirectories) {
  static final String FILE = "registries.conf";
  static final String DROP_INS = "registries.conf.d";

  static RegistriesConfFiles locate(Environment environment, Path systemDirectory) {
    Path userDirectory = environment.home().resolve(".config").resolve("containers");
    List<Path> both = List.of(systemDirectory.resolve(DROP_INS), userDirectory.resolve(DROP_INS));
    var explicit =
        environment
            .variable("CONTAINERS_REGISTRIES_CONF")
            .or(() -> environment.variable("REGISTRIES_CONFIG_PATH"));
    if (explicit.isPresent()) {
      return new RegistriesConfFiles(Path.of(explicit.get()), true, both);
    }
    Path userFile = userDirectory.resolve(FILE);
    if (Files.exists(userFile)) {
      return new RegistriesConfFiles(userFile, true, List.of(userDirectory.resolve(DROP_INS)));
    }
    return new RegistriesConfFiles(systemDirectory.resolve(FILE), false, both);
  }

  /** The drop-in files, in the order they are merged. */
  List<Path> dropIns() {
    List<Path> files = new ArrayList<>();
    for (Path directory : dropInDirectories) {
      try (Stream<Path> entries = Files.list(directory)) {
        entries
            .filter(p -> p.getFileName().toString().endsWith(".conf"))
            .filter(p -> !Files.isDirectory(p))
            .sorted((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()))
            .forEach(files::add);
      } catch (NoSuchFileException | NotDirectoryException e) {
        // most systems have no registries.conf.d, and most users none in their home
      } catch (IOException e) {
        throw ConfigFile.error(directory.toString(), "cannot list the drop-in directory: " + e);
      }
    }
    return files;
  }
}
