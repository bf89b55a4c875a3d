package org.petal.segmentation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.petal.ml.segment.Box;

/** The binary mask delta: its header byte for byte, and the body's round trip. */
class MaskDeltaTest {

    private static final Box BOX = new Box(10, 11, 12, 14, 15, 16);

    @Test
    void theHeaderIsExactlyTheGoldenBytes() throws IOException {
        byte[] frame = new MaskDelta(2, 1, BOX, ones(BOX)).encode();
        byte[] golden = goldenHeader();
        assertThat(golden).hasSize(Protocol.DELTA_HEADER_BYTES);
        assertThat(Arrays.copyOf(frame, Protocol.DELTA_HEADER_BYTES)).isEqualTo(golden);
    }

    @Test
    void aDeltaReadsBackWithItsLabelObjectBoxAndVoxels() {
        byte[] voxels = new byte[(int) BOX.voxelCount()];
        voxels[0] = 1;
        voxels[voxels.length - 1] = 1;
        MaskDelta back = MaskDelta.decode(new MaskDelta(255, 7, BOX, voxels).encode(), 1_000);
        assertThat(back.labelValue()).isEqualTo(255);
        assertThat(back.objectId()).isEqualTo(7);
        assertThat(back.box()).isEqualTo(BOX);
        assertThat(back.voxels()).isEqualTo(voxels);
    }

    @Test
    void framesThatAreNotDeltasOrClaimTooLargeABoxAreRefused() {
        byte[] frame = new MaskDelta(2, 1, BOX, ones(BOX)).encode();
        byte[] wrongMagic = frame.clone();
        wrongMagic[0] = 'X';
        assertThatThrownBy(() -> MaskDelta.decode(wrongMagic, 1_000)).hasMessageContaining("not a mask delta");
        byte[] newerVersion = frame.clone();
        newerVersion[Protocol.DELTA_OFFSET_VERSION] = 9;
        assertThatThrownBy(() -> MaskDelta.decode(newerVersion, 1_000)).hasMessageContaining("version 9");
        assertThatThrownBy(() -> MaskDelta.decode(frame, 10)).hasMessageContaining("larger than 10 voxels");
        assertThatThrownBy(() -> MaskDelta.decode(Arrays.copyOf(frame, 20), 1_000)).hasMessageContaining("not a mask delta");
    }

    @Test
    void anEmptyBoxIsNotADelta() {
        assertThatThrownBy(() -> new MaskDelta(2, 1, Box.EMPTY, new byte[0])).isInstanceOf(IllegalArgumentException.class);
    }

    private static byte[] ones(Box b) {
        byte[] v = new byte[(int) b.voxelCount()];
        Arrays.fill(v, (byte) 1);
        return v;
    }

    /** The hex file with its comments and spaces removed. */
    private static byte[] goldenHeader() throws IOException {
        try (InputStream in = MaskDeltaTest.class.getResourceAsStream("/protocol/delta-header.hex")) {
            StringBuilder hex = new StringBuilder();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                hex.append(line.replaceAll("#.*", "").replaceAll("\\s", ""));
            }
            return HexFormat.of().parseHex(hex.toString());
        }
    }
}
