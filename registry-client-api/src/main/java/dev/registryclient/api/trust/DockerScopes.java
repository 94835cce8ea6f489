package dev.registryclient.api.trust;

import dev.registryclient.api.ImageReference;
import java.util.ArrayList;
import java.util.List;

/**
 * The identity of an image and the scopes that may name it, most specific first, as
 * containers/image computes them for {@code policy.json} and {@code registries.d} alike ({@code
 * PolicyConfigurationIdentity} and {@code PolicyConfigurationNamespaces} of its docker transport).
 */
final class DockerScopes {
  private static final String DEFAULT_TAG = "latest";

  private DockerScopes() {}

  /**
   * What the image is known as to the policy: with {@code latest} when the reference names neither
   * tag nor digest (containers/image's docker transport adds it when parsing), and without the tag
   * when it names both (podman drops it, as docker does: the digest decides what is pulled).
   */
  static ImageReference identity(ImageReference image) {
    if (image.digest().isPresent()) {
      return image.tag().isPresent()
          ? image.withoutTagOrDigest().withDigest(image.digest().get())
          : image;
    }
    return image.tag().isPresent() ? image : image.withTag(DEFAULT_TAG);
  }

  /**
   * The scopes that apply to {@code image}, most specific first: {@code host/ns/repo:tag} (or
   * {@code @digest}), {@code host/ns/repo}, {@code host/ns}, {@code host[:port]}, then {@code
   * *.}-wildcards of the host without its port, longest first ({@code *.b.example.com}, {@code
   * *.example.com}, {@code *.com} for {@code a.b.example.com}). The host itself never matches a
   * wildcard, and a port-less host scope never matches a host with a port.
   */
  static List<String> candidates(ImageReference image) {
    List<String> names = new ArrayList<>();
    names.add(identity(image).toString());
    String name = image.name();
    while (true) {
      names.add(name);
      int slash = name.lastIndexOf('/');
      if (slash < 0) {
        break;
      }
      name = name.substring(0, slash);
    }
    // like containers/image: cut at the first ':' (an IPv6 literal thus yields no wildcard)
    int colon = name.indexOf(':');
    String host = colon < 0 ? name : name.substring(0, colon);
    for (int dot = host.indexOf('.'); dot >= 0; dot = host.indexOf('.')) {
      host = host.substring(dot + 1);
      names.add("*." + host);
    }
    return names;
  }
}
