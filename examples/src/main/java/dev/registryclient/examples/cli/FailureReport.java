package dev.registryclient.examples.cli;

import dev.registryclient.api.exception.AuthenticationException;
import dev.registryclient.api.exception.AuthorizationException;
import dev.registryclient.api.exception.DigestMismatchException;
import dev.registryclient.api.exception.ErrorContext;
import dev.registryclient.api.exception.InvalidContentException;
import dev.registryclient.api.exception.NotFoundException;
import dev.registryclient.api.exception.RateLimitedException;
import dev.registryclient.api.exception.RegistryException;
import dev.registryclient.api.exception.StoreException;
import dev.registryclient.api.exception.TransportException;
import dev.registryclient.oci.platform.NoMatchingPlatformException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.Set;

/**
 * Turns a failure into the one line a user reads on stderr: what failed, on which host, in which
 * phase, and what to do about it. SDK exception messages never carry credentials, and nothing else
 * is printed from the exception, so neither does this line.
 *
 * <pre>{@code
 * error: manifest failed on 127.0.0.1:5000 (repository private/app): unauthorized (HTTP 401).
 *   Give credentials with --user USER:PASS or --authfile FILE.
 * }</pre>
 *
 * (on one line; with {@code --verbose} each cause follows on its own line, still no stack trace).
 */
record FailureReport(String line, Throwable failure) {

  /** The report for {@code failure}. */
  static FailureReport of(Throwable failure) {
    Throwable f = unwrap(failure);
    if (f instanceof RegistryException e) {
      return new FailureReport(registryLine(e) + " " + advice(e), f);
    }
    String what =
        f instanceof UncheckedIOException && f.getCause() != null
            ? describe(f.getCause())
            : describe(f);
    return new FailureReport("error: " + what, f);
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
    StringBuilder sb = new StringBuilder("error: ").append(ctx.phase().label()).append(" failed");
    ctx.contactedHost().or(ctx::registry).ifPresent(host -> sb.append(" on ").append(host));
    ctx.contactedHost()
        .filter(h -> ctx.registry().isPresent() && !ctx.registry().get().equals(h))
        .ifPresent(h -> sb.append(" (registry ").append(ctx.registry().get()).append(')'));
    ctx.repository().ifPresent(r -> sb.append(" for repository ").append(r));
    return sb.append(": ").append(oneLine(e.detail())).append('.').toString();
  }

  private static String advice(RegistryException e) {
    String host = e.contactedHost().or(e::registry).orElse("the registry");
    if (e instanceof AuthenticationException) {
      return "Give credentials with --user USER:PASS or --authfile FILE (or log in with podman/docker).";
    } else if (e instanceof AuthorizationException) {
      return "Anonymous or these credentials may not pull here: give an account that may, with"
          + " --user USER:PASS or --authfile FILE.";
    } else if (e instanceof NotFoundException) {
      return "Check the repository and tag (registry-client tags REPO lists the tags).";
    } else if (e instanceof RateLimitedException) {
      return "The registry limits requests: wait and try again, or log in for a higher limit.";
    } else if (e instanceof TransportException) {
      return "Check that "
          + host
          + " is reachable from here (proxy, firewall, DNS); registry-client hosts REF lists every"
          + " host a pull needs.";
    } else if (e instanceof NoMatchingPlatformException) {
      return "Choose one of the image's platforms with --platform (registry-client inspect REF lists"
          + " them).";
    } else if (e instanceof DigestMismatchException) {
      return "The content changed on the way (proxy or registry fault): try again.";
    } else if (e instanceof InvalidContentException) {
      return "The registry sent a document this client cannot read; report it with --verbose output.";
    } else if (e instanceof StoreException) {
      return "Check the target directory: free space, permissions, another process using it.";
    }
    return "Run again with --verbose for the cause.";
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
