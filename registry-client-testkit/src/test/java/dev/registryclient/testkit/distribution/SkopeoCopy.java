package dev.registryclient.testkit.distribution;

import java.nio.file.Path;
import java.time.Duration;

/**
 * {@code skopeo copy} as the signature tests use it: to ask containers/image whether a policy
 * accepts an image. The kit's own tests and registry-client-it's compare their verdicts with it, so
 * it lives in the kit's test jar.
 */
public final class SkopeoCopy {
  private SkopeoCopy() {}

  /**
   * Copies {@code image} from a plain-http registry into the directory {@code target} under {@code
   * policy}. A {@code dir:} target keeps the signatures, so nothing but the policy can fail the
   * copy.
   *
   * <pre>{@code
   * ExternalTool.Run copy =
   *     SkopeoCopy.underPolicy(TIMEOUT, policy, registriesD, "127.0.0.1:5000/app:1.0", dir);
   * assertThat(copy.exitCode()).as(copy.output()).isZero();
   * }</pre>
   *
   * @param timeout how long skopeo may take
   * @param policy the {@code policy.json} to enforce
   * @param registriesD the {@code registries.d} directory saying where the signatures are
   * @param image {@code host:port/repository:tag} or {@code ...@digest}, without transport
   * @param target the directory to copy into
   * @return the finished run: exit code 0 when skopeo accepts the image
   */
  public static ExternalTool.Run underPolicy(
      Duration timeout, Path policy, Path registriesD, String image, Path target) {
    return ExternalTool.skopeo()
        .run(
            timeout,
            "--policy",
            policy.toString(),
            "--registries.d",
            registriesD.toString(),
            "copy",
            "--src-tls-verify=false",
            "docker://" + image,
            "dir:" + target);
  }
}
