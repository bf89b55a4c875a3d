package org.petal.ml.segment.suvgrow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.petal.ml.segment.Box;
import org.petal.ml.volume.PetUnit;
import org.petal.ml.volume.PetVolume;
import org.petal.ml.volume.VolumeGeometry;

/** The two ways the exclude split measures a seed's depth agree: per-seed shell search and one transform. */
class GeodesicDepthTest {

    @Test
    void theDistanceTransformGivesEachVoxelTheDepthTheShellSearchFinds() {
        VolumeGeometry g = VolumeGeometry.axisAligned(40, 30, 20, 1.5, 2.0, 3.0, new double[3]);
        WindowImage img = WindowImage.read(new PetVolume(g, new float[40 * 30 * 20], PetUnit.SUV_BW, null), Box.of(g),
            new Scratch());
        byte[] mask = new byte[img.n];
        for (int k = 0; k < 20; k++) {
            for (int j = 0; j < 30; j++) {
                for (int i = 0; i < 40; i++) {
                    double r2 = Math.pow((i - 15) * 1.5, 2) + Math.pow((j - 14) * 2.0, 2) + Math.pow((k - 9) * 3.0, 2);
                    boolean slab = i >= 25 && j >= 3 && k <= 12;   // touches the window border on two sides
                    mask[img.index(i, j, k)] = (byte) (r2 <= 20 * 20 || slab ? 1 : 0);
                }
            }
        }
        float[] depth2 = GeodesicSplitter.depthTransform(img, mask);
        int checked = 0;
        for (int v = 0; v < img.n; v++) {
            if (mask[v] != 0) {
                assertThat(Math.sqrt(depth2[v])).as("voxel %d", v).isCloseTo(GeodesicSplitter.depthMm(img, mask, v), within(1e-4));
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(5000);
    }
}
