package dev.registryclient.oci.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.registryclient.api.Digest;
import dev.registryclient.api.trust.KeySource;
import dev.registryclient.oci.trust.SignatureCrypto;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Stand-in cryptography for the client's trust plumbing: a "key" is a name given inline, a
 * simple-signing message is {@code signed-by:<name>\n<payload>}, and a sigstore signature is the
 * base64 of {@code <name>:<payload digest>}. Real OpenPGP and sigstore verification is core's, and
 * is tested there and against gpg and skopeo.
 */
final class FakeSignatureCrypto implements SignatureCrypto {
  private static final ObjectMapper JSON = new ObjectMapper();

  static KeySource key(String name) {
    return new KeySource.Inline(name.getBytes(StandardCharsets.UTF_8));
  }

  static byte[] payload(Digest manifest, String dockerReference) {
    return ("{\"critical\":{\"type\":\"atomic container signature\",\"image\":"
            + "{\"docker-manifest-digest\":\""
            + manifest
            + "\"},\"identity\":{\"docker-reference\":\""
            + dockerReference
            + "\"}},\"optional\":{}}")
        .getBytes(StandardCharsets.UTF_8);
  }

  static byte[] simpleSigning(String key, byte[] payload) {
    byte[] head = ("signed-by:" + key + "\n").getBytes(StandardCharsets.UTF_8);
    byte[] message = new byte[head.length + payload.length];
    System.arraycopy(head, 0, message, 0, head.length);
    System.arraycopy(payload, 0, message, head.length, payload.length);
    return message;
  }

  static String sigstoreSignature(String key, byte[] payload) {
    return Base64.getEncoder()
        .encodeToString((key + ":" + Digest.sha256(payload)).getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public Outcome simpleSigning(byte[] message, List<KeySource> keys) {
    String text = new String(message, StandardCharsets.UTF_8);
    int newline = text.indexOf('\n');
    if (!text.startsWith("signed-by:") || newline < 0) {
      return new Outcome.Failed("not a signed message", Optional.empty());
    }
    String signer = text.substring("signed-by:".length(), newline);
    if (!known(signer, keys)) {
      return new Outcome.Failed("signed by unknown key " + signer, Optional.of(signer));
    }
    return verified(text.substring(newline + 1).getBytes(StandardCharsets.UTF_8), signer);
  }

  @Override
  public Outcome sigstore(byte[] payload, String base64Signature, List<KeySource> keys) {
    String decoded =
        new String(Base64.getDecoder().decode(base64Signature), StandardCharsets.UTF_8);
    int colon = decoded.indexOf(':');
    String signer = decoded.substring(0, colon);
    if (!decoded.substring(colon + 1).equals(Digest.sha256(payload).toString())) {
      return new Outcome.Failed("signature does not match the payload", Optional.of(signer));
    }
    if (!known(signer, keys)) {
      return new Outcome.Failed("signed by unknown key " + signer, Optional.of(signer));
    }
    return verified(payload, signer);
  }

  private static Outcome verified(byte[] payload, String signer) {
    try {
      JsonNode critical = JSON.readTree(payload).path("critical");
      return new Outcome.Verified(
          new Claims(
              Digest.parse(critical.path("image").path("docker-manifest-digest").asText()),
              critical.path("identity").path("docker-reference").asText()),
          signer);
    } catch (IOException | IllegalArgumentException e) {
      return new Outcome.Failed(
          "signed by " + signer + ", but not a claim: " + e, Optional.of(signer));
    }
  }

  private static boolean known(String signer, List<KeySource> keys) {
    return keys.stream()
        .anyMatch(
            k ->
                k instanceof KeySource.Inline inline
                    && new String(inline.bytes(), StandardCharsets.UTF_8).equals(signer));
  }
}
