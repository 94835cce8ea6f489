package dev.registryclient.testkit.internal;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OpenPgpArmorTest {

  @Test
  void crc24MatchesTheOpenPgpCheckValue() {
    // the catalogued check value of CRC-24/OPENPGP, the CRC over "123456789"
    assertThat(OpenPgpArmor.crc24("123456789".getBytes(US_ASCII))).isEqualTo(0x21cf02);
    assertThat(OpenPgpArmor.crc24(new byte[0])).isEqualTo(0xb704ce);
  }

  @Test
  void armorWrapsBase64AtSixtyFourAndEndsWithTheChecksum() {
    // 0x21cf02 in base64 is "Ic8C"
    String armored = OpenPgpArmor.armor("PGP MESSAGE", "123456789".repeat(12).getBytes(US_ASCII));

    assertThat(armored.lines())
        .containsExactly(
            "-----BEGIN PGP MESSAGE-----",
            "",
            "MTIzNDU2Nzg5MTIzNDU2Nzg5MTIzNDU2Nzg5MTIzNDU2Nzg5MTIzNDU2Nzg5MTIz",
            "NDU2Nzg5MTIzNDU2Nzg5MTIzNDU2Nzg5MTIzNDU2Nzg5MTIzNDU2Nzg5MTIzNDU2",
            "Nzg5MTIzNDU2Nzg5",
            "=" + checksum("123456789".repeat(12)),
            "-----END PGP MESSAGE-----");
    assertThat(OpenPgpArmor.armor("X", "123456789".getBytes(US_ASCII))).contains("\n=Ic8C\n");
  }

  private static String checksum(String text) {
    int crc = OpenPgpArmor.crc24(text.getBytes(US_ASCII));
    return java.util.Base64.getEncoder()
        .encodeToString(new byte[] {(byte) (crc >> 16), (byte) (crc >> 8), (byte) crc});
  }
}
