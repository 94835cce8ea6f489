package dev.registryclient.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.registryclient.api.Digest;
import dev.registryclient.testkit.distribution.ExternalTool;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Small images made by the real tools: umoci builds OCI layouts, skopeo pushes and inspects. The
 * SDK is never used to make what it is tested against.
 */
final class Images {
  static final Duration TOOL_TIMEOUT = Duration.ofSeconds(60);
  private static final ObjectMapper JSON = new ObjectMapper();

  private Images() {}

  /** Adds tag {@code tag} to the layout {@code dir/layout}: one layer with {@code /hello.txt}. */
  static Path helloLayout(Path dir, String tag, String content) {
    return fileLayout(dir, tag, "hello.txt", content.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Adds tag {@code tag} to the layout {@code dir/layout}: one layer with the file {@code /name}
   * holding {@code content}.
   */
  static Path fileLayout(Path dir, String tag, String name, byte[] content) {
    Path layout = dir.resolve("layout");
    ExternalTool umoci = ExternalTool.umoci();
    try {
      if (!Files.exists(layout)) {
        umoci.runOrFail(TOOL_TIMEOUT, "init", "--layout", layout.toString());
      }
      umoci.runOrFail(TOOL_TIMEOUT, "new", "--image", layout + ":" + tag);
      Path file = Files.write(dir.resolve(tag + "-" + name), content);
      umoci.runOrFail(
          TOOL_TIMEOUT, "insert", "--image", layout + ":" + tag, file.toString(), "/" + name);
      return layout;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Adds tag {@code indexTag} to {@code layout}: an OCI index of the images tagged {@code amd64}
   * and {@code arm64} there, for linux on those architectures.
   */
  static void addIndex(Path layout, String indexTag) {
    try {
      Path indexJson = layout.resolve("index.json");
      ObjectNode top = (ObjectNode) JSON.readTree(indexJson.toFile());
      ObjectNode index = JSON.createObjectNode();
      index.put("schemaVersion", 2);
      index.put("mediaType", "application/vnd.oci.image.index.v1+json");
      ArrayNode manifests = index.putArray("manifests");
      for (String arch : List.of("amd64", "arm64")) {
        ObjectNode entry = findTag(top, arch).deepCopy();
        entry.remove("annotations");
        entry.putObject("platform").put("architecture", arch).put("os", "linux");
        manifests.add(entry);
      }
      byte[] bytes = JSON.writeValueAsBytes(index);
      Digest digest = Digest.sha256(bytes);
      Files.write(layout.resolve("blobs/sha256/" + digest.hex()), bytes);
      ObjectNode entry = ((ArrayNode) top.get("manifests")).addObject();
      entry.put("mediaType", "application/vnd.oci.image.index.v1+json");
      entry.put("digest", digest.toString());
      entry.put("size", bytes.length);
      entry.putObject("annotations").put("org.opencontainers.image.ref.name", indexTag);
      Files.write(indexJson, JSON.writeValueAsBytes(top));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ObjectNode findTag(JsonNode index, String tag) {
    for (JsonNode m : index.get("manifests")) {
      if (tag.equals(m.path("annotations").path("org.opencontainers.image.ref.name").asText())) {
        return (ObjectNode) m;
      }
    }
    throw new IllegalStateException("no tag " + tag + " in " + index);
  }

  /** {@code skopeo copy} from {@code layout:tag} to {@code docker://target} over plain http. */
  static void push(Path layout, String tag, String target, String... options) {
    List<String> args = new ArrayList<>(List.of("copy", "--dest-tls-verify=false"));
    args.addAll(List.of(options));
    args.add("oci:" + layout + ":" + tag);
    args.add("docker://" + target);
    skopeo(args.toArray(String[]::new));
  }

  /**
   * The exact manifest bytes skopeo reads for {@code imageRef} ({@code docker://...}), with more
   * {@code options} for {@code skopeo inspect} (e.g. {@code --creds=user:password}).
   */
  static byte[] rawManifest(String imageRef, String... options) {
    List<String> args = new ArrayList<>(List.of("inspect", "--raw", "--tls-verify=false"));
    args.addAll(List.of(options));
    args.add(imageRef);
    ExternalTool.Run run = ExternalTool.skopeo().run(TOOL_TIMEOUT, args.toArray(String[]::new));
    if (run.exitCode() != 0) {
      throw new IllegalStateException("skopeo inspect --raw " + imageRef + ": " + run.output());
    }
    return run.output().getBytes(StandardCharsets.UTF_8);
  }

  /**
   * What other tools make of a registry image: {@code skopeo copy} of {@code imageRef} ({@code
   * docker://...}, for an index its linux/amd64 image) into an OCI layout in {@code dir}, then
   * {@code umoci unpack} of that. {@code copyOptions} go to {@code skopeo copy} (e.g. {@code
   * --src-creds=user:password}). Returns the unpacked root filesystem.
   */
  static Path copyAndUnpack(String imageRef, Path dir, String... copyOptions) {
    Path layout = dir.resolve("copied");
    List<String> args =
        new ArrayList<>(
            List.of(
                "--override-os",
                "linux",
                "--override-arch",
                "amd64",
                "copy",
                "--src-tls-verify=false"));
    args.addAll(List.of(copyOptions));
    args.add(imageRef);
    args.add("oci:" + layout + ":it");
    skopeo(args.toArray(String[]::new));
    Path bundle = dir.resolve("bundle");
    umoci("unpack", "--rootless", "--image", layout + ":it", bundle.toString());
    return bundle.resolve("rootfs");
  }

  /** Runs skopeo and returns its output, failing on a non-zero exit. */
  static String skopeo(String... args) {
    return ExternalTool.skopeo().runOrFail(TOOL_TIMEOUT, args);
  }

  /** Runs umoci and returns its output, failing on a non-zero exit. */
  static String umoci(String... args) {
    return ExternalTool.umoci().runOrFail(TOOL_TIMEOUT, args);
  }
}
