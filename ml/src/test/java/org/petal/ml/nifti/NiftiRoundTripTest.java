package org.petal.ml.nifti;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.petal.ml.io.VoxelBudget;
import org.petal.ml.volume.LabelVolume;
import org.petal.ml.volume.PetUnit;
import org.petal.ml.volume.PetVolume;
import org.petal.ml.volume.VolumeGeometry;

class NiftiRoundTripTest {

    @TempDir
    Path dir;

    private final NiftiReader reader = new NiftiReader(VoxelBudget.DEFAULT);

    @ParameterizedTest
    @ValueSource(strings = {"pet.nii", "pet.nii.gz"})
    void pet_float32_round_trips_with_oblique_geometry(String name) throws IOException {
        PetVolume pet = NiftiTestFiles.ramp(NiftiTestFiles.obliqueGeometry(17, 13, 11));
        Path file = dir.resolve(name);

        NiftiWriter.writePet(pet, file);
        PetVolume back = reader.readPet(file, PetUnit.SUV_BW);

        assertSameValues(back.voxels(), pet.voxels());
        assertThat(back.geometry().sameGrid(pet.geometry(), 1e-4)).isTrue();
        assertThat(back.unit()).isEqualTo(PetUnit.SUV_BW);
        assertThat(back.suvParameters()).hasValueSatisfying(p -> assertThat(p.source()).contains("declared"));
        NiftiHeader header = reader.readHeader(file);
        assertThat(header.datatype()).isEqualTo(NiftiDatatype.FLOAT32);
        assertThat(header.byteOrder()).isEqualTo(ByteOrder.LITTLE_ENDIAN);
        assertThat(header.sformCode()).isEqualTo(1);
        assertThat(header.qformCode()).isEqualTo(1);
    }

    @Test
    void written_qform_describes_the_same_left_handed_oblique_grid_as_the_sform() throws IOException {
        PetVolume pet = NiftiTestFiles.ramp(NiftiTestFiles.obliqueGeometry(5, 6, 7));
        Path file = dir.resolve("oblique.nii");
        NiftiWriter.writePet(pet, file);

        NiftiHeader header = reader.readHeader(file);

        assertThat(header.qfac()).isEqualTo(-1);
        assertThat(header.qformAffine()).containsExactly(header.sformAffine(), within(1e-4));
        assertThat(header.qformAffine()).containsExactly(pet.geometry().rasAffine(), within(1e-4));
    }

    @Test
    void a_shearing_grid_is_written_with_sform_only() throws IOException {
        VolumeGeometry sheared = new VolumeGeometry(4, 4, 4, new double[] {1, 1, 1}, new double[] {1, 2, 3},
            new double[] {1, 0.6, 0, 0, 0.8, 0, 0, 0, 1}); // unit columns, but i and j not perpendicular
        Path file = dir.resolve("shear.nii.gz");
        NiftiWriter.writePet(NiftiTestFiles.ramp(sheared), file);

        NiftiHeader header = reader.readHeader(file);

        assertThat(header.qformCode()).isZero();
        assertThat(header.sformCode()).isEqualTo(1);
        assertThat(header.geometry().sameGrid(sheared, 1e-5)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"labels.nii", "labels.nii.gz"})
    void labels_up_to_255_round_trip_as_uint8(String name) throws IOException {
        LabelVolume labels = LabelVolume.empty(NiftiTestFiles.obliqueGeometry(9, 8, 7));
        labels.set(1, 2, 3, 1);
        labels.set(8, 7, 6, 255);
        labels.set(0, 0, 0, 17);
        Path file = dir.resolve(name);

        NiftiWriter.writeLabels(labels, file);
        LabelVolume back = reader.readLabels(file);

        assertThat(reader.readHeader(file).datatype()).isEqualTo(NiftiDatatype.UINT8);
        assertThat(back.labels()).containsExactly(labels.labels());
        assertThat(back.geometry().sameGrid(labels.geometry(), 1e-4)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"labels16.nii", "labels16.nii.gz"})
    void labels_above_255_round_trip_as_uint16(String name) throws IOException {
        LabelVolume labels = LabelVolume.empty(VolumeGeometry.axisAligned(9, 8, 7, 4, 4, 3, new double[] {10, -20, 30}));
        labels.set(1, 2, 3, 256);
        labels.set(8, 7, 6, 65535);
        labels.set(4, 4, 4, 1);
        Path file = dir.resolve(name);

        NiftiWriter.writeLabels(labels, file);
        LabelVolume back = reader.readLabels(file);

        assertThat(reader.readHeader(file).datatype()).isEqualTo(NiftiDatatype.UINT16);
        assertThat(back.labels()).containsExactly(labels.labels());
        assertThat(back.get(8, 7, 6)).isEqualTo(65535);
        assertThat(back.geometry().sameGrid(labels.geometry(), 1e-5)).isTrue();
    }

    @Test
    void streaming_a_large_gzip_file_comes_in_chunks_of_at_most_one_mebivoxel() throws IOException {
        PetVolume pet = NiftiTestFiles.ramp(VolumeGeometry.axisAligned(128, 128, 80, 2, 2, 2, new double[3]));
        Path file = dir.resolve("big.nii.gz");
        NiftiWriter.writePet(pet, file);
        List<long[]> chunks = new ArrayList<>();
        float[] seen = new float[pet.voxels().length];

        reader.stream(file, (first, values, count) -> {
            chunks.add(new long[] {first, count});
            System.arraycopy(values, 0, seen, (int) first, count);
        });

        assertThat(chunks).hasSize(2);
        assertThat(chunks.get(0)).containsExactly(0, NiftiReader.CHUNK_VOXELS);
        assertThat(chunks.get(1)).containsExactly(NiftiReader.CHUNK_VOXELS, 128 * 128 * 80 - NiftiReader.CHUNK_VOXELS);
        assertSameValues(seen, pet.voxels());
    }

    @Test
    void writing_replaces_an_existing_file_and_leaves_no_temporary_files() throws IOException {
        Path file = dir.resolve("pet.nii.gz");
        Files.writeString(file, "old content");

        NiftiWriter.writePet(NiftiTestFiles.ramp(VolumeGeometry.axisAligned(3, 3, 3, 1, 1, 1, new double[3])), file);

        assertThat(reader.readHeader(file).nx()).isEqualTo(3);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void a_failed_write_leaves_the_old_file_and_nothing_else() throws IOException {
        Path file = dir.resolve("labels.nii");
        Files.writeString(file, "old content");
        // 40000 voxels along i cannot be stored in NIfTI-1's int16 sizes
        LabelVolume tooWide = LabelVolume.empty(VolumeGeometry.axisAligned(40000, 1, 1, 1, 1, 1, new double[3]));

        assertThatThrownBy(() -> NiftiWriter.writeLabels(tooWide, file)).hasMessageContaining("32767");

        assertThat(Files.readString(file)).isEqualTo("old content");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void writer_refuses_names_that_are_not_nifti() {
        assertThatThrownBy(() -> NiftiWriter.writePet(NiftiTestFiles.ramp(VolumeGeometry.axisAligned(2, 2, 2, 1, 1, 1, new double[3])),
            dir.resolve("pet.img"))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(".nii.gz");
    }

    /** Arrays.mismatch instead of AssertJ's containsExactly, whose diff is quadratic on large arrays. */
    static void assertSameValues(float[] actual, float[] expected) {
        int at = java.util.Arrays.mismatch(actual, expected);
        assertThat(at).as(() -> "first differing voxel " + at + ": " + (at >= 0 && at < Math.min(actual.length, expected.length)
            ? actual[at] + " vs " + expected[at] : "lengths " + actual.length + " vs " + expected.length)).isEqualTo(-1);
    }
}
