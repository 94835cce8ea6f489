package dev.registryclient.oci.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.registryclient.api.MediaType;
import dev.registryclient.api.exception.ErrorContext;
import dev.registryclient.api.exception.InvalidContentException;
import dev.registryclient.api.exception.Phase;
import dev.registryclient.oci.testing.RealWorld;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class ManifestCodecProperties {

  private static final ErrorContext CTX = ErrorContext.of(Phase.MANIFEST);

  @Property
  void arbitraryBytesNeverCrashWithAnythingButInvalidContent(
      @ForAll("documents") byte[] bytes, @ForAll("contentTypes") Optional<String> contentType) {
    try {
      ManifestCodec.defaults().decode(bytes, contentType, CTX);
    } catch (InvalidContentException expected) {
      assertThat(expected.phase()).isEqualTo(Phase.MANIFEST);
    }
    try {
      ManifestCodec.defaults().decodeConfig(bytes, MediaType.OCI_CONFIG, CTX);
    } catch (InvalidContentException expected) {
      assertThat(expected.phase()).isEqualTo(Phase.MANIFEST);
    }
  }

  @Provide
  Arbitrary<byte[]> documents() {
    byte[] sample = RealWorld.bytes("manifests/oci11-artifact-manifest-with-subject.json");
    Arbitrary<byte[]> mutated =
        Arbitraries.integers()
            .between(0, sample.length - 1)
            .list()
            .ofMaxSize(4)
            .map(
                positions -> {
                  byte[] copy = sample.clone();
                  for (int p : positions) {
                    copy[p] = (byte) "{}[]\":,0a-".charAt(p % 10);
                  }
                  return copy;
                });
    return Arbitraries.oneOf(Arbitraries.bytes().array(byte[].class).ofMaxSize(300), mutated);
  }

  @Provide
  Arbitrary<Optional<String>> contentTypes() {
    return Arbitraries.oneOf(
        Arbitraries.just(Optional.empty()),
        Arbitraries.of(ManifestCodec.READABLE_TYPES).map(t -> Optional.of(t.toString())),
        Arbitraries.strings().ofMaxLength(40).map(Optional::of));
  }
}
