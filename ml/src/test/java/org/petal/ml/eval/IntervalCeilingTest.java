package org.petal.ml.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.petal.ml.dataset.Dataset;
import org.petal.ml.io.VoxelBudget;
import org.petal.ml.morph.BinaryMask;
import org.petal.ml.phantom.PhantomDatasetWriter;
import org.petal.ml.volume.PetUnit;
import org.petal.ml.volume.PetVolume;
import org.petal.ml.volume.VolumeGeometry;

class IntervalCeilingTest {

    private static final VolumeGeometry GRID = VolumeGeometry.axisAligned(40, 40, 40, 4, 4, 4, new double[3]);

    /** Background SUV 1 with the given boxes painted at their SUVs: {i0, j0, k0, i1, j1, k1, suv}. */
    private static PetVolume image(double[]... boxes) {
        float[] v = new float[40 * 40 * 40];
        java.util.Arrays.fill(v, 1f);
        for (double[] b : boxes) {
            for (int k = (int) b[2]; k < b[5]; k++) {
                for (int j = (int) b[1]; j < b[4]; j++) {
                    for (int i = (int) b[0]; i < b[3]; i++) {
                        v[i + 40 * (j + 40 * k)] = (float) b[6];
                    }
                }
            }
        }
        return new PetVolume(GRID, v, PetUnit.SUV_BW, null);
    }

    private static BinaryMask box(int i0, int j0, int k0, int i1, int j1, int k1) {
        BinaryMask m = new BinaryMask(GRID);
        for (int k = k0; k < k1; k++) {
            for (int j = j0; j < j1; j++) {
                for (int i = i0; i < i1; i++) {
                    m.set(i, j, k, true);
                }
            }
        }
        return m;
    }

    @Test
    void an_object_hotter_than_everything_around_it_is_separated_exactly() {
        PetVolume pet = image(new double[] {10, 10, 10, 20, 20, 20, 5});

        IntervalCeiling.Result raw = IntervalCeiling.of(pet, box(10, 10, 10, 20, 20, 20), false).orElseThrow();

        assertThat(raw.dice()).isEqualTo(1.0);
        assertThat(raw.voxels()).isEqualTo(1000);
        assertThat(raw.lo()).isEqualTo(5.0);
    }

    @Test
    void an_object_touching_a_neighbour_of_the_same_uptake_is_capped_by_the_share_it_has_of_the_joint_region() {
        // The object is the left half of a uniform bar: no interval tells its half from the other.
        PetVolume pet = image(new double[] {10, 10, 10, 30, 20, 20, 5});

        IntervalCeiling.Result raw = IntervalCeiling.of(pet, box(10, 10, 10, 20, 20, 20), false).orElseThrow();

        assertThat(raw.dice()).isCloseTo(2.0 * 1000 / 3000, within(1e-9));
    }

    @Test
    void a_neighbour_of_different_uptake_is_cut_off_by_the_interval_s_upper_end() {
        PetVolume pet = image(new double[] {10, 10, 10, 20, 20, 20, 5}, new double[] {20, 10, 10, 30, 20, 20, 9});

        IntervalCeiling.Result raw = IntervalCeiling.of(pet, box(10, 10, 10, 20, 20, 20), false).orElseThrow();

        assertThat(raw.dice()).isEqualTo(1.0);
        assertThat(raw.hi()).isLessThan(9.0);
    }

    @Test
    void an_empty_object_has_no_ceiling() {
        assertThat(IntervalCeiling.of(image(), new BinaryMask(GRID), true)).isEmpty();
    }

    @Test
    void the_dataset_report_has_a_row_per_object_and_a_mean_per_label(@TempDir Path dir) throws IOException {
        Dataset data = PhantomDatasetWriter.write(dir.resolve("ds"), 1, 11, 8.0, c -> { });

        List<CeilingRunner.Row> rows = new CeilingRunner(VoxelBudget.DEFAULT, 2)
            .run(data, Set.of("liver", "heart"), new PrintStream(new ByteArrayOutputStream()));
        CeilingRunner.write(dir.resolve("out"), rows, "test");

        assertThat(rows).extracting(CeilingRunner.Row::label).containsExactly("heart", "liver");
        assertThat(rows).allSatisfy(r -> assertThat(r.smoothed().dice()).isBetween(0.0, 1.0));
        assertThat(Files.readAllLines(dir.resolve("out/ceiling.csv"))).hasSize(3);
        assertThat(Files.readString(dir.resolve("out/ceiling.md"))).contains("| heart | organ | 1 |", "| liver | organ | 1 |");
    }
}
