package dev.registryclient.examples.cli;

import dev.registryclient.api.ImageReference;
import dev.registryclient.api.client.RegistryClient;
import dev.registryclient.api.trust.SignatureCheck;
import dev.registryclient.api.trust.TrustVerdict;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code verify REF --policy FILE [--registries.d DIR]}: what a trust policy decides about REF,
 * without pulling it. One line per signature looked at, then the verdict; exit 1 when the policy
 * rejects the image.
 *
 * <pre>
 * accepted signer=0A1B2C3D4E5F60718293A4B5C6D7E8F901234567 identity=reg:5000/app:1 file:///sigs/app@sha256=ab.../signature-1
 * Accepted reg:5000/app:1 sha256:ab... (scope reg:5000): signedBy
 * </pre>
 */
@Command(
    name = "verify",
    mixinStandardHelpOptions = true,
    description = {
      "Check REF's signatures against a containers-policy.json, without pulling it: one line per"
          + " signature (result, signer, identity, where it was found), then the verdict.",
      "Exit 0 when the policy accepts the image, 1 when it rejects it."
    })
final class VerifyCommand implements Callable<Integer> {
  private final Terminal terminal;

  @Parameters(
      index = "0",
      paramLabel = "REF",
      converter = ReferenceConverter.class,
      description = "The image, e.g. registry.redhat.io/ubi9/ubi:latest")
  ImageReference reference;

  @Spec CommandSpec spec;
  @Mixin TrustOptions trust;
  @Mixin ConnectionOptions connection;
  @Mixin MirrorOptions mirrors;
  @Mixin Verbosity verbosity;

  VerifyCommand(Terminal terminal) {
    this.terminal = terminal;
  }

  @Override
  public Integer call() {
    if (!trust.active()) {
      throw new ParameterException(
          spec.commandLine(), "give the policy to check against: --policy FILE or --verify");
    }
    try (RegistryClient client =
        trust.applyTo(Clients.builder(reference, connection, mirrors, 1)).build()) {
      TrustVerdict verdict = client.verify(reference);
      verdict.checks().forEach(check -> terminal.out().println(line(check)));
      terminal.out().println(summary(verdict));
      return verdict.accepted() ? Main.OK : Main.FAILED;
    }
  }

  /** {@code accepted|rejected signer=S identity=I LOCATION: reason}. */
  static String line(SignatureCheck check) {
    return (check.accepted() ? "accepted" : "rejected")
        + " signer="
        + check.signer().orElse("unknown")
        + " identity="
        + check.identity().orElse("unknown")
        + " "
        + check.location()
        + (check.accepted() ? "" : ": " + check.reason());
  }

  /** {@code Accepted REF DIGEST (scope S): ...} or {@code Rejected REF DIGEST: reason}. */
  static String summary(TrustVerdict verdict) {
    String scope = verdict.scope().isEmpty() ? "default" : "scope " + verdict.scope();
    return (verdict.accepted() ? "Accepted " : "Rejected ")
        + verdict.image()
        + " "
        + verdict.manifest()
        + " ("
        + scope
        + "): "
        + verdict.reason();
  }
}
