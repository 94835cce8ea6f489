package app;

import dev.registryclient.api.client.PullResult;
import dev.registryclient.api.client.RegistryClient;
import dev.registryclient.oci.layout.OciLayout;
import java.nio.file.Path;

/**
 * Pulls one image into an OCI layout and prints the manifest digest. Args: image, layout dir, and
 * optionally {@code verify-diff-ids}, which checks layer diff_ids and prints each layer's outcome.
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    try (RegistryClient client = RegistryClient.builder().build()) {
      boolean verify = args.length > 2 && args[2].equals("verify-diff-ids");
      PullResult result =
          client.pull(args[0]).into(OciLayout.at(Path.of(args[1]))).verifyDiffIds(verify).execute();
      System.out.println("pulled " + result.manifest().digest());
      result.blobs().forEach(b -> b.diffIdCheck().ifPresent(c -> System.out.println(
          b.digest() + " " + c.outcome() + " " + c.detail())));
    }
  }
}
