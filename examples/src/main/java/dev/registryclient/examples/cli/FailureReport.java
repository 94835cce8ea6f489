package dev.registryclient.examples.cli;

import dev.registryclient.api.exception.AuthenticationException;
import dev.registryclient.api.exception.AuthorizationException;
import dev.registryclient.api.exception.ConfigurationException;
import dev.registryclient.api.exception.DiffIdMismatchException;
import dev.registryclient.api.exception.DigestMismatchException;
import dev.registryclient.api.exception.ErrorContext;
import dev.registryclient.api.exception.InvalidContentException;
import dev.registryclient.api.exception.NotFoundException;
import dev.registryclient.api.exception.RateLimitedException;
import dev.registryclient.api.exception.RegistryException;
import dev.registryclient.api.exception.SourcesFailedException;
import dev.registryclient.api.exception.StoreException;
import dev.registryclient.api.exception.TransportException;
import dev.registryclient.oci.platform.NoMatchingPlatformException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.Set;
import javax.net.ssl.SSLException;

/**
 * Turns a failure into the one line a user reads on stderr: what failed, on which host, in which
 * phase, and what to do about it. SDK exception messages never carry credentials, and nothing else
 * is printed from the exception, so neither does this line.
 *
 * <pre>{@code
 * error: manifest failed on 127.0.0.1:5000 for repository private/app: credentials required: no
 *   credentials are configured for 127.0.0.1:5000, and it refuses anonymous pull access to
 *   private/app (or the repository does not exist) (HTTP 401). Give credentials with --user
 *   USER:PASS or --authfile FILE, or log in with `podman login 127.0.0.1:5000`.
 * }</pre>
 *
 * (on one line; with {@code --verbose} each cause follows on its own line, still no stack trace).
 */
record FailureReport(String line, Throwable failure) {

  private static final String PREFIX = "error: ";

  /** The report for {@code failure} of a command whose credentials flag is {@code --user}. */
  static FailureReport of(Throwable failure) {
    return of(failure, CredentialFlag.USER);
  }

  /** The report for {@code failure}; the advice names {@code flag}'s flag for credentials. */
  static FailureReport of(Throwable failure, CredentialFlag flag) {
    Throwable f = unwrap(failure);
    if (f instanceof RegistryException e) {
      return new FailureReport(registryLine(e) + " " + advice(e, flag), f);
    }
    String what =
        f instanceof UncheckedIOException && f.getCause() != null
            ? describe(f.getCause())
            : describe(f);
    return new FailureReport(PREFIX + what, f);
  }

  /** The line without its {@code error: } prefix, for a list of results with some failed. */
  String reason() {
    return line.startsWith(PREFIX) ? line.substring(PREFIX.length()) : line;
  }

  /** Prints the line, and with {@code verbose} the causes, one per line. */
  void print(PrintWriter err, boolean verbose) {
    err.println(line);
    if (verbose) {
      Set<Throwable> seen = new HashSet<>();
      for (Throwable c = failure.getCause(); c != null && seen.add(c); c = c.getCause()) {
        err.println("  caused by: " + describe(c));
      }
    }
    err.flush();
  }

  private static Throwable unwrap(Throwable t) {
    Throwable f = t;
    while ((f instanceof java.util.concurrent.ExecutionException
            || f instanceof java.util.concurrent.CompletionException)
        && f.getCause() != null) {
      f = f.getCause();
    }
    return f;
  }

  private static String registryLine(RegistryException e) {
    ErrorContext ctx = e.context();
    StringBuilder sb = new StringBuilder(PREFIX).append(ctx.phase().label()).append(" failed");
    ctx.contactedHost().or(ctx::registry).ifPresent(host -> sb.append(" on ").append(host));
    ctx.contactedHost()
        .filter(h -> ctx.registry().isPresent() && !ctx.registry().get().equals(h))
        .ifPresent(h -> sb.append(" (registry ").append(ctx.registry().get()).append(')'));
    ctx.repository().ifPresent(r -> sb.append(" for repository ").append(r));
    String detail = oneLine(e.detail());
    sb.append(": ").append(detail);
    return detail.matches(".*[.!?]$") ? sb.toString() : sb.append('.').toString();
  }

  private static String advice(RegistryException e, CredentialFlag flag) {
    String host = e.contactedHost().or(e::registry).orElse("the registry");
    String registry = e.registry().orElse(host);
    String user = flag.forRegistry(e.registry()) + " USER:PASS";
    if (e instanceof AuthenticationException) {
      return e.detail().startsWith("credentials required")
          ? "Give credentials with "
              + user
              + " or --authfile FILE, or log in with `podman login "
              + registry
              + "`."
          : "Check the credentials: give others with "
              + user
              + " or --authfile FILE, or log in again with `podman login "
              + registry
              + "`.";
    } else if (e instanceof AuthorizationException) {
      return "These credentials may not do this: use an account that may ("
          + user
          + " or --authfile FILE), or check the repository name.";
    } else if (e instanceof NotFoundException) {
      return "Check the repository and tag (registry-client tags REPO lists the tags).";
    } else if (e instanceof RateLimitedException) {
      return "Wait and try again, or log in for a higher limit.";
    } else if (e instanceof TransportException && isTls(e)) {
      // the message already says which certificate problem it is and how to fix it
      if (!e.contactedHost().equals(e.registry())) {
        return "registry-client hosts REF lists every host a pull needs.";
      }
      return e.detail().contains("answered in plain http")
          ? "With this tool, --plain-http talks plain http to the registry."
          : "With this tool, --insecure turns verification off for the registry.";
    } else if (e instanceof TransportException) {
      return "Check that "
          + host
          + " is reachable from here (proxy, firewall, DNS); registry-client hosts REF lists every"
          + " host a pull needs.";
    } else if (e instanceof NoMatchingPlatformException) {
      return "Choose one of the image's platforms with --platform (registry-client inspect REF lists"
          + " them).";
    } else if (e instanceof ConfigurationException) {
      return "Fix the file (containers-registries.conf(5) describes it), give another with"
          + " --registries-conf FILE, or read images from where their references say with"
          + " --no-mirrors.";
    } else if (e instanceof SourcesFailedException sources) {
      String skipped = "";
      if (sources.notTried().stream().anyMatch(m -> m.endsWith("by digest only"))) {
        skipped = "A digest-only mirror serves pulls by digest: pull REF@sha256:... to use it. ";
      } else if (!sources.notTried().isEmpty()) {
        skipped = "A tag-only mirror serves pulls by tag: pull REF:TAG to use it. ";
      }
      return skipped
          + "registry-client hosts REF checks every source a pull tries; --no-mirrors ignores"
          + " registries.conf.";
    } else if (e instanceof DiffIdMismatchException) {
      return "The image's config does not describe this layer (a broken or altered image);"
          + " pulling again will not help. Without --verify-diff-ids the pull does not check it.";
    } else if (e instanceof DigestMismatchException) {
      return "The content changed on the way (proxy or registry fault): try again.";
    } else if (e instanceof InvalidContentException) {
      return "The registry sent a document this client cannot read; report it with --verbose output.";
    } else if (e instanceof StoreException) {
      return "Check the target directory: free space, permissions, another process using it.";
    }
    return "Run again with --verbose for the cause.";
  }

  private static boolean isTls(Throwable failure) {
    Set<Throwable> seen = new HashSet<>();
    for (Throwable c = failure; c != null && seen.add(c); c = c.getCause()) {
      if (c instanceof SSLException) {
        return true;
      }
    }
    return false;
  }

  private static String describe(Throwable t) {
    String message = t.getMessage();
    String name = t.getClass().getSimpleName();
    return message == null || message.isBlank() ? name : name + ": " + oneLine(message);
  }

  private static String oneLine(String text) {
    return text.strip().replaceAll("\\s*[\\r\\n]+\\s*", " ");
  }
}
