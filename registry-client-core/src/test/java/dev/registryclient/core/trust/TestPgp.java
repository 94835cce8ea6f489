package dev.registryclient.core.trust;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bouncycastle.bcpg.ArmoredOutputStream;
import org.bouncycastle.bcpg.BCPGOutputStream;
import org.bouncycastle.bcpg.CompressionAlgorithmTags;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.bcpg.sig.KeyFlags;
import org.bouncycastle.openpgp.PGPCompressedDataGenerator;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPLiteralData;
import org.bouncycastle.openpgp.PGPLiteralDataGenerator;
import org.bouncycastle.openpgp.PGPPrivateKey;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPSecretKey;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureGenerator;
import org.bouncycastle.openpgp.PGPSignatureSubpacketGenerator;
import org.bouncycastle.openpgp.api.KeyPairGeneratorCallback;
import org.bouncycastle.openpgp.api.OpenPGPApi;
import org.bouncycastle.openpgp.api.OpenPGPCertificate.OpenPGPComponentKey;
import org.bouncycastle.openpgp.api.OpenPGPKey;
import org.bouncycastle.openpgp.api.SignatureParameters;
import org.bouncycastle.openpgp.api.SignatureSubpacketsFunction;
import org.bouncycastle.openpgp.api.bc.BcOpenPGPApi;
import org.bouncycastle.openpgp.operator.bc.BcPGPContentSignerBuilder;

/**
 * OpenPGP keys and signed messages made with Bouncy Castle for the tests: v4 keys as gpg makes
 * them, and messages as {@code gpg --sign} writes them, with knobs to break each rule the verifier
 * checks. Times are relative to {@link #NOW}, which the tests give the verifier as its clock.
 */
final class TestPgp {
  /** The tests' "now"; keys are made ten days before it. */
  static final Instant NOW = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);

  static final Instant KEY_CREATED = NOW.minus(Duration.ofDays(10));

  private static final OpenPGPApi API = new BcOpenPGPApi();

  private TestPgp() {}

  /** The key types gpg and Bouncy Castle make. */
  enum KeyType {
    RSA(g -> g.generateRsaKeyPair(2048)),
    ECDSA_P256(g -> g.generateNistP256ECDSAKeyPair()),
    ECDSA_P384(g -> g.generateNistP384ECDSAKeyPair()),
    /** EdDSA as gpg 2.2 makes it (algorithm 22). */
    ED25519_LEGACY(g -> g.generateLegacyEd25519KeyPair()),
    /** Ed25519 as RFC 9580 defines it (algorithm 27). */
    ED25519(g -> g.generateEd25519KeyPair()),
    RSA_1024(g -> g.generateRsaKeyPair(1024));

    final KeyPairGeneratorCallback generator;

    KeyType(KeyPairGeneratorCallback generator) {
      this.generator = generator;
    }
  }

  /** A primary key allowed to certify and sign, made ten days ago, never expiring. */
  static OpenPGPKey key(KeyType type) {
    return key(type, KeyFlags.CERTIFY_OTHER | KeyFlags.SIGN_DATA, Duration.ZERO);
  }

  /**
   * A primary key with these key flags that expires {@code lifetime} after its creation ({@link
   * Duration#ZERO}: never).
   */
  static OpenPGPKey key(KeyType type, int flags, Duration lifetime) {
    try {
      return API.generateKey(4, Date.from(KEY_CREATED), false)
          .withPrimaryKey(type.generator, hashed(flags, lifetime))
          .addUserId("Test Signer <" + type.name().toLowerCase(java.util.Locale.ROOT) + "@test>")
          .build();
    } catch (PGPException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A certify-only primary key with an Ed25519 signing sub-key. */
  static OpenPGPKey keyWithSigningSubkey() {
    try {
      return API.generateKey(4, Date.from(KEY_CREATED), false)
          .withPrimaryKey(KeyType.ED25519_LEGACY.generator)
          .addSigningSubkey(KeyType.ED25519_LEGACY.generator)
          .addUserId("Sub Key <sub@test>")
          .build();
    } catch (PGPException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The key revoked one day before {@link #NOW}. */
  static OpenPGPKey revoked(OpenPGPKey key) {
    try {
      return API.editKey(key).revokeKey(at(NOW.minus(Duration.ofDays(1)))).done();
    } catch (PGPException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The key with its signing sub-key revoked one day before {@link #NOW}. */
  static OpenPGPKey subkeyRevoked(OpenPGPKey key) {
    try {
      return API.editKey(key)
          .revokeComponentKey(signingSubkey(key), at(NOW.minus(Duration.ofDays(1))))
          .done();
    } catch (PGPException e) {
      throw new IllegalStateException(e);
    }
  }

  static OpenPGPComponentKey signingSubkey(OpenPGPKey key) {
    return key.getKeys().stream()
        .filter(k -> !k.isPrimaryKey())
        .filter(k -> k.isSigningKey())
        .findFirst()
        .orElseThrow();
  }

  /** The public key ring, binary. */
  static byte[] publicKey(OpenPGPKey... keys) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      for (OpenPGPKey key : keys) {
        out.write(key.toCertificate().getEncoded());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** The public key ring, one armored block per key, one after the other. */
  static byte[] armoredPublicKey(OpenPGPKey... keys) {
    StringBuilder text = new StringBuilder();
    try {
      for (OpenPGPKey key : keys) {
        text.append(key.toCertificate().toAsciiArmoredString());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return text.toString().getBytes(StandardCharsets.US_ASCII);
  }

  static OpenPgpKeyRing ring(OpenPGPKey... keys) {
    return OpenPgpKeyRing.of(publicKey(keys));
  }

  static String fingerprint(OpenPGPKey key) {
    return OpenPgpKeyRing.hex(key.getPrimaryKey().getPGPPublicKey().getFingerprint());
  }

  /** A signer with the primary key, or the signing sub-key of a key that has one. */
  static Signer signer(OpenPGPKey key) {
    OpenPGPComponentKey signing =
        key.getKeys().stream()
            .filter(k -> !k.isPrimaryKey())
            .filter(k -> k.isSigningKey())
            .findFirst()
            .orElse(key.getPrimaryKey());
    return new Signer(key.getSecretKey(signing).getPGPSecretKey());
  }

  /** Makes signed messages; each setter returns this. */
  static final class Signer {
    private final List<PGPSecretKey> keys = new ArrayList<>();
    private boolean compressed = true;
    private boolean chunked;
    private Instant created = NOW.minus(Duration.ofHours(1));
    private int hash = HashAlgorithmTags.SHA256;
    private int type = PGPSignature.BINARY_DOCUMENT;
    private long lifetimeSeconds;
    private byte[] literalOverride;
    private byte[] trailing = new byte[0];

    Signer(PGPSecretKey key) {
      keys.add(key);
    }

    Signer compressed(boolean compressed) {
      this.compressed = compressed;
      return this;
    }

    /**
     * Compresses into a packet of partial lengths, which has a definite end, where gpg (and the
     * default) writes one that extends to the end of the input.
     */
    Signer compressedInChunks() {
      this.chunked = true;
      return this;
    }

    Signer at(Instant created) {
      this.created = created;
      return this;
    }

    Signer hash(int hash) {
      this.hash = hash;
      return this;
    }

    Signer textMode() {
      this.type = PGPSignature.CANONICAL_TEXT_DOCUMENT;
      return this;
    }

    Signer expiringAfter(Duration lifetime) {
      this.lifetimeSeconds = lifetime.toSeconds();
      return this;
    }

    /** Signs with this key too: a message with two signatures. */
    Signer alsoBy(OpenPGPKey other) {
      keys.add(signer(other).keys.get(0));
      return this;
    }

    /** Puts these bytes in the literal data packet instead of the payload signed. */
    Signer literal(byte[] replacement) {
      this.literalOverride = replacement;
      return this;
    }

    Signer trailing(byte[] bytes) {
      this.trailing = bytes.clone();
      return this;
    }

    byte[] sign(String payload) {
      return sign(payload.getBytes(StandardCharsets.UTF_8));
    }

    /** The signed message, binary, as {@code gpg --sign} writes it. */
    byte[] sign(byte[] payload) {
      try {
        List<PGPSignatureGenerator> generators = new ArrayList<>();
        for (PGPSecretKey key : keys) {
          generators.add(generator(key));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PGPCompressedDataGenerator compressor =
            new PGPCompressedDataGenerator(CompressionAlgorithmTags.ZLIB);
        OutputStream body =
            !compressed
                ? out
                : chunked ? compressor.open(out, new byte[512]) : compressor.open(out);
        BCPGOutputStream packets = new BCPGOutputStream(body);
        for (int i = generators.size() - 1; i >= 0; i--) {
          generators.get(i).generateOnePassVersion(i > 0).encode(packets);
        }
        byte[] literal = literalOverride != null ? literalOverride : payload;
        PGPLiteralDataGenerator literalData = new PGPLiteralDataGenerator();
        try (OutputStream content =
            literalData.open(
                packets, PGPLiteralData.BINARY, "", literal.length, Date.from(created))) {
          content.write(literal);
        }
        for (PGPSignatureGenerator generator : generators) {
          generator.update(payload);
          generator.generate().encode(packets);
        }
        compressor.close();
        out.write(trailing);
        return out.toByteArray();
      } catch (IOException | PGPException e) {
        throw new IllegalStateException(e);
      }
    }

    private PGPSignatureGenerator generator(PGPSecretKey key) throws PGPException {
      PGPPublicKey publicKey = key.getPublicKey();
      PGPPrivateKey privateKey = key.extractPrivateKey(null);
      PGPSignatureGenerator generator =
          new PGPSignatureGenerator(
              new BcPGPContentSignerBuilder(publicKey.getAlgorithm(), hash), publicKey);
      generator.init(type, privateKey);
      PGPSignatureSubpacketGenerator hashed = new PGPSignatureSubpacketGenerator();
      hashed.setSignatureCreationTime(false, Date.from(created));
      hashed.setIssuerFingerprint(false, publicKey);
      if (lifetimeSeconds > 0) {
        hashed.setSignatureExpirationTime(false, lifetimeSeconds);
      }
      generator.setHashedSubpackets(hashed.generate());
      return generator;
    }
  }

  /** An armored copy of a binary OpenPGP message. */
  static byte[] armored(byte[] binary) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ArmoredOutputStream armor = ArmoredOutputStream.builder().build(out)) {
      armor.write(binary);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static SignatureParameters.Callback hashed(int flags, Duration lifetime) {
    SignatureSubpacketsFunction subpackets =
        h -> {
          h.setKeyFlags(true, flags);
          if (!lifetime.isZero()) {
            h.setKeyExpirationTime(true, lifetime.toSeconds());
          }
          return h;
        };
    return new SignatureParameters.Callback() {
      @Override
      public SignatureParameters apply(SignatureParameters parameters) {
        return parameters.setHashedSubpacketsFunction(subpackets);
      }
    };
  }

  private static SignatureParameters.Callback at(Instant time) {
    return new SignatureParameters.Callback() {
      @Override
      public SignatureParameters apply(SignatureParameters parameters) {
        return parameters.setSignatureCreationTime(Date.from(time));
      }
    };
  }
}
