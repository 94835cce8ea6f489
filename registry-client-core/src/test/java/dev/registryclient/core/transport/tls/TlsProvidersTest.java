package dev.registryclient.core.transport.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.Provider;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Conscrypt when present and loadable, the JDK's TLS when switched off or unavailable. The TLS
 * tests of this package run twice (pom.xml): with Conscrypt, and with {@code
 * registry.client.tls.provider=jdk}.
 */
class TlsProvidersTest {
  private static final Provider CONSCRYPT_STAND_IN = new Provider("StandIn", "1", "a test") {};

  @TempDir Path certsD;

  @Test
  void conscryptIsChosenWhenItLoads() {
    assertThat(TlsProviders.choose(null, () -> Optional.of(CONSCRYPT_STAND_IN)))
        .contains(CONSCRYPT_STAND_IN);
    assertThat(TlsProviders.choose("conscrypt", () -> Optional.of(CONSCRYPT_STAND_IN)))
        .contains(CONSCRYPT_STAND_IN);
  }

  @Test
  void theSwitchKeepsTheJdksTls() {
    Supplier<Optional<Provider>> neverAsked =
        () -> {
          throw new AssertionError("Conscrypt loaded although switched off");
        };
    assertThat(TlsProviders.choose("jdk", neverAsked)).isEmpty();
    assertThat(TlsProviders.choose(" JDK ", neverAsked)).isEmpty();
  }

  @Test
  void aProviderWhoseClassesOrNativeLibraryAreMissingFallsBackToTheJdk() {
    assertThat(
            TlsProviders.load(
                () -> {
                  throw new UnsatisfiedLinkError("failed to map segment from shared object");
                }))
        .isEmpty();
    assertThat(
            TlsProviders.load(
                () -> {
                  throw new NoClassDefFoundError("org/conscrypt/Conscrypt");
                }))
        .isEmpty();
    assertThat(TlsProviders.choose(null, Optional::empty)).isEmpty();
    assertThat(TlsProviders.load(() -> CONSCRYPT_STAND_IN)).contains(CONSCRYPT_STAND_IN);
  }

  @Test
  void contextsComeFromConscryptUnlessSwitchedOff() throws Exception {
    boolean switchedOff = "jdk".equals(System.getProperty(TlsProviders.PROPERTY));
    TlsSettings settings = TlsSettings.builder().certsDirectories(List.of(certsD)).build();

    String provider = settings.contextFor("registry.example", 443).getProvider().getName();

    assertThat(provider).isEqualTo(switchedOff ? "SunJSSE" : "Conscrypt");
  }
}
