package org.petal.ml.phantom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.BitSet;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.petal.ml.dataset.LabelSet;
import org.petal.ml.volume.PetUnit;
import org.petal.ml.volume.VolumeGeometry;

class PhantomGeneratorTest {

    /** Cases are cached per spec: generating takes most of this test's time. */
    private static final Map<PhantomSpec, PhantomCase> CACHE = new ConcurrentHashMap<>();

    private static PhantomCase phantom(long seed, int index) {
        return phantom(PhantomSpec.of(seed, index));
    }

    private static PhantomCase phantom(PhantomSpec spec) {
        return CACHE.computeIfAbsent(spec, PhantomGenerator::generate);
    }

    private static BitSet core(PhantomCase c, PhantomLabel label) {
        int r = label == PhantomLabel.HEART || label == PhantomLabel.SPINE ? 1 : 2;
        return VolumeStats.core(c.labels(), label.value(), r);
    }

    private static double coreMean(PhantomCase c, PhantomLabel label) {
        BitSet core = core(c, label);
        assertThat(core.cardinality()).as("core voxels of %s", label).isPositive();
        return VolumeStats.mean(c.pet().voxels(), core);
    }

    @Test
    void the_same_seed_and_index_give_bit_identical_voxels_labels_and_lesions() {
        PhantomCase a = PhantomGenerator.generate(PhantomSpec.of(11, 3));
        PhantomCase b = PhantomGenerator.generate(PhantomSpec.of(11, 3));
        assertThat(b.pet().voxels()).isEqualTo(a.pet().voxels());
        assertThat(b.labels().labels()).isEqualTo(a.labels().labels());
        assertThat(b.lesions()).isEqualTo(a.lesions());
        assertThat(b.caseId()).isEqualTo("phantom_0003");
    }

    @Test
    void different_seeds_or_case_indices_give_different_patients() {
        PhantomCase base = phantom(1, 0);
        for (PhantomCase other : new PhantomCase[] {phantom(2, 0), phantom(1, 1)}) {
            assertThat(other.pet().voxels()).isNotEqualTo(base.pet().voxels());
            assertThat(other.labels().labels()).isNotEqualTo(base.labels().labels());
            assertThat(other.lesions()).isNotEqualTo(base.lesions());
        }
    }

    @Test
    void the_pet_is_suv_on_a_500_by_350_by_1000_mm_grid_that_scales_with_voxel_size() {
        PhantomCase c = phantom(1, 0);
        assertThat(c.pet().unit()).isEqualTo(PetUnit.SUV_BW);
        assertThat(c.pet().suvParameters()).hasValueSatisfying(p -> assertThat(p.source()).startsWith("phantom"));
        VolumeGeometry g = c.pet().geometry();
        assertThat(new int[] {g.nx(), g.ny(), g.nz()}).containsExactly(125, 88, 250);
        VolumeGeometry fine = PhantomGenerator.geometry(2.0);
        assertThat(new int[] {fine.nx(), fine.ny(), fine.nz()}).containsExactly(250, 175, 500);
        assertThat(g.direction()).containsExactly(1, 0, 0, 0, 1, 0, 0, 0, 1);
        assertThat(c.labels().geometry()).isEqualTo(g);
        assertThat(c.labelSet()).isEqualTo(PhantomLabel.LABEL_SET);
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 1, 2, 3, 4, 5})
    void every_case_has_3_to_12_lesions_inside_the_body_each_owning_labelled_voxels(long seed) {
        PhantomCase c = phantom(seed, (int) seed);
        VolumeGeometry g = c.labels().geometry();
        assertThat(c.lesions()).hasSizeBetween(3, 12);
        BitSet lesionVoxels = VolumeStats.voxelsOf(c.labels(), PhantomLabel.LESION.value());
        BitSet outside = (BitSet) lesionVoxels.clone();
        outside.andNot(c.truth().body());
        assertThat(outside.isEmpty()).as("lesion voxels outside the body").isTrue();
        int total = 0;
        for (PhantomLesion l : c.lesions()) {
            PhantomLesion.Voxel v = l.centreVoxel();
            assertThat(c.labels().get(v.i(), v.j(), v.k())).as("centre of %s", l).isEqualTo(PhantomLabel.LESION.value());
            assertThat(c.truth().body().get(g.index(v.i(), v.j(), v.k()))).isTrue();
            double[] lps = g.voxelToLps(v.i(), v.j(), v.k());
            assertThat(new double[] {l.centreLps().x(), l.centreLps().y(), l.centreLps().z()}).containsExactly(lps, within(1e-9));
            assertThat(l.voxelCount()).isPositive();
            assertThat(l.diameterMm()).isBetween(6.0, 45.0);
            assertThat(l.suvMax()).isBetween(2.5, 25.0);
            // Lesions are separate objects: the connected component holds exactly this lesion's voxels.
            assertThat(VolumeStats.component(c.labels(), g.index(v.i(), v.j(), v.k())).cardinality()).isEqualTo(l.voxelCount());
            total += l.voxelCount();
        }
        assertThat(lesionVoxels.cardinality()).isEqualTo(total);
    }

    @Test
    void across_cases_lesions_cover_every_shape_necrotic_and_faint_small_ones_and_organ_neighbours() {
        var lesions = IntStream.range(0, 6).mapToObj(s -> phantom(s, s)).flatMap(c -> c.lesions().stream()).toList();
        assertThat(lesions).extracting(PhantomLesion::shape).contains(PhantomLesion.LesionShape.values());
        assertThat(lesions).anyMatch(PhantomLesion::necrotic);
        assertThat(lesions).anyMatch(l -> l.diameterMm() < 12 && l.suvMax() < 4.5);
        assertThat(lesions).extracting(PhantomLesion::neighbourOrgan).contains("liver", "soft_tissue");
        assertThat(lesions).extracting(PhantomLesion::neighbourOrgan).containsAnyOf("lung_left", "lung_right");
        assertThat(lesions).extracting(PhantomLesion::neighbourOrgan).doesNotContain("brain", "bladder");
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 1, 2, 3})
    void organ_mean_suv_away_from_borders_lies_in_the_clinical_fdg_range(long seed) {
        PhantomCase c = phantom(seed, (int) seed);
        assertThat(coreMean(c, PhantomLabel.BRAIN)).isBetween(6.0, 12.0);
        assertThat(coreMean(c, PhantomLabel.HEART)).isBetween(1.5, 12.0);
        assertThat(coreMean(c, PhantomLabel.LIVER)).isBetween(1.8, 3.0);
        assertThat(coreMean(c, PhantomLabel.SPLEEN)).isBetween(1.4, 2.4);
        assertThat(coreMean(c, PhantomLabel.KIDNEY_LEFT)).isBetween(2.0, 5.0);
        assertThat(coreMean(c, PhantomLabel.KIDNEY_RIGHT)).isBetween(2.0, 5.0);
        assertThat(coreMean(c, PhantomLabel.BLADDER)).isBetween(8.0, 60.0);
        assertThat(coreMean(c, PhantomLabel.LUNG_LEFT)).isBetween(0.3, 0.7);
        assertThat(coreMean(c, PhantomLabel.LUNG_RIGHT)).isBetween(0.3, 0.7);
        assertThat(coreMean(c, PhantomLabel.SPINE)).isBetween(1.0, 2.0);
        assertThat(c.truth().softTissueSuv()).isBetween(0.5, 1.0);
    }

    @Test
    void outside_the_body_the_pet_is_close_to_zero() {
        PhantomCase c = phantom(1, 0);
        BitSet air = new BitSet(c.pet().voxels().length);
        air.set(0, c.pet().voxels().length);
        air.andNot(c.truth().body());
        assertThat(VolumeStats.mean(c.pet().voxels(), air)).isLessThan(0.02);
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 1, 2, 3})
    void the_bladder_is_brighter_than_the_liver_and_the_lungs_are_the_coldest_organ(long seed) {
        PhantomCase c = phantom(seed, (int) seed);
        assertThat(coreMean(c, PhantomLabel.BLADDER)).isGreaterThan(coreMean(c, PhantomLabel.LIVER));
        double lungs = Math.max(coreMean(c, PhantomLabel.LUNG_LEFT), coreMean(c, PhantomLabel.LUNG_RIGHT));
        for (PhantomLabel organ : PhantomLabel.values()) {
            if (organ != PhantomLabel.LESION && organ != PhantomLabel.LUNG_LEFT && organ != PhantomLabel.LUNG_RIGHT) {
                assertThat(coreMean(c, organ)).as(organ.labelName()).isGreaterThan(lungs);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 1, 2})
    void the_liver_lies_on_the_patients_right_the_spleen_on_the_left_and_the_brain_at_the_top(long seed) {
        PhantomCase c = phantom(seed, (int) seed);
        VolumeGeometry g = c.labels().geometry();
        double[] body = VolumeStats.centroidLps(g, c.truth().body());
        double[] liver = VolumeStats.centroidLps(g, VolumeStats.voxelsOf(c.labels(), PhantomLabel.LIVER.value()));
        double[] spleen = VolumeStats.centroidLps(g, VolumeStats.voxelsOf(c.labels(), PhantomLabel.SPLEEN.value()));
        double[] heart = VolumeStats.centroidLps(g, VolumeStats.voxelsOf(c.labels(), PhantomLabel.HEART.value()));
        double[] kidneyLeft = VolumeStats.centroidLps(g, VolumeStats.voxelsOf(c.labels(), PhantomLabel.KIDNEY_LEFT.value()));
        double[] kidneyRight = VolumeStats.centroidLps(g, VolumeStats.voxelsOf(c.labels(), PhantomLabel.KIDNEY_RIGHT.value()));
        double[] bladder = VolumeStats.centroidLps(g, VolumeStats.voxelsOf(c.labels(), PhantomLabel.BLADDER.value()));
        // LPS: +x is the patient's left, so the patient's right is smaller x.
        assertThat(liver[0]).isLessThan(body[0]);
        assertThat(spleen[0]).isGreaterThan(body[0]);
        assertThat(heart[0]).isGreaterThan(body[0]);
        assertThat(kidneyRight[0]).isLessThan(body[0]);
        assertThat(kidneyLeft[0]).isGreaterThan(body[0]);
        assertThat(kidneyLeft[1]).as("kidneys lie posterior").isGreaterThan(body[1]);
        assertThat(heart[2]).as("heart above the liver").isGreaterThan(liver[2]);
        assertThat(bladder[2]).as("bladder below the kidneys").isLessThan(kidneyLeft[2]);
        double[] brain = VolumeStats.centroidLps(g, VolumeStats.voxelsOf(c.labels(), PhantomLabel.BRAIN.value()));
        for (PhantomLabel organ : PhantomLabel.values()) {
            if (organ != PhantomLabel.BRAIN && organ != PhantomLabel.LESION) {
                double[] other = VolumeStats.centroidLps(g, VolumeStats.voxelsOf(c.labels(), organ.value()));
                assertThat(brain[2]).as("brain above %s", organ).isGreaterThan(other[2]);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 1, 2, 3})
    void the_psf_keeps_the_measured_max_of_small_lesions_below_their_nominal_max(long seed) {
        // Without noise, so that only blur (partial volume) acts on the maximum.
        PhantomCase c = phantom(PhantomSpec.of(seed, (int) seed).withNoise(false));
        VolumeGeometry g = c.labels().geometry();
        for (PhantomLesion l : c.lesions()) {
            if (l.diameterMm() <= 15) {
                PhantomLesion.Voxel v = l.centreVoxel();
                BitSet voxels = VolumeStats.component(c.labels(), g.index(v.i(), v.j(), v.k()));
                assertThat(VolumeStats.max(c.pet().voxels(), voxels)).as("%s", l).isLessThan(l.suvMax());
            }
        }
    }

    @Test
    void noise_is_present_at_the_case_level_in_the_liver_and_absent_when_switched_off() {
        PhantomCase noisy = phantom(1, 0);
        PhantomCase clean = phantom(PhantomSpec.of(1, 0).withNoise(false));
        BitSet liver = core(noisy, PhantomLabel.LIVER);
        double cov = VolumeStats.std(noisy.pet().voxels(), liver) / VolumeStats.mean(noisy.pet().voxels(), liver);
        assertThat(cov).isCloseTo(noisy.truth().liverNoiseCov(), within(0.02));
        assertThat(noisy.truth().liverNoiseCov()).isBetween(0.10, 0.20);
        assertThat(VolumeStats.std(clean.pet().voxels(), liver)).isLessThan(0.01);
        assertThat(clean.labels().labels()).isEqualTo(noisy.labels().labels());
    }

    @Test
    void the_noise_is_itself_deterministic() {
        PhantomCase a = PhantomGenerator.generate(PhantomSpec.of(5, 9));
        PhantomCase b = PhantomGenerator.generate(PhantomSpec.of(5, 9));
        assertThat(a.truth().noiseCoefficient()).isPositive();
        assertThat(a.pet().voxels()).isEqualTo(b.pet().voxels());
    }

    @Test
    void labels_are_the_unblurred_truth_and_the_pet_is_blurred() {
        PhantomCase c = phantom(PhantomSpec.of(2, 2).withNoise(false));
        BitSet bladder = VolumeStats.voxelsOf(c.labels(), PhantomLabel.BLADDER.value());
        // Every label voxel has its organ's exact truth value, but the blurred PET bleeds past the bladder wall.
        double nominal = c.truth().organSuv().get("bladder");
        for (int n = bladder.nextSetBit(0); n >= 0; n = bladder.nextSetBit(n + 1)) {
            assertThat((double) c.truth().activity()[n]).isCloseTo(nominal, within(1e-4));
        }
        assertThat(VolumeStats.max(c.pet().voxels(), bladder)).isLessThanOrEqualTo(nominal + 1e-3);
        assertThat(VolumeStats.mean(c.pet().voxels(), bladder)).isLessThan(nominal);
    }

    @Test
    void arms_can_be_left_out() {
        PhantomCase with = phantom(1, 0);
        PhantomCase without = phantom(PhantomSpec.of(1, 0).withArms(false));
        assertThat(without.truth().body().cardinality()).isLessThan(with.truth().body().cardinality());
    }

    @Test
    void the_phantom_label_set_has_fixed_values_and_survives_labels_json() throws Exception {
        LabelSet set = PhantomLabel.LABEL_SET;
        assertThat(set.names()).containsEntry(1, "brain").containsEntry(3, "liver").containsEntry(11, "lesion").hasSize(11);
        assertThat(set.lesionValues()).containsExactly(11);
        assertThat(LabelSet.fromJson(set.toJson(), "labels.json")).isEqualTo(set);
    }
}
