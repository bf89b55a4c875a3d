package org.petal.ml.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.petal.ml.io.CorruptFileException;
import org.petal.ml.volume.PetUnit;
import org.petal.ml.volume.PetVolume;
import org.petal.ml.volume.SuvParameters;
import org.petal.ml.volume.VolumeGeometry;

class VoxelStoreTest {

    @TempDir
    Path dir;

    private PetVolume volume;
    private VoxelStore store;

    @BeforeEach
    void storeARandomVolume() throws IOException {
        VolumeGeometry g = VolumeGeometry.axisAligned(23, 17, 11, 2.0, 2.0, 3.0, new double[] {-20, -10, 5});
        float[] v = new float[(int) g.voxelCount()];
        SplittableRandom random = new SplittableRandom(7);
        for (int n = 0; n < v.length; n++) {
            v[n] = (float) (random.nextDouble() * 10 - 0.5);
        }
        volume = new PetVolume(g, v, PetUnit.SUV_BW, SuvParameters.declaredSuv("test"));
        store = VoxelStoreWriter.write(volume, dir.resolve("case-1"), "random test volume");
    }

    @Test
    void axial_coronal_and_sagittal_slices_hold_the_voxels_of_the_volume() {
        SliceImage axial = store.axial(4);
        SliceImage coronal = store.coronal(9);
        SliceImage sagittal = store.sagittal(13);
        for (int k = 0; k < 11; k++) {
            for (int j = 0; j < 17; j++) {
                for (int i = 0; i < 23; i++) {
                    float expected = volume.get(i, j, k);
                    assertThat(store.value(i, j, k)).isEqualTo(expected);
                    if (k == 4) assertThat(axial.get(i, j)).isEqualTo(expected);
                    if (j == 9) assertThat(coronal.get(i, k)).isEqualTo(expected);
                    if (i == 13) assertThat(sagittal.get(j, k)).isEqualTo(expected);
                }
            }
        }
        assertThat(coronal.spacingVMm()).isEqualTo(3.0);
    }

    @Test
    void precomputed_mips_equal_a_brute_force_projection() {
        SliceImage coronalMip = store.coronalMip();
        SliceImage sagittalMip = store.sagittalMip();
        for (int k = 0; k < 11; k++) {
            for (int i = 0; i < 23; i++) {
                float max = Float.NEGATIVE_INFINITY;
                for (int j = 0; j < 17; j++) max = Math.max(max, volume.get(i, j, k));
                assertThat(coronalMip.get(i, k)).isEqualTo(max);
            }
            for (int j = 0; j < 17; j++) {
                float max = Float.NEGATIVE_INFINITY;
                for (int i = 0; i < 23; i++) max = Math.max(max, volume.get(i, j, k));
                assertThat(sagittalMip.get(j, k)).isEqualTo(max);
            }
        }
    }

    @Test
    void rotating_mip_at_zero_and_ninety_degrees_matches_the_coronal_and_sagittal_mips() {
        assertSameColumnsUpToPadding(store.rotatingMip(0), store.coronalMip());
        assertSameColumnsUpToPadding(store.rotatingMip(90), store.sagittalMip());
    }

    @Test
    void rotating_mip_at_any_angle_keeps_the_slice_maximum() {
        for (double angle : new double[] {17, 45, 133, 250}) {
            SliceImage mip = store.rotatingMip(angle);
            for (int k = 0; k < 11; k++) {
                float rowMax = 0;
                for (int c = 0; c < mip.width(); c++) rowMax = Math.max(rowMax, mip.get(c, k));
                float sliceMax = store.axial(k).max();
                assertThat(rowMax).isEqualTo(sliceMax);
            }
        }
    }

    @Test
    void quantized_slices_are_within_half_a_step_of_the_float_values() {
        SliceImage axial = store.axial(2);
        StoreMetadata m = store.metadata();
        QuantizedSlice q = axial.quantize(m.quantizationOffset(), m.quantizationScale());
        for (int j = 0; j < 17; j++) {
            for (int i = 0; i < 23; i++) {
                assertThat(q.value(i, j)).isCloseTo(axial.get(i, j), within(m.quantizationScale() * 0.5f + 1e-6f));
            }
        }
        assertThat(m.quantizationOffset()).isLessThan(0f);
    }

    @Test
    void metadata_keeps_geometry_unit_range_and_suv_provenance() throws IOException {
        VoxelStore reopened = VoxelStore.open(dir.resolve("case-1"));
        StoreMetadata m = reopened.metadata();
        assertThat(reopened.geometry().sameGrid(volume.geometry(), 1e-12)).isTrue();
        assertThat(m.unit()).isEqualTo(PetUnit.SUV_BW);
        assertThat(m.suvParameters().source()).isEqualTo("test");
        assertThat(m.maxValue()).isEqualTo(store.coronalMip().max());
        assertThat(reopened.readVolume().voxels()).containsExactly(volume.voxels());
    }

    @Test
    void an_unfinished_import_leaves_nothing_on_disk() throws IOException {
        Path target = dir.resolve("case-2");
        try (VoxelStoreWriter writer = new VoxelStoreWriter(target, volume.geometry(), PetUnit.SUV_BW, null, "partial")) {
            writer.accept(0, new float[100], 100);
            assertThatThrownBy(writer::commit).isInstanceOf(IllegalStateException.class).hasMessageContaining("incomplete");
        }
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactly("case-1");
        }
    }

    @Test
    void a_store_is_never_written_over_an_existing_case() {
        assertThatThrownBy(() -> VoxelStoreWriter.write(volume, dir.resolve("case-1"), "again"))
            .hasMessageContaining("already exists");
    }

    @Test
    void a_damaged_voxel_file_is_reported_on_open() throws IOException {
        Path pet = dir.resolve("case-1").resolve(StoreFiles.PET);
        byte[] bytes = Files.readAllBytes(pet);
        Files.write(pet, java.util.Arrays.copyOf(bytes, bytes.length - 4));
        assertThatThrownBy(() -> VoxelStore.open(dir.resolve("case-1")))
            .isInstanceOf(CorruptFileException.class).hasMessageContaining("damaged");
    }

    @Test
    void non_finite_voxels_are_stored_as_zero_and_counted() throws IOException {
        float[] v = volume.voxels().clone();
        v[5] = Float.NaN;
        v[6] = Float.POSITIVE_INFINITY;
        VoxelStore s = VoxelStoreWriter.write(new PetVolume(volume.geometry(), v, PetUnit.BQ_PER_ML, null), dir.resolve("nan"), "nan");
        assertThat(s.metadata().nonFiniteVoxels()).isEqualTo(2);
        assertThat(s.value(5, 0, 0)).isZero();
        assertThat(s.metadata().maxValue()).isFinite();
    }

    /** The rotating MIP's detector is wider than the volume (it must fit the diagonal); compare the centred part. */
    private static void assertSameColumnsUpToPadding(SliceImage rotating, SliceImage reference) {
        int pad = (rotating.width() - reference.width()) / 2;
        assertThat(pad).isGreaterThanOrEqualTo(0);
        int matches = 0;
        for (int v = 0; v < reference.height(); v++) {
            for (int u = 0; u < reference.width(); u++) {
                if (rotating.get(u + pad, v) == reference.get(u, v)) matches++;
            }
        }
        assertThat(matches).isEqualTo(reference.width() * reference.height());
    }
}
