package dev.registryclient.core.trust;

import java.io.IOException;
import java.io.InputStream;
import org.bouncycastle.openpgp.PGPCompressedData;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPLiteralData;
import org.bouncycastle.openpgp.PGPObjectFactory;
import org.bouncycastle.openpgp.PGPOnePassSignature;
import org.bouncycastle.openpgp.PGPOnePassSignatureList;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureList;
import org.bouncycastle.openpgp.bc.BcPGPObjectFactory;

/**
 * The packets of a simple-signing signature, as {@code gpg --sign} and containers/image (through
 * gpgme) write it: a one-pass signature packet, a literal data packet with the payload and the
 * signature packet, possibly all inside one compressed data packet; binary, never armored.
 *
 * <p>Anything else is refused rather than skipped: a second signature (gpgme refuses a count other
 * than one), an old-style message without the one-pass packet, encrypted data, bytes after the last
 * packet. The payload and the decompressed data are bounded, so a small compressed message cannot
 * expand into gigabytes.
 *
 * @param onePass the one-pass signature packet (the header that announces the signature)
 * @param payload the literal data: the signed payload
 * @param signature the signature packet
 */
record InlineSignedMessage(PGPOnePassSignature onePass, byte[] payload, PGPSignature signature) {

  /** The payload limit; the message's other packets add little, so decompression stops here. */
  private static final int MAX_DECOMPRESSED_OVERHEAD = 64 * 1024;

  private static final byte[] ARMOR_HEADER =
      "-----BEGIN PGP".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

  /**
   * Reads the packets.
   *
   * @param maxPayloadBytes the largest payload accepted
   * @throws Rejection when the bytes are not such a message
   */
  static InlineSignedMessage parse(byte[] message, int maxPayloadBytes) throws Rejection {
    if (startsWith(message, ARMOR_HEADER)) {
      throw new Rejection("an armored (text) signature; simple-signing signatures are binary");
    }
    try {
      PGPObjectFactory outer = new BcPGPObjectFactory(message);
      Object first = outer.nextObject();
      InlineSignedMessage parsed;
      if (first instanceof PGPCompressedData compressed) {
        InputStream data =
            compressed.getDataStream((long) maxPayloadBytes + MAX_DECOMPRESSED_OVERHEAD);
        PGPObjectFactory inner = new BcPGPObjectFactory(data);
        parsed = readSigned(inner, inner.nextObject(), maxPayloadBytes);
        requireEnd(inner, "inside the compressed data");
      } else {
        parsed = readSigned(outer, first, maxPayloadBytes);
      }
      requireEnd(outer, "after the signature");
      return parsed;
    } catch (IOException | PGPException | RuntimeException e) {
      // Bouncy Castle reports malformed packets with IOExceptions and, for some, runtime
      // exceptions (index and cast errors on truncated fields); each means "not a signature".
      throw new Rejection("not an OpenPGP signed message: " + describe(e));
    }
  }

  private static InlineSignedMessage readSigned(
      PGPObjectFactory packets, Object first, int maxPayloadBytes) throws IOException, Rejection {
    if (!(first instanceof PGPOnePassSignatureList onePass)) {
      throw new Rejection(
          "not an OpenPGP signed message: it starts with "
              + describe(first)
              + ", not a one-pass signature packet");
    }
    if (onePass.size() != 1) {
      throw new Rejection(
          "the message carries " + onePass.size() + " signatures; exactly one is accepted");
    }
    Object literal = packets.nextObject();
    if (!(literal instanceof PGPLiteralData data)) {
      throw new Rejection(
          "not an OpenPGP signed message: " + describe(literal) + " where the payload should be");
    }
    byte[] payload = data.getInputStream().readNBytes(maxPayloadBytes + 1);
    if (payload.length > maxPayloadBytes) {
      throw new Rejection(
          "the signed payload is larger than " + (maxPayloadBytes >> 20) + " MiB; refused");
    }
    Object signatures = packets.nextObject();
    if (!(signatures instanceof PGPSignatureList list) || list.size() != 1) {
      throw new Rejection(
          "not an OpenPGP signed message: "
              + describe(signatures)
              + " where the one signature packet should be");
    }
    return new InlineSignedMessage(onePass.get(0), payload, list.get(0));
  }

  private static void requireEnd(PGPObjectFactory packets, String where) throws Rejection {
    Object extra;
    try {
      extra = packets.nextObject();
    } catch (IOException | RuntimeException e) {
      throw new Rejection("unexpected bytes " + where + " (" + describe(e) + ")");
    }
    if (extra != null) {
      throw new Rejection("unexpected " + describe(extra) + " " + where);
    }
  }

  private static boolean startsWith(byte[] bytes, byte[] prefix) {
    return bytes.length >= prefix.length
        && java.util.Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
  }

  private static String describe(Object packet) {
    if (packet == null) {
      return "the end of the message";
    }
    String name = packet.getClass().getSimpleName();
    return switch (name) {
      case "PGPOnePassSignatureList" -> "a one-pass signature packet";
      case "PGPLiteralData" -> "a literal data packet";
      case "PGPSignatureList" -> "a signature packet";
      case "PGPCompressedData" -> "a compressed data packet";
      case "PGPEncryptedDataList" -> "encrypted data";
      case "PGPMarker" -> "a marker packet";
      default -> "a " + name + " object";
    };
  }

  private static String describe(Exception e) {
    String message = e.getMessage();
    return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }
}
