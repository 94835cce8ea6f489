package dev.registryclient.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A content digest such as {@code
 * sha256:6c3c624b58dbbcd3c0dd82b4c53f04194d1247c6eebdaab7c610cf7d66709b3b}.
 *
 * <p>Only the algorithms the OCI image spec registers are accepted: {@code sha256} (64 hex
 * characters) and {@code sha512} (128). The hex part must be lower case, as the spec requires;
 * {@link #toString()} is canonical and {@link #parse(String)} accepts exactly what it prints.
 * {@link #equals(Object)} compares in constant time.
 *
 * <pre>{@code
 * Digest d = Digest.parse("sha256:" + "ab".repeat(32));
 * Digest computed = Digest.sha256("hello".getBytes(UTF_8));
 * boolean same = d.equals(computed);
 * }</pre>
 *
 * <p>Hashing uses the JDK's {@link MessageDigest}, whose SHA-256 uses the CPU's SHA instructions
 * where they exist.
 */
public final class Digest implements Comparable<Digest> {

  /** The digest algorithms registered by the OCI image spec. */
  public enum Algorithm {
    /** SHA-256, the default everywhere. */
    SHA256("sha256", "SHA-256", 64),
    /** SHA-512. */
    SHA512("sha512", "SHA-512", 128);

    private final String prefix;
    private final String jcaName;
    private final int hexLength;

    Algorithm(String prefix, String jcaName, int hexLength) {
      this.prefix = prefix;
      this.jcaName = jcaName;
      this.hexLength = hexLength;
    }

    /**
     * The name used in digest strings, e.g. {@code sha256}.
     *
     * @return the prefix, e.g. {@code sha256}
     */
    public String prefix() {
      return prefix;
    }

    /**
     * The number of hex characters of a digest of this algorithm.
     *
     * @return 64 for SHA-256, 128 for SHA-512
     */
    public int hexLength() {
      return hexLength;
    }

    /**
     * A fresh {@link MessageDigest} for this algorithm.
     *
     * @return a new, unshared message digest
     */
    public MessageDigest newMessageDigest() {
      try {
        return MessageDigest.getInstance(jcaName);
      } catch (NoSuchAlgorithmException e) {
        // every Java platform must provide SHA-256 and SHA-512
        throw new IllegalStateException(jcaName + " is not available in this JVM", e);
      }
    }

    /**
     * The algorithm named {@code prefix}.
     *
     * @param prefix the name as used in digest strings, e.g. {@code sha256}
     * @return the algorithm
     * @throws IllegalArgumentException for an unknown or unsupported algorithm, quoting it
     */
    public static Algorithm fromPrefix(String prefix) {
      for (Algorithm a : values()) {
        if (a.prefix.equals(prefix)) {
          return a;
        }
      }
      throw new IllegalArgumentException(
          "unsupported digest algorithm \""
              + abbreviate(prefix)
              + "\" (supported: sha256, sha512)");
    }
  }

  private static final HexFormat HEX = HexFormat.of();

  private final Algorithm algorithm;
  private final String hex;

  private Digest(Algorithm algorithm, String hex) {
    this.algorithm = algorithm;
    this.hex = hex;
  }

  /**
   * Parses {@code algorithm:hex}.
   *
   * @param value the digest string, e.g. {@code sha256:6c3c62...}
   * @return the digest
   * @throws IllegalArgumentException if {@code value} is not a valid digest, quoting it and the
   *     rule it broke
   */
  public static Digest parse(String value) {
    Objects.requireNonNull(value, "digest");
    int colon = value.indexOf(':');
    if (colon <= 0) {
      throw new IllegalArgumentException(
          "invalid digest \"" + abbreviate(value) + "\": expected algorithm:hex");
    }
    Algorithm algorithm;
    try {
      algorithm = Algorithm.fromPrefix(value.substring(0, colon));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "invalid digest \"" + abbreviate(value) + "\": " + e.getMessage(), e);
    }
    return of(algorithm, value.substring(colon + 1));
  }

  /**
   * Whether {@code value} is a valid digest this class accepts.
   *
   * @param value the string to check, not {@code null}
   * @return {@code true} if {@link #parse(String)} accepts {@code value}
   */
  public static boolean isValid(String value) {
    try {
      parse(value);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /**
   * A digest from its parts.
   *
   * @param algorithm the digest algorithm
   * @param hex the lower-case hex part, of the algorithm's length
   * @return the digest
   * @throws IllegalArgumentException if {@code hex} is not lower-case hex of the algorithm's length
   */
  public static Digest of(Algorithm algorithm, String hex) {
    Objects.requireNonNull(algorithm, "algorithm");
    Objects.requireNonNull(hex, "hex");
    if (hex.length() != algorithm.hexLength()) {
      throw new IllegalArgumentException(
          "invalid digest \""
              + algorithm.prefix()
              + ":"
              + abbreviate(hex)
              + "\": "
              + algorithm.prefix()
              + " needs "
              + algorithm.hexLength()
              + " hex characters, got "
              + hex.length());
    }
    for (int i = 0; i < hex.length(); i++) {
      char c = hex.charAt(i);
      if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
        throw new IllegalArgumentException(
            "invalid digest \""
                + algorithm.prefix()
                + ":"
                + abbreviate(hex)
                + "\": only lower-case hex is allowed, found '"
                + c
                + "' at "
                + i);
      }
    }
    return new Digest(algorithm, hex);
  }

  /**
   * The digest of a finished {@link MessageDigest} result.
   *
   * @param algorithm the algorithm that produced the hash
   * @param hash the raw hash bytes, e.g. from {@link MessageDigest#digest()}
   * @return the digest
   * @throws IllegalArgumentException if {@code hash} does not have the algorithm's length
   */
  public static Digest fromBytes(Algorithm algorithm, byte[] hash) {
    return of(algorithm, HEX.formatHex(hash));
  }

  /**
   * The SHA-256 digest of {@code content}.
   *
   * @param content the bytes to hash
   * @return their SHA-256 digest
   */
  public static Digest sha256(byte[] content) {
    return compute(Algorithm.SHA256, content);
  }

  /**
   * The digest of {@code content} with {@code algorithm}.
   *
   * @param algorithm the algorithm to hash with
   * @param content the bytes to hash
   * @return their digest
   */
  public static Digest compute(Algorithm algorithm, byte[] content) {
    return fromBytes(algorithm, algorithm.newMessageDigest().digest(content));
  }

  /**
   * The algorithm, e.g. {@link Algorithm#SHA256}.
   *
   * @return the algorithm
   */
  public Algorithm algorithm() {
    return algorithm;
  }

  /**
   * The lower-case hex part.
   *
   * @return the hex part, without the {@code algorithm:} prefix
   */
  public String hex() {
    return hex;
  }

  /**
   * The first 12 hex characters, as {@code docker} shows them, e.g. {@code sha256:6c3c624b58db}.
   *
   * @return {@code algorithm:} and the first 12 hex characters
   */
  public String shortForm() {
    return algorithm.prefix() + ":" + hex.substring(0, 12);
  }

  /**
   * Whether {@code content} hashes to this digest.
   *
   * @param content the bytes to hash
   * @return {@code true} if their digest, with this digest's algorithm, equals this one
   */
  public boolean matches(byte[] content) {
    return equals(compute(algorithm, content));
  }

  /** The canonical form {@code algorithm:hex}, which {@link #parse(String)} accepts. */
  @Override
  public String toString() {
    return algorithm.prefix() + ":" + hex;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Digest other)) {
      return false;
    }
    // constant time: digests are sometimes compared against attacker-chosen values
    return algorithm == other.algorithm
        && MessageDigest.isEqual(
            hex.getBytes(StandardCharsets.US_ASCII), other.hex.getBytes(StandardCharsets.US_ASCII));
  }

  @Override
  public int hashCode() {
    return 31 * algorithm.hashCode() + hex.hashCode();
  }

  @Override
  public int compareTo(Digest o) {
    return toString().compareTo(o.toString());
  }

  static String abbreviate(String s) {
    return s.length() <= 200 ? s : s.substring(0, 200) + "...";
  }
}
