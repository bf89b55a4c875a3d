package org.petal.cases.slices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.petal.ml.store.VoxelStore;
import org.petal.ml.store.VoxelStoreWriter;
import org.petal.ml.volume.PetUnit;
import org.petal.ml.volume.PetVolume;
import org.petal.ml.volume.VolumeGeometry;

/** The downsampled volume frame: its bytes are a contract with clients, its blocks a maximum of the source. */
class VolumeFrameTest {

    @TempDir Path dir;

    @Test
    void aTwoByOneByOneVolumeEncodesToTheDocumentedBytes() {
        DownsampledVolume d = new DownsampledVolume(2, 1, 1, 1, 2, 3, new double[] {2.0, 4.0, 6.0}, -1f, 0.5f,
            new short[] {1, (short) 65535});

        byte[] frame = VolumeFrame.encode(d, 1.0, PetUnit.SUV_BW);

        assertThat(HexFormat.of().formatHex(frame)).isEqualTo(
            "50564f4c" + "0100" + "3000"                      // "PVOL", version 1, header 48 bytes
                + "02000000" + "01000000" + "01000000"        // mx 2, my 1, mz 1
                + "00000040" + "00008040" + "0000c040"        // spacing 2.0, 4.0, 6.0 mm
                + "000080bf" + "0000003f"                     // offset -1.0, scale 0.5
                + "0100" + "0200" + "0300"                    // factors 1, 2, 3
                + "01" + "00"                                 // SUVbw, block maximum
                + "0100" + "ffff");                           // levels 1 and 65535
    }

    @Test
    void anSuvCorrectionScalesOffsetAndScaleButNotTheLevels() {
        DownsampledVolume d = new DownsampledVolume(1, 1, 1, 1, 1, 1, new double[] {1, 1, 1}, -2f, 0.25f,
            new short[] {100});

        DecodedVolume f = DecodedVolume.decode(VolumeFrame.encode(d, 0.5, PetUnit.SUV_BW));

        assertThat(f.offset()).isEqualTo(-1f);
        assertThat(f.scale()).isEqualTo(0.125f);
        assertThat(f.levels()).containsExactly(100);
    }

    @Test
    void theFactorPerAxisIsTheSmallestThatBringsTheAxisToMaxSize() {
        assertThat(DownsampledVolume.factor(128, 128)).isEqualTo(1);
        assertThat(DownsampledVolume.factor(129, 128)).isEqualTo(2);
        assertThat(DownsampledVolume.factor(600, 128)).isEqualTo(5);
        assertThat(DownsampledVolume.factor(12, 16)).isEqualTo(1);
    }

    @Test
    void eachDownsampledVoxelIsTheMaximumOfItsBlockIncludingShortBlocksAtTheFarEdges() throws IOException {
        // 40 x 20 x 17 at maxSize 16: factors 3, 2, 2 -> 14 x 10 x 9, the last i and k blocks one voxel thick.
        int nx = 40, ny = 20, nz = 17;
        VolumeGeometry g = VolumeGeometry.axisAligned(nx, ny, nz, 2, 3, 4, new double[3]);
        float[] v = new float[nx * ny * nz];
        for (int n = 0; n < v.length; n++) {
            v[n] = (float) Math.abs(Math.sin(n * 0.7)) * 5;  // no two neighbours alike, no pattern along an axis
        }
        v[g.index(39, 19, 16)] = 20;                            // alone in the far corner block
        v[g.index(4, 5, 6)] = Float.NaN;                        // ignored, never the maximum
        VoxelStore store = VoxelStoreWriter.write(new PetVolume(g, v, PetUnit.SUV_BW, null), dir.resolve("s"), "test");

        DownsampledVolume d = DownsampledVolume.blockMax(store, 16);

        assertThat(new int[] {d.mx(), d.my(), d.mz(), d.fx(), d.fy(), d.fz()}).containsExactly(14, 10, 9, 3, 2, 2);
        assertThat(d.spacingMm()).containsExactly(6.0, 6.0, 8.0);
        float tolerance = d.scale() * 0.5f + 1e-5f;
        for (int c = 0; c < d.mz(); c++) {
            for (int b = 0; b < d.my(); b++) {
                for (int a = 0; a < d.mx(); a++) {
                    float expected = Float.NEGATIVE_INFINITY;
                    for (int k = 2 * c; k < Math.min(2 * c + 2, nz); k++) {
                        for (int j = 2 * b; j < Math.min(2 * b + 2, ny); j++) {
                            for (int i = 3 * a; i < Math.min(3 * a + 3, nx); i++) {
                                float x = v[g.index(i, j, k)];
                                if (x > expected) {
                                    expected = x;
                                }
                            }
                        }
                    }
                    assertThat(d.value(a, b, c)).as("(%d, %d, %d)", a, b, c).isCloseTo(expected, within(tolerance));
                }
            }
        }
        assertThat(d.value(13, 9, 8)).isCloseTo(20f, within(tolerance));
    }

    @Test
    void aVolumeWithinMaxSizeIsKeptVoxelForVoxel() throws IOException {
        VolumeGeometry g = VolumeGeometry.axisAligned(3, 2, 2, 1, 1, 1, new double[3]);
        float[] v = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11};
        VoxelStore store = VoxelStoreWriter.write(new PetVolume(g, v, PetUnit.SUV_BW, null), dir.resolve("s"), "test");

        DownsampledVolume d = DownsampledVolume.blockMax(store, 16);

        assertThat(new int[] {d.mx(), d.my(), d.mz()}).containsExactly(3, 2, 2);
        for (int n = 0; n < v.length; n++) {
            assertThat(d.value(n % 3, (n / 3) % 2, n / 6)).isCloseTo(v[n], within(d.scale() * 0.5f + 1e-5f));
        }
    }

    @Test
    void aMaxSizeOutside16To256IsRefused() throws IOException {
        VolumeGeometry g = VolumeGeometry.axisAligned(2, 2, 2, 1, 1, 1, new double[3]);
        VoxelStore store = VoxelStoreWriter.write(new PetVolume(g, new float[8], PetUnit.SUV_BW, null), dir.resolve("s"),
            "test");

        assertThatThrownBy(() -> DownsampledVolume.blockMax(store, 15)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DownsampledVolume.blockMax(store, 257)).isInstanceOf(IllegalArgumentException.class);
    }
}
