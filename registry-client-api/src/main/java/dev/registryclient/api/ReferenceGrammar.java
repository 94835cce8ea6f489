package dev.registryclient.api;

/**
 * The pieces of the distribution reference grammar, checked by hand-written scanners so that no
 * input can cause regex backtracking. Each check returns {@code null} when the value is fine, or a
 * short description of the rule it breaks.
 *
 * <pre>
 * domain         := host [':' port]          port := [0-9]+
 * host           := domain-name | '[' [a-fA-F0-9:]+ ']'
 * domain-name    := component ('.' component)*   component := [a-zA-Z0-9] | [a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9]
 * path           := path-component ('/' path-component)*
 * path-component := [a-z0-9]+ (separator [a-z0-9]+)*   separator := '.' | '_' | '__' | '-'+
 * tag            := [A-Za-z0-9_][A-Za-z0-9_.-]{0,127}
 * </pre>
 */
final class ReferenceGrammar {
  static final int NAME_MAX_LENGTH = 255;
  static final int TAG_MAX_LENGTH = 128;

  private ReferenceGrammar() {}

  /** Checks {@code host[:port]}; the host is a domain name or a bracketed IPv6 address. */
  static String domainProblem(String domain) {
    if (domain.isEmpty()) {
      return "the registry is empty";
    }
    int hostEnd;
    if (domain.charAt(0) == '[') {
      hostEnd = domain.indexOf(']');
      if (hostEnd < 0) {
        return "the registry's IPv6 address lacks its closing ']'";
      }
      if (hostEnd == 1 || !allMatch(domain, 1, hostEnd, ReferenceGrammar::isIpv6Char)) {
        return "the registry's IPv6 address may only hold hex digits and ':' (no zone, no IPv4"
            + " suffix)";
      }
      hostEnd++;
    } else {
      int colon = domain.indexOf(':');
      hostEnd = colon < 0 ? domain.length() : colon;
      String problem = domainNameProblem(domain.substring(0, hostEnd));
      if (problem != null) {
        return problem;
      }
    }
    if (hostEnd == domain.length()) {
      return null;
    }
    if (domain.charAt(hostEnd) != ':'
        || hostEnd + 1 == domain.length()
        || !allMatch(domain, hostEnd + 1, domain.length(), ReferenceGrammar::isDigit)) {
      return "the registry port must be digits after a single ':'";
    }
    return null;
  }

  private static String domainNameProblem(String name) {
    if (name.isEmpty()) {
      return "the registry host is empty";
    }
    int start = 0;
    while (start <= name.length()) {
      int dot = name.indexOf('.', start);
      int end = dot < 0 ? name.length() : dot;
      if (end == start) {
        return "the registry host has an empty label";
      }
      if (!allMatch(name, start, end, c -> isAsciiLetterOrDigit(c) || c == '-')) {
        return "the registry host may only hold letters, digits, '-' and '.'";
      }
      if (name.charAt(start) == '-' || name.charAt(end - 1) == '-') {
        return "a registry host label may not start or end with '-'";
      }
      if (dot < 0) {
        break;
      }
      start = dot + 1;
    }
    return null;
  }

  /** Checks a repository path such as {@code library/ubuntu}. */
  static String pathProblem(String path) {
    if (path.isEmpty()) {
      return "the repository is empty";
    }
    int start = 0;
    while (true) {
      int slash = path.indexOf('/', start);
      int end = slash < 0 ? path.length() : slash;
      String problem = pathComponentProblem(path, start, end);
      if (problem != null) {
        return problem;
      }
      if (slash < 0) {
        return null;
      }
      start = slash + 1;
    }
  }

  private static String pathComponentProblem(String path, int start, int end) {
    if (start == end) {
      return "the repository has an empty path component (\"//\" or a leading or trailing '/')";
    }
    int i = start;
    while (true) {
      int runStart = i;
      while (i < end && isLowerAlnum(path.charAt(i))) {
        i++;
      }
      if (i == runStart) {
        return componentCharProblem(path.charAt(i), i == start);
      }
      if (i == end) {
        return null;
      }
      char sep = path.charAt(i);
      int sepStart = i;
      if (sep == '.') {
        i++;
      } else if (sep == '_') {
        i += path.startsWith("__", i) ? 2 : 1;
      } else if (sep == '-') {
        while (i < end && path.charAt(i) == '-') {
          i++;
        }
      } else {
        return componentCharProblem(sep, false);
      }
      if (i == end || !isLowerAlnum(path.charAt(i))) {
        return i == end
            ? "a repository path component may not end with '" + sep + "'"
            : "the separator at \""
                + path.substring(sepStart, Math.min(i + 1, end))
                + "\" is not one of '.', '_', '__' or a run of '-'";
      }
    }
  }

  private static String componentCharProblem(char c, boolean first) {
    if (c >= 'A' && c <= 'Z') {
      return "the repository must be lower case";
    }
    if (first && (c == '.' || c == '_' || c == '-')) {
      return "a repository path component must start with a letter or digit";
    }
    return "the repository may only hold a-z, 0-9 and the separators '.', '_', '__', '-'"
        + " (found '"
        + c
        + "')";
  }

  /** Checks a tag such as {@code 22.04}. */
  static String tagProblem(String tag) {
    if (tag.isEmpty()) {
      return "the tag is empty";
    }
    if (tag.length() > TAG_MAX_LENGTH) {
      return "the tag is longer than " + TAG_MAX_LENGTH + " characters";
    }
    if (!isWordChar(tag.charAt(0))) {
      return "the tag must start with a letter, digit or '_'";
    }
    if (!allMatch(tag, 1, tag.length(), c -> isWordChar(c) || c == '.' || c == '-')) {
      return "the tag may only hold letters, digits, '_', '.' and '-'";
    }
    return null;
  }

  /** Whether {@code s} is exactly 64 lower-case hex characters, which looks like an image ID. */
  static boolean isImageId(String s) {
    return s.length() == 64 && allMatch(s, 0, 64, c -> isDigit(c) || (c >= 'a' && c <= 'f'));
  }

  private interface CharTest {
    boolean test(char c);
  }

  private static boolean allMatch(String s, int from, int to, CharTest test) {
    for (int i = from; i < to; i++) {
      if (!test.test(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isLowerAlnum(char c) {
    return isDigit(c) || (c >= 'a' && c <= 'z');
  }

  private static boolean isAsciiLetterOrDigit(char c) {
    return isLowerAlnum(c) || (c >= 'A' && c <= 'Z');
  }

  private static boolean isWordChar(char c) {
    return isAsciiLetterOrDigit(c) || c == '_';
  }

  private static boolean isIpv6Char(char c) {
    return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F') || c == ':';
  }
}
