package org.petal.ml.segment.suvgrow;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.petal.ml.clicks.ClickRule;
import org.petal.ml.clicks.ClickSimulator;
import org.petal.ml.dataset.LabelKind;
import org.petal.ml.metrics.SegmentationMetrics;
import org.petal.ml.morph.BinaryMask;
import org.petal.ml.phantom.PhantomCase;
import org.petal.ml.phantom.PhantomGenerator;
import org.petal.ml.phantom.PhantomSpec;
import org.petal.ml.segment.PointPrompt;
import org.petal.ml.segment.PromptSession;

class ExcludeClickTest {

    private static final int LUNG_LEFT = 8;

    @Test
    void an_exclude_click_that_lifts_an_organ_s_floor_never_makes_the_organ_bigger() {
        // Phantom 1 of seed 42: the left lung's fifth simulated click is an exclude whose floor (0.36 -> 0.43)
        // left the lung thinner than the body's soft tissue in the interval; it used to flood 110,000 voxels.
        PhantomCase c = PhantomGenerator.generate(PhantomSpec.of(42, 1));
        BinaryMask truth = BinaryMask.fromLabel(c.labels(), LUNG_LEFT);
        PromptSession session = new PromptSession(new SuvGrowModel(), c.pet(), LabelKind.ORGAN);
        ClickSimulator clicks = new ClickSimulator(ClickRule.CENTER, 1);
        BinaryMask prediction = new BinaryMask(c.pet().geometry());
        int excludes = 0;
        for (int n = 1; n <= 5; n++) {
            PointPrompt click = (n == 1 ? clicks.firstClick(truth) : clicks.nextClick(truth, prediction)).orElseThrow();
            long before = prediction.count();
            session.addPoint(click.voxel(), click.include());
            prediction = BinaryMask.fromObjectMask(session.mask());
            if (!click.include()) {
                excludes++;
                assertThat(prediction.count()).as("voxels after exclude click %d", n).isLessThanOrEqualTo(before);
            }
        }

        assertThat(excludes).isEqualTo(2);
        assertThat(SegmentationMetrics.dice(prediction, truth)).isGreaterThan(0.9);
    }
}
