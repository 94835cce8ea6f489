package dev.registryclient.api;

import java.util.Optional;

/** The spelling rules behind {@link Platform#normalized()} and {@link Platform#current()}. */
final class PlatformNames {
  private PlatformNames() {}

  static Platform normalize(Platform p) {
    String os = Platform.lower(p.os());
    if (os.equals("macos")) {
      os = "darwin";
    }
    String arch = Platform.lower(p.architecture());
    String variant = p.variant().map(Platform::lower).orElse("");
    switch (arch) {
      case "i386" -> {
        arch = "386";
        variant = "";
      }
      case "x86_64", "x86-64", "amd64" -> {
        arch = "amd64";
        if (variant.equals("v1")) {
          variant = ""; // v1 is the baseline every amd64 CPU meets
        }
      }
      case "aarch64", "arm64" -> {
        arch = "arm64";
        if (variant.isEmpty() || variant.equals("8") || variant.equals("v8.0")) {
          variant = "v8";
        }
      }
      case "armhf" -> {
        arch = "arm";
        variant = "v7";
      }
      case "armel" -> {
        arch = "arm";
        variant = "v6";
      }
      case "arm" -> {
        if (variant.isEmpty() || variant.equals("7")) {
          variant = "v7";
        } else if (variant.equals("5") || variant.equals("6") || variant.equals("8")) {
          variant = "v" + variant;
        }
      }
      default -> {
        // other architectures (ppc64le, s390x, riscv64, ...) are spelled the same everywhere
      }
    }
    return new Platform(
        os,
        arch,
        variant.isEmpty() ? Optional.empty() : Optional.of(variant),
        p.osVersion(),
        p.osFeatures());
  }

  /** The platform for the JVM's {@code os.name} and {@code os.arch}; never fails. */
  static Platform fromJvm(String osName, String osArch) {
    return normalize(Platform.of(os(osName), arch(osArch)));
  }

  private static String os(String osName) {
    String name = sanitize(osName);
    if (name.startsWith("windows")) {
      return "windows";
    }
    if (name.startsWith("mac") || name.startsWith("darwin")) {
      return "darwin";
    }
    if (name.startsWith("sunos")) {
      return "solaris";
    }
    return name;
  }

  private static String arch(String osArch) {
    String arch = sanitize(osArch);
    return switch (arch) {
      case "x86", "i486", "i586", "i686" -> "386";
      case "loongarch64" -> "loong64";
      case "ppc64el" -> "ppc64le";
      default -> arch; // amd64, x86_64, aarch64, arm, ppc64le, s390x, riscv64 normalise later
    };
  }

  /** Lower case, only the characters a platform name may hold, {@code unknown} if none. */
  private static String sanitize(String value) {
    StringBuilder sb = new StringBuilder();
    for (char c : Platform.lower(value == null ? "" : value).toCharArray()) {
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-') {
        sb.append(c);
      }
    }
    return sb.length() == 0 ? "unknown" : sb.toString();
  }
}
