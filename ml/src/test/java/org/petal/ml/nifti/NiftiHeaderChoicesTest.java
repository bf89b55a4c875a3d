package org.petal.ml.nifti;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.petal.ml.io.VoxelBudget;
import org.petal.ml.testing.RealData;
import org.petal.ml.volume.LabelVolume;
import org.petal.ml.volume.PetUnit;
import org.petal.ml.volume.PetVolume;

/** Geometry choice, scaling and datatypes, on the small files the nibabel script made and on patched files. */
class NiftiHeaderChoicesTest {

    @TempDir
    Path dir;

    private final NiftiReader reader = new NiftiReader(VoxelBudget.DEFAULT);

    @Test
    void sform_wins_over_qform_when_its_code_is_positive() throws IOException {
        NiftiHeader h = reader.readHeader(NiftiTestFiles.resource("be_int16_scaled.nii"));

        assertThat(h.geometrySource()).isEqualTo(NiftiHeader.GeometrySource.SFORM);
        assertThat(h.rasAffine()).containsExactly(h.sformAffine(), within(0.0));
        assertThat(h.qformAffine()[3]).isNotCloseTo(h.sformAffine()[3], within(1.0)); // the two really differ
    }

    @Test
    void qform_is_used_when_the_sform_code_is_zero_with_qfac_flipping_the_third_axis() throws IOException {
        NiftiHeader h = reader.readHeader(NiftiTestFiles.resource("qform_only_int32.nii.gz"));

        assertThat(h.geometrySource()).isEqualTo(NiftiHeader.GeometrySource.QFORM);
        assertThat(h.qfac()).isEqualTo(-1);
        assertThat(h.rasAffine()).containsExactly(h.qformAffine(), within(0.0));
        double[] a = h.rasAffine();
        double det = a[0] * (a[5] * a[10] - a[6] * a[9]) - a[1] * (a[4] * a[10] - a[6] * a[8]) + a[2] * (a[4] * a[9] - a[5] * a[8]);
        assertThat(det).isNegative();
        assertThat(h.geometry().spacing()).containsExactly(new double[] {2.0, 2.0, 3.27}, within(1e-5));
    }

    @Test
    void spm_template_qform_with_negative_qfac_equals_its_sform() throws IOException {
        NiftiHeader h = reader.readHeader(RealData.require("spm12/toolbox/OldNorm/PET.nii"));

        assertThat(h.qfac()).isEqualTo(-1);
        assertThat(h.qformAffine()).containsExactly(h.sformAffine(), within(1e-5));
    }

    @Test
    void without_transform_codes_the_voxel_sizes_alone_place_the_grid_at_the_origin() throws IOException {
        NiftiHeader h = reader.readHeader(NiftiTestFiles.resource("uint16_labels_pixdim_only.nii"));

        assertThat(h.geometrySource()).isEqualTo(NiftiHeader.GeometrySource.PIXDIM);
        assertThat(h.rasAffine()).containsExactly(new double[] {1.25, 0, 0, 0, 0, 1.5, 0, 0, 0, 0, 1.75, 0, 0, 0, 0, 1}, within(1e-6));
    }

    @Test
    void big_endian_int16_is_scaled_by_slope_and_intercept() throws IOException {
        Path file = NiftiTestFiles.resource("be_int16_scaled.nii");
        NiftiHeader h = reader.readHeader(file);
        PetVolume pet = reader.readPet(file, PetUnit.UNKNOWN);

        assertThat(h.byteOrder()).isEqualTo(ByteOrder.BIG_ENDIAN);
        assertThat(h.datatype()).isEqualTo(NiftiDatatype.INT16);
        assertThat(h.description()).isEqualTo("petal test: big-endian int16 scaled");
        // the script stored i*100 - j*37 + k*1000 - 2000 with slope 0.5, intercept -3
        assertThat(pet.get(2, 3, 4)).isEqualTo((float) ((200 - 111 + 4000 - 2000) * 0.5 - 3));
        assertThat(pet.get(0, 0, 0)).isEqualTo(-1003f);
    }

    @Test
    void nifti2_float64_reads_with_its_sform() throws IOException {
        NiftiHeader h = reader.readHeader(NiftiTestFiles.resource("nifti2_float64.nii"));
        PetVolume pet = reader.readPet(NiftiTestFiles.resource("nifti2_float64.nii"), PetUnit.UNKNOWN);

        assertThat(h.version()).isEqualTo(2);
        assertThat(h.datatype()).isEqualTo(NiftiDatatype.FLOAT64);
        assertThat(h.geometrySource()).isEqualTo(NiftiHeader.GeometrySource.SFORM);
        // sin(0.7 i) * 1e3 + 0.001 j - 12.5 k
        assertThat(pet.get(3, 2, 1)).isCloseTo((float) (Math.sin(2.1) * 1e3 + 0.002 - 12.5), within(1e-4f));
    }

    @Test
    void int32_values_beyond_the_int16_range_are_read_exactly() throws IOException {
        PetVolume pet = reader.readPet(NiftiTestFiles.resource("qform_only_int32.nii.gz"), PetUnit.UNKNOWN);

        assertThat(pet.get(6, 5, 4)).isEqualTo(600000f - 35 + 12 - 250000);
    }

    @Test
    void a_float_mask_with_values_a_hair_below_one_reads_as_zero_one_labels() throws IOException {
        LabelVolume labels = reader.readLabels(NiftiTestFiles.resource("float_mask.nii.gz"));

        assertThat(labels.get(3, 3, 2)).isEqualTo(1);
        assertThat(labels.get(0, 0, 0)).isZero();
        assertThat(labels.count(1)).isEqualTo(33);
    }

    @Test
    void scl_slope_zero_means_no_scaling_even_with_an_intercept() throws IOException {
        Path file = NiftiTestFiles.patchedNii(dir, "slope0.nii", b -> {
            b.putFloat(112, 0f);
            b.putFloat(116, 1000f);
        });
        NiftiHeader h = reader.readHeader(file);

        assertThat(h.hasScaling()).isFalse();
        assertThat(reader.readPet(file, PetUnit.UNKNOWN).voxels()[5]).isEqualTo(NiftiTestFiles.ramp(h.geometry()).voxels()[5]);
    }

    @Test
    void scl_slope_nan_means_no_scaling() throws IOException {
        Path file = NiftiTestFiles.patchedNii(dir, "slopeNaN.nii", b -> {
            b.putFloat(112, Float.NaN);
            b.putFloat(116, 7f);
        });

        assertThat(reader.readHeader(file).effectiveSlope()).isEqualTo(1.0);
        assertThat(reader.readHeader(file).effectiveInter()).isEqualTo(0.0);
    }

    @Test
    void float32_with_slope_and_intercept_is_scaled_in_double_precision() throws IOException {
        Path file = NiftiTestFiles.patchedNii(dir, "scaled.nii.gz", b -> {
            b.putFloat(112, 2.5f);
            b.putFloat(116, -1f);
        });
        NiftiHeader h = reader.readHeader(file);
        float stored = NiftiTestFiles.ramp(h.geometry()).voxels()[7];

        assertThat(reader.readPet(file, PetUnit.UNKNOWN).voxels()[7]).isEqualTo((float) (stored * 2.5 - 1));
    }

    @Test
    void a_4d_file_with_a_single_time_point_reads_as_3d() throws IOException {
        Path file = NiftiTestFiles.patchedNii(dir, "single-frame.nii", b -> {
            b.putShort(40, (short) 4);
            b.putShort(48, (short) 1);
        });

        assertThat(reader.readPet(file, PetUnit.UNKNOWN).geometry().nz()).isEqualTo(2);
    }

    @Test
    void a_gzip_file_named_nii_is_still_recognised() throws IOException {
        Path gz = NiftiTestFiles.patchedNii(dir, "x.nii.gz", b -> { });
        Path misnamed = Files.move(gz, dir.resolve("misnamed.nii"));

        assertThat(reader.readHeader(misnamed).nx()).isEqualTo(4);
    }
}
