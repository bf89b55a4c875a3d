package org.petal.cases.slices;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.petal.ml.store.QuantizedSlice;
import org.petal.ml.volume.PetUnit;

/** The frame's bytes are a contract with clients: a golden frame pins them. */
class SliceFrameTest {

    @Test
    void aTwoByOneSliceEncodesToTheDocumentedBytes() {
        QuantizedSlice q = new QuantizedSlice(2, 1, new short[] {1, (short) 65535}, -1f, 0.5f, 2.0, 4.0);

        byte[] frame = SliceFrame.encode(q, 1.0, PetUnit.SUV_BW, SliceKind.CORONAL);

        assertThat(HexFormat.of().formatHex(frame)).isEqualTo(
            "50534c43" + "0100" + "2400"          // "PSLC", version 1, header 36 bytes
                + "02000000" + "01000000"          // width 2, height 1
                + "000080bf" + "0000003f"          // offset -1.0, scale 0.5
                + "00000040" + "00008040"          // spacing 2.0 mm, 4.0 mm
                + "01" + "01" + "0000"             // SUVbw, coronal, reserved
                + "0100" + "ffff");                // levels 1 and 65535
    }

    @Test
    void anSuvCorrectionScalesOffsetAndScaleButNotTheLevels() {
        QuantizedSlice q = new QuantizedSlice(1, 1, new short[] {100}, -2f, 0.25f, 1, 1);

        DecodedFrame f = DecodedFrame.decode(SliceFrame.encode(q, 0.5, PetUnit.SUV_BW, SliceKind.AXIAL));

        assertThat(f.offset()).isEqualTo(-1f);
        assertThat(f.scale()).isEqualTo(0.125f);
        assertThat(f.levels()).containsExactly(100);
        assertThat(f.value(0, 0)).isEqualTo(q.value(0, 0) * 0.5f);
    }
}
