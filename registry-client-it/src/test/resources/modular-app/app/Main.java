package app;

import dev.registryclient.api.client.PullResult;
import dev.registryclient.api.client.RegistryClient;
import dev.registryclient.oci.layout.OciLayout;
import java.nio.file.Path;

/** Pulls one image into an OCI layout and prints the manifest digest. Args: image, layout dir. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    try (RegistryClient client = RegistryClient.builder().build()) {
      PullResult result = client.pull(args[0]).into(OciLayout.at(Path.of(args[1]))).execute();
      System.out.println("pulled " + result.manifest().digest());
    }
  }
}
