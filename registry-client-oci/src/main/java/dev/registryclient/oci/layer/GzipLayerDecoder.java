package dev.registryclient.oci.layer;

import java.security.MessageDigest;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * gzip (RFC 1952) decoded as it is pushed: a small state machine reads each member's header and
 * trailer, the JDK's raw {@link Inflater} does the deflate data. Members may follow each other (as
 * {@code pigz} and concatenated layers write them); bytes after a member that do not start another
 * one are an error, as for the Go reader that unpacks layers in containerd and podman. The CRC-32
 * and length in each trailer are checked.
 *
 * <p>{@link java.util.zip.GZIPInputStream} does the same but pulls from a stream; here the bytes
 * arrive by {@code write} calls while the blob streams to the store, so the decoder is pushed.
 */
final class GzipLayerDecoder implements LayerDecoder {
  private static final int OUT_BUFFER = 64 * 1024;
  private static final int FIXED_HEADER = 10;
  private static final int TRAILER = 8;
  private static final int FHCRC = 2;
  private static final int FEXTRA = 4;
  private static final int FNAME = 8;
  private static final int FCOMMENT = 16;
  private static final int RESERVED = 0xE0;

  /** Where in a member the next byte belongs. */
  private enum State {
    FIXED_HEADER,
    EXTRA_LENGTH,
    EXTRA,
    NAME,
    COMMENT,
    HEADER_CRC,
    DATA,
    TRAILER,
    BETWEEN_MEMBERS
  }

  private final MessageDigest uncompressed;
  private final Inflater inflater = new Inflater(true);
  private final CRC32 crc = new CRC32();
  private final byte[] out = new byte[OUT_BUFFER];
  private final byte[] fixed = new byte[FIXED_HEADER];
  private final byte[] small = new byte[TRAILER]; // XLEN, then the trailer
  private State state = State.FIXED_HEADER;
  private int flags;
  private int filled; // bytes of `fixed` or `small` seen so far
  private int toSkip;
  private long members;
  private long offset; // compressed bytes consumed, for messages

  GzipLayerDecoder(MessageDigest uncompressed) {
    this.uncompressed = uncompressed;
  }

  @Override
  public void decode(byte[] bytes, int from, int length) throws CorruptLayerException {
    int pos = from;
    int end = from + length;
    while (pos < end) {
      int used = state == State.DATA ? inflate(bytes, pos, end - pos) : header(bytes[pos]);
      pos += used;
      offset += used;
    }
  }

  /** Consumes one header or trailer byte; returns 1. */
  private int header(byte b) throws CorruptLayerException {
    int v = b & 0xFF;
    switch (state) {
      case BETWEEN_MEMBERS, FIXED_HEADER -> {
        state = State.FIXED_HEADER;
        fixed[filled++] = b;
        if (filled == FIXED_HEADER) {
          filled = 0;
          checkFixedHeader();
          state = (flags & FEXTRA) != 0 ? State.EXTRA_LENGTH : afterExtra();
        }
      }
      case EXTRA_LENGTH -> {
        small[filled++] = b;
        if (filled == 2) {
          toSkip = (small[0] & 0xFF) | (small[1] & 0xFF) << 8;
          filled = 0;
          state = toSkip > 0 ? State.EXTRA : afterExtra();
        }
      }
      case EXTRA -> {
        if (--toSkip == 0) {
          state = afterExtra();
        }
      }
      case NAME -> {
        if (v == 0) {
          state = afterName();
        }
      }
      case COMMENT -> {
        if (v == 0) {
          state = afterComment();
        }
      }
      case HEADER_CRC -> {
        if (--toSkip == 0) {
          state = State.DATA;
        }
      }
      case TRAILER -> {
        small[filled++] = b;
        if (filled == TRAILER) {
          checkTrailer();
        }
      }
      default -> throw new IllegalStateException("not a header state: " + state);
    }
    return 1;
  }

  private void checkFixedHeader() throws CorruptLayerException {
    if ((fixed[0] & 0xFF) != 0x1f || (fixed[1] & 0xFF) != 0x8b) {
      throw corrupt(
          members == 0 ? "not gzip (no gzip magic number)" : "bytes after the last gzip member");
    }
    if (fixed[2] != 8) {
      throw corrupt("unknown gzip compression method " + (fixed[2] & 0xFF));
    }
    flags = fixed[3] & 0xFF;
    if ((flags & RESERVED) != 0) {
      throw corrupt("reserved gzip header flags set: " + Integer.toHexString(flags));
    }
  }

  private State afterExtra() {
    return (flags & FNAME) != 0 ? State.NAME : afterName();
  }

  private State afterName() {
    return (flags & FCOMMENT) != 0 ? State.COMMENT : afterComment();
  }

  private State afterComment() {
    if ((flags & FHCRC) != 0) {
      toSkip = 2;
      return State.HEADER_CRC;
    }
    return State.DATA;
  }

  /** Inflates from {@code bytes}; returns how many it consumed. */
  private int inflate(byte[] bytes, int from, int length) throws CorruptLayerException {
    // the inflater keeps a reference to the array: use it up before returning
    inflater.setInput(bytes, from, length);
    try {
      while (!inflater.finished() && !inflater.needsInput()) {
        int n = inflater.inflate(out);
        if (n > 0) {
          uncompressed.update(out, 0, n);
          crc.update(out, 0, n);
        } else if (inflater.needsDictionary()) {
          throw corrupt("deflate data asks for a preset dictionary");
        } else if (!inflater.finished() && !inflater.needsInput()) {
          throw corrupt("deflate data makes no progress"); // never spin on input it cannot use
        }
      }
    } catch (DataFormatException e) {
      throw corrupt("corrupt deflate data: " + e.getMessage());
    }
    int remaining = inflater.getRemaining();
    if (inflater.finished()) {
      state = State.TRAILER;
      filled = 0;
    }
    return length - remaining;
  }

  private void checkTrailer() throws CorruptLayerException {
    long expectedCrc = le32(0);
    long expectedSize = le32(4);
    if (expectedCrc != crc.getValue()) {
      throw corrupt("gzip CRC-32 mismatch in member " + (members + 1));
    }
    if (expectedSize != (inflater.getBytesWritten() & 0xFFFF_FFFFL)) {
      throw corrupt("gzip length mismatch in member " + (members + 1));
    }
    members++;
    filled = 0;
    inflater.reset();
    crc.reset();
    state = State.BETWEEN_MEMBERS;
  }

  private long le32(int at) {
    return (small[at] & 0xFFL)
        | (small[at + 1] & 0xFFL) << 8
        | (small[at + 2] & 0xFFL) << 16
        | (small[at + 3] & 0xFFL) << 24;
  }

  @Override
  public void finish() throws CorruptLayerException {
    if (state != State.BETWEEN_MEMBERS) {
      throw corrupt(
          members == 0 && offset == 0
              ? "empty: not gzip"
              : "gzip data ends early (inside "
                  + state.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                  + ")");
    }
  }

  private CorruptLayerException corrupt(String detail) {
    return new CorruptLayerException(detail + " at compressed byte " + offset);
  }

  @Override
  public void close() {
    inflater.end();
  }
}
