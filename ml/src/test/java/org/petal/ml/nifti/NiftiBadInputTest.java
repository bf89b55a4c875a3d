package org.petal.ml.nifti;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.petal.ml.io.CorruptFileException;
import org.petal.ml.io.InvalidImageException;
import org.petal.ml.io.UnsupportedImageException;
import org.petal.ml.io.VolumeTooLargeException;
import org.petal.ml.io.VoxelBudget;
import org.petal.ml.volume.PetUnit;
import org.petal.ml.volume.PetVolume;
import org.petal.ml.volume.VolumeGeometry;

class NiftiBadInputTest {

    @TempDir
    Path dir;

    private final NiftiReader reader = new NiftiReader(VoxelBudget.DEFAULT);

    private Path bigPet(String name) throws IOException {
        Path file = dir.resolve(name);
        NiftiWriter.writePet(NiftiTestFiles.ramp(VolumeGeometry.axisAligned(64, 64, 40, 2, 2, 2, new double[3])), file);
        return file;
    }

    private Path cut(Path file, int keep) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        Path out = dir.resolve("cut-" + file.getFileName());
        Files.write(out, Arrays.copyOf(bytes, keep));
        return out;
    }

    @Test
    void truncated_nii_says_how_many_voxel_bytes_were_expected_and_found() throws IOException {
        Path file = cut(bigPet("pet.nii"), 352 + 1000);

        assertThatThrownBy(() -> reader.readPet(file, PetUnit.UNKNOWN))
            .isInstanceOf(CorruptFileException.class)
            .hasMessageContaining("truncated").hasMessageContaining("expected " + 64 * 64 * 40 * 4).hasMessageContaining("got 1000");
    }

    @Test
    void truncated_header_is_reported_as_such() throws IOException {
        Path file = cut(bigPet("pet.nii"), 200);

        assertThatThrownBy(() -> reader.readHeader(file))
            .isInstanceOf(CorruptFileException.class).hasMessageContaining("header needs 348 bytes, got 200");
    }

    @Test
    void truncated_nii_gz_says_the_gzip_stream_ends_early() throws IOException {
        Path full = bigPet("pet.nii.gz");
        Path file = cut(full, (int) Files.size(full) / 2);

        assertThatThrownBy(() -> reader.readPet(file, PetUnit.UNKNOWN))
            .isInstanceOf(CorruptFileException.class)
            .hasMessageContaining("truncated").hasMessageContaining("expected " + 64 * 64 * 40 * 4).hasMessageContaining("gzip stream ends early");
    }

    @Test
    void nii_gz_missing_only_its_trailer_is_still_truncated() throws IOException {
        Path full = bigPet("pet.nii.gz");
        Path file = cut(full, (int) Files.size(full) - 4);

        assertThatThrownBy(() -> reader.readPet(file, PetUnit.UNKNOWN))
            .isInstanceOf(CorruptFileException.class).hasMessageContaining("truncated");
    }

    @Test
    void damaged_gzip_bytes_are_reported_as_a_corrupt_gzip_stream() throws IOException {
        Path full = bigPet("pet.nii.gz");
        byte[] bytes = Files.readAllBytes(full);
        for (int i = bytes.length / 2; i < bytes.length / 2 + 64; i++) {
            bytes[i] = (byte) (bytes[i] ^ 0x5A);
        }
        Path file = dir.resolve("damaged.nii.gz");
        Files.write(file, bytes);

        assertThatThrownBy(() -> reader.readPet(file, PetUnit.UNKNOWN))
            .isInstanceOf(CorruptFileException.class).hasMessageContaining("gzip stream is corrupt");
    }

    @Test
    void a_bad_crc_is_caught_even_when_the_voxels_inflate() throws IOException {
        Path full = bigPet("pet.nii.gz");
        byte[] bytes = Files.readAllBytes(full);
        bytes[bytes.length - 8] ^= 0x01; // first byte of the CRC32 trailer
        Path file = dir.resolve("badcrc.nii.gz");
        Files.write(file, bytes);

        assertThatThrownBy(() -> reader.readPet(file, PetUnit.UNKNOWN))
            .isInstanceOf(CorruptFileException.class).hasMessageContaining("gzip stream is corrupt");
    }

    @Test
    void wrong_magic_says_it_is_not_a_nifti_file() throws IOException {
        Path file = NiftiTestFiles.patchedNii(dir, "magic.nii", b -> b.put(344, new byte[] {'a', 'b', 'c', 0}));

        assertThatThrownBy(() -> reader.readHeader(file))
            .isInstanceOf(CorruptFileException.class).hasMessageContaining("not a NIfTI file: magic \"abc\"");
    }

    @Test
    void a_file_of_another_kind_is_not_a_nifti_file() throws IOException {
        Path file = dir.resolve("notes.nii");
        Files.writeString(file, "these are not voxels but plain text notes, long enough to fill a header ".repeat(10));

        assertThatThrownBy(() -> reader.readHeader(file))
            .isInstanceOf(CorruptFileException.class).hasMessageContaining("not a NIfTI file").hasMessageContaining("348");
    }

    @Test
    void an_analyze_style_header_image_pair_is_unsupported_with_a_hint() throws IOException {
        Path file = NiftiTestFiles.patchedNii(dir, "pair.hdr.nii", b -> b.put(344, new byte[] {'n', 'i', '1', 0}));

        assertThatThrownBy(() -> reader.readHeader(file))
            .isInstanceOf(UnsupportedImageException.class).hasMessageContaining(".hdr/.img");
    }

    @Test
    void dimensions_whose_product_overflows_are_too_large() throws IOException {
        byte[] header = NiftiTestFiles.nifti2(ByteOrder.LITTLE_ENDIAN, new long[] {3, 1L << 31, 1L << 31, 2, 1, 1, 1, 1}, 16, 0);
        Path file = dir.resolve("overflow.nii");
        Files.write(file, header);

        assertThatThrownBy(() -> reader.readHeader(file))
            .isInstanceOf(VolumeTooLargeException.class).hasMessageContaining("overflow");
    }

    @Test
    void dimensions_over_the_voxel_budget_are_rejected_before_reading_voxels() throws IOException {
        Path file = NiftiTestFiles.patchedNii(dir, "budget.nii", b -> { });
        NiftiReader small = new NiftiReader(new VoxelBudget(10));

        assertThatThrownBy(() -> small.readPet(file, PetUnit.UNKNOWN))
            .isInstanceOf(VolumeTooLargeException.class).hasMessageContaining("24 voxels exceeds the limit of 10");
    }

    @Test
    void a_huge_header_on_a_tiny_file_fails_before_allocating() throws IOException {
        // 32767 x 32767 x 200 would need terabytes; the budget says no before any allocation
        Path file = NiftiTestFiles.patchedNii(dir, "huge.nii", b -> {
            b.putShort(42, Short.MAX_VALUE);
            b.putShort(44, Short.MAX_VALUE);
            b.putShort(46, (short) 200);
        });
        assertThatThrownBy(() -> reader.readPet(file, PetUnit.UNKNOWN)).isInstanceOf(VolumeTooLargeException.class);

        // within the budget, but the file is far too short: rejected from the file length alone
        Path shortFile = NiftiTestFiles.patchedNii(dir, "short.nii", b -> {
            b.putShort(42, (short) 1000);
            b.putShort(44, (short) 1000);
            b.putShort(46, (short) 200);
        });
        assertThatThrownBy(() -> reader.readPet(shortFile, PetUnit.UNKNOWN))
            .isInstanceOf(CorruptFileException.class).hasMessageContaining("expected 800000000 bytes of voxel data");
    }

    @Test
    void zero_or_negative_dimensions_are_corrupt() throws IOException {
        Path zero = NiftiTestFiles.patchedNii(dir, "zero.nii", b -> b.putShort(44, (short) 0));
        Path negative = NiftiTestFiles.patchedNii(dir, "negative.nii", b -> b.putShort(46, (short) -5));

        assertThatThrownBy(() -> reader.readHeader(zero)).isInstanceOf(CorruptFileException.class).hasMessageContaining("dim[2] = 0");
        assertThatThrownBy(() -> reader.readHeader(negative)).isInstanceOf(CorruptFileException.class).hasMessageContaining("dim[3] = -5");
    }

    @Test
    void vox_offset_beyond_the_end_of_the_file_is_corrupt() throws IOException {
        Path file = NiftiTestFiles.patchedNii(dir, "offset.nii", b -> b.putFloat(108, 1_000_000f));

        assertThatThrownBy(() -> reader.readHeader(file))
            .isInstanceOf(CorruptFileException.class).hasMessageContaining("vox_offset 1000000").hasMessageContaining("beyond the end");
    }

    @Test
    void vox_offset_beyond_the_end_of_a_gzip_stream_is_corrupt() throws IOException {
        Path file = NiftiTestFiles.patchedNii(dir, "offset.nii.gz", b -> b.putFloat(108, 1_000_000f));

        assertThatThrownBy(() -> reader.readPet(file, PetUnit.UNKNOWN))
            .isInstanceOf(CorruptFileException.class).hasMessageContaining("vox_offset 1000000").hasMessageContaining("beyond the end");
    }

    @Test
    void complex_voxels_are_unsupported_and_the_datatype_is_named() throws IOException {
        Path file = NiftiTestFiles.patchedNii(dir, "complex.nii", b -> b.putShort(70, (short) 32));

        assertThatThrownBy(() -> reader.readHeader(file))
            .isInstanceOf(UnsupportedImageException.class).hasMessageContaining("datatype 32 (complex64)");
    }

    @Test
    void a_5d_image_is_unsupported() throws IOException {
        Path file = NiftiTestFiles.patchedNii(dir, "5d.nii", b -> {
            b.putShort(40, (short) 5);
            b.putShort(48, (short) 1);
            b.putShort(50, (short) 3);
        });

        assertThatThrownBy(() -> reader.readHeader(file))
            .isInstanceOf(UnsupportedImageException.class).hasMessageContaining("5 dimensions (4 x 3 x 2 x 1 x 3)")
            .hasMessageContaining("single 3D volume");
    }

    @Test
    void a_4d_series_of_frames_is_unsupported() throws IOException {
        Path file = NiftiTestFiles.patchedNii(dir, "4d.nii", b -> {
            b.putShort(40, (short) 4);
            b.putShort(48, (short) 6);
        });

        assertThatThrownBy(() -> reader.readHeader(file)).isInstanceOf(UnsupportedImageException.class).hasMessageContaining("4 dimensions");
    }

    @Test
    void a_probability_map_is_not_a_label_image() throws IOException {
        PetVolume probabilities = new PetVolume(VolumeGeometry.axisAligned(3, 3, 3, 1, 1, 1, new double[3]), new float[27], PetUnit.UNKNOWN, null);
        probabilities.voxels()[1 + 3 * (2 + 3 * 1)] = 0.42f;
        Path file = dir.resolve("prob.nii.gz");
        NiftiWriter.writePet(probabilities, file);

        assertThatThrownBy(() -> reader.readLabels(file))
            .isInstanceOf(InvalidImageException.class).hasMessageContaining("voxel (1, 2, 1)").hasMessageContaining("not a whole number");
    }

    @Test
    void negative_values_are_not_labels() throws IOException {
        assertThatThrownBy(() -> reader.readLabels(NiftiTestFiles.resource("be_int16_scaled.nii")))
            .isInstanceOf(InvalidImageException.class).hasMessageContaining("outside 0..65535");
    }

    @Test
    void degenerate_sform_is_corrupt() throws IOException {
        Path file = NiftiTestFiles.patchedNii(dir, "sform.nii", b -> {
            for (int i = 0; i < 12; i++) {
                b.putFloat(280 + 4 * i, 0f);
            }
        });

        assertThatThrownBy(() -> reader.readHeader(file)).isInstanceOf(CorruptFileException.class).hasMessageContaining("sform");
    }
}
