package dev.registryclient.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.registryclient.api.Digest;
import dev.registryclient.api.ImageReference;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Lookaside URLs as containers/image builds them: its TestSignatureStorageBaseURL (base plus
 * repository path) and TestLookasideStorageURL (plus {@code @sha256=<hex>/signature-<n>}).
 */
class LookasideTest {
  private static final String HEX =
      "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
  private static final Digest DIGEST = Digest.parse("sha256:" + HEX);

  @ParameterizedTest(name = "{0} + {1} #{2}")
  @CsvSource(
      delimiter = '|',
      value = {
        // containers/image's own cases
        "https://lookaside.example.com | example.com/my/project | 1 |"
            + " https://lookaside.example.com/my/project@sha256="
            + HEX
            + "/signature-1",
        "file:///tmp | localhost/x | 1 | file:///tmp/x@sha256=" + HEX + "/signature-1",
        "file:///tmp | localhost/x | 2 | file:///tmp/x@sha256=" + HEX + "/signature-2",
        "https://localhost:5555/root | localhost:5555/x | 1 |"
            + " https://localhost:5555/root/x@sha256="
            + HEX
            + "/signature-1",
        "http://localhost:5555/root | localhost:5555/x | 2 |"
            + " http://localhost:5555/root/x@sha256="
            + HEX
            + "/signature-2",
        // the path is the repository without the registry, Docker Hub's with library/
        "https://registry.redhat.io/containers/sigstore | registry.redhat.io/ubi9/ubi:9.4 | 1 |"
            + " https://registry.redhat.io/containers/sigstore/ubi9/ubi@sha256="
            + HEX
            + "/signature-1",
        "file:///var/lib/containers/sigstore | busybox:latest | 3 |"
            + " file:///var/lib/containers/sigstore/library/busybox@sha256="
            + HEX
            + "/signature-3",
        // the base as written: a trailing slash doubles, a query stays at the end
        "https://s.example/ | quay.io/ns/app | 1 | https://s.example//ns/app@sha256="
            + HEX
            + "/signature-1",
        "https://s.example/sigs?x=1 | quay.io/app | 1 | https://s.example/sigs/app@sha256="
            + HEX
            + "/signature-1?x=1",
        "https://s.example/a%20b | quay.io/app | 1 | https://s.example/a%20b/app@sha256="
            + HEX
            + "/signature-1",
      })
  void signatureUrls(String base, String image, int n, String expected) {
    URI url = Lookaside.signatureUrl(URI.create(base), ImageReference.parse(image), DIGEST, n);

    assertThat(url).isEqualTo(URI.create(expected));
    assertThat(url.toString()).isEqualTo(expected);
  }

  @Test
  void theAlgorithmNamesItsDigest() {
    Digest sha512 = Digest.parse("sha512:" + "ab".repeat(64));

    URI url =
        Lookaside.signatureUrl(
            URI.create("https://s.example"), ImageReference.parse("quay.io/a/b"), sha512, 1);

    assertThat(url.toString())
        .isEqualTo("https://s.example/a/b@sha512=" + "ab".repeat(64) + "/signature-1");
  }

  @Test
  void theTagOrDigestOfTheImageDoesNotCount() {
    ImageReference tagged = ImageReference.parse("quay.io/a/b:1");
    ImageReference digested = ImageReference.parse("quay.io/a/b@sha256:" + "cd".repeat(32));
    URI base = URI.create("https://s.example");

    assertThat(Lookaside.signatureUrl(base, tagged, DIGEST, 1))
        .isEqualTo(Lookaside.signatureUrl(base, digested, DIGEST, 1));
  }

  @Test
  void signaturesAreNumberedFromOne() {
    assertThatThrownBy(
            () ->
                Lookaside.signatureUrl(
                    URI.create("https://s.example"),
                    ImageReference.parse("a.example/b"),
                    DIGEST,
                    0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("from 1");
  }
}
