package dev.registryclient.oci.pull;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SegmentationTest {
  private static final long MIB = 1024 * 1024;

  @Test
  void blobsBelowTheThresholdOrWithoutASizeAreNotSegmented() {
    assertThat(Segmentation.DEFAULT.usefulConnections(32 * MIB - 1)).isEqualTo(1);
    assertThat(Segmentation.DEFAULT.usefulConnections(-1)).isEqualTo(1);
    assertThat(Segmentation.OFF.usefulConnections(4096 * MIB)).isEqualTo(1);
  }

  @Test
  void noSegmentIsSmallerThanTheMinimumSoSmallBlobsUseFewConnections() {
    assertThat(Segmentation.DEFAULT.usefulConnections(32 * MIB)).isEqualTo(2);
    assertThat(Segmentation.DEFAULT.usefulConnections(64 * MIB)).isEqualTo(4);
    assertThat(Segmentation.DEFAULT.segmentSize(64 * MIB, 4)).isEqualTo(16 * MIB);
  }

  @Test
  void largeBlobsGetAboutEightSegmentsPerConnection() {
    assertThat(Segmentation.DEFAULT.segmentSize(512 * MIB, 4)).isEqualTo(16 * MIB);
    assertThat(Segmentation.DEFAULT.segmentSize(4096 * MIB, 4)).isEqualTo(128 * MIB);
    assertThat(Segmentation.DEFAULT.usefulConnections(100_000 * MIB)).isEqualTo(64);
  }

  @Test
  void spareConnectionsAreTakenWithoutWaitingAndGivenBack() {
    SpareConnections spare = new SpareConnections(3);

    assertThat(spare.take(7)).isEqualTo(3);
    assertThat(spare.take(1)).isZero();
    spare.give(2);
    assertThat(spare.take(1)).isEqualTo(1);
    assertThat(SpareConnections.none().take(4)).isZero();
  }
}
