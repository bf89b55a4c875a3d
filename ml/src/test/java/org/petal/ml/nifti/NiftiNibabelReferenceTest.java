package org.petal.ml.nifti;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.petal.ml.io.VoxelBudget;
import org.petal.ml.testing.RealData;
import org.petal.ml.volume.LabelVolume;
import org.petal.ml.volume.PetUnit;
import org.petal.ml.volume.PetVolume;
import org.petal.ml.volume.VolumeGeometry;

/**
 * Reads every file listed in {@code nifti/nibabel-reference.json} (real shared data and the small files the
 * reference script made) and compares with what nibabel reported for it.
 */
class NiftiNibabelReferenceTest {

    private static final double AFFINE_MM = 1e-5;
    private static final double RELATIVE = 1e-5;

    private final NiftiReader reader = new NiftiReader(VoxelBudget.DEFAULT);

    static JsonNode reference() throws IOException {
        try (InputStream in = NiftiNibabelReferenceTest.class.getResourceAsStream("/nifti/nibabel-reference.json")) {
            return new ObjectMapper().readTree(in);
        }
    }

    static Stream<Arguments> referenceFiles() throws IOException {
        List<Arguments> out = new ArrayList<>();
        for (JsonNode entry : reference().get("files")) {
            out.add(Arguments.of(entry.get("file").asText(), entry));
        }
        return out.stream();
    }

    static Stream<Arguments> labelFiles() throws IOException {
        return referenceFiles().filter(a -> isLabelFile((String) a.get()[0]));
    }

    private static boolean isLabelFile(String name) {
        return name.endsWith("_gtvt.nii.gz") || name.contains("mask") || name.contains("labels");
    }

    static Path locate(JsonNode entry) {
        String file = entry.get("file").asText();
        if (entry.get("location").asText().equals("real")) {
            return RealData.require(file);
        }
        try {
            return Path.of(NiftiNibabelReferenceTest.class.getResource("/" + file).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void reference_covers_the_real_pet_ct_masks_and_the_spm_template() throws IOException {
        List<String> files = new ArrayList<>();
        reference().get("files").forEach(e -> files.add(e.get("file").asText()));
        assertThat(files).anyMatch(f -> f.endsWith("_pt.nii.gz")).anyMatch(f -> f.endsWith("_ct.nii.gz"))
            .anyMatch(f -> f.endsWith("_gtvt.nii.gz")).contains("spm12/toolbox/OldNorm/PET.nii");
        assertThat(reference().get("_provenance").asText()).contains("nibabel_reference.py");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("referenceFiles")
    void header_fields_and_affine_match_nibabel(String name, JsonNode ref) throws IOException {
        NiftiHeader header = reader.readHeader(locate(ref));

        assertThat(header.version()).isEqualTo(ref.get("nifti_version").asInt());
        assertThat(new long[] {header.nx(), header.ny(), header.nz()})
            .containsExactly(ref.get("shape").get(0).asLong(), ref.get("shape").get(1).asLong(), ref.get("shape").get(2).asLong());
        assertThat(header.datatype().code()).isEqualTo(ref.get("datatype").asInt());
        assertThat(header.byteOrder()).isEqualTo(ref.get("byte_order").asText().equals(">") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        assertStoredOrNaN(header.sclSlope(), ref.get("scl_slope"));
        assertStoredOrNaN(header.sclInter(), ref.get("scl_inter"));
        assertThat(header.effectiveSlope()).isCloseTo(ref.get("slope_applied").asDouble(), within(1e-12));
        assertThat(header.effectiveInter()).isCloseTo(ref.get("inter_applied").asDouble(), within(1e-12));
        assertThat(header.qformCode()).isEqualTo(ref.get("qform_code").asInt());
        assertThat(header.sformCode()).isEqualTo(ref.get("sform_code").asInt());

        double[] expected = new double[16];
        for (int r = 0; r < 4; r++) {
            for (int c = 0; c < 4; c++) {
                expected[r * 4 + c] = ref.get("affine").get(r).get(c).asDouble();
            }
        }
        if (header.geometrySource() == NiftiHeader.GeometrySource.PIXDIM) {
            // Without transform codes nibabel invents a centred, x-flipped grid; Petal keeps to the standard's
            // method 1. They must still agree on the voxel sizes.
            VolumeGeometry nib = VolumeGeometry.fromRasAffine(header.nx(), header.ny(), header.nz(), expected);
            assertThat(header.geometry().spacing()).containsExactly(nib.spacing(), within(AFFINE_MM));
        } else {
            assertThat(header.rasAffine()).containsExactly(expected, within(AFFINE_MM));
            VolumeGeometry nib = VolumeGeometry.fromRasAffine(header.nx(), header.ny(), header.nz(), expected);
            assertThat(header.geometry().sameGrid(nib, AFFINE_MM)).isTrue();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("referenceFiles")
    void scaled_voxel_values_match_nibabel(String name, JsonNode ref) throws IOException {
        PetVolume pet = reader.readPet(locate(ref), PetUnit.UNKNOWN);
        float[] v = pet.voxels();
        double sum = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (float x : v) {
            sum += x;
            min = Math.min(min, x);
            max = Math.max(max, x);
        }
        assertClose("sum", sum, ref.get("sum").asDouble());
        assertClose("min", min, ref.get("min").asDouble());
        assertClose("max", max, ref.get("max").asDouble());
        assertClose("mean", sum / v.length, ref.get("mean").asDouble());
        for (JsonNode sample : ref.get("samples")) {
            JsonNode ijk = sample.get("ijk");
            float value = pet.get(ijk.get(0).asInt(), ijk.get(1).asInt(), ijk.get(2).asInt());
            assertClose("voxel " + ijk, value, sample.get("value").asDouble());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("referenceFiles")
    void streaming_delivers_the_same_values_in_storage_order(String name, JsonNode ref) throws IOException {
        Path file = locate(ref);
        float[] whole = reader.readPet(file, PetUnit.UNKNOWN).voxels();
        AtomicLong next = new AtomicLong();
        NiftiHeader header = reader.stream(file, (first, values, count) -> {
            assertThat(first).isEqualTo(next.get());
            for (int i = 0; i < count; i++) {
                assertThat(values[i]).isEqualTo(whole[(int) first + i]);
            }
            next.addAndGet(count);
        });
        assertThat(next.get()).isEqualTo(header.voxelCount()).isEqualTo(whole.length);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("labelFiles")
    void masks_and_label_files_read_as_labels_matching_nibabel(String name, JsonNode ref) throws IOException {
        LabelVolume labels = reader.readLabels(locate(ref));
        long sum = 0;
        for (short s : labels.labels()) {
            sum += s & 0xFFFF;
        }
        // float masks may hold 0.9999999: nibabel's sum is then a hair below the label count
        assertThat((double) sum).isCloseTo(ref.get("sum").asDouble(), within(1e-3 * labels.labels().length));
        for (JsonNode sample : ref.get("samples")) {
            JsonNode ijk = sample.get("ijk");
            assertThat(labels.get(ijk.get(0).asInt(), ijk.get(1).asInt(), ijk.get(2).asInt()))
                .isEqualTo((int) Math.rint(sample.get("value").asDouble()));
        }
        assertThat(labels.maxLabel()).isEqualTo((int) Math.rint(ref.get("max").asDouble()));
    }

    private static void assertStoredOrNaN(double actual, JsonNode expected) {
        if (expected.isNull()) {
            assertThat(actual).isNaN();
        } else {
            assertThat(actual).isCloseTo(expected.asDouble(), within(1e-7 * Math.max(1, Math.abs(expected.asDouble()))));
        }
    }

    private static void assertClose(String what, double actual, double expected) {
        assertThat(actual).as(what).isCloseTo(expected, within(RELATIVE * Math.max(1, Math.abs(expected))));
    }
}
