package org.petal.ml.segment.segany;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.petal.ml.clicks.ClickRule;
import org.petal.ml.clicks.ClickSimulator;
import org.petal.ml.dataset.LabelKind;
import org.petal.ml.metrics.SegmentationMetrics;
import org.petal.ml.morph.BinaryMask;
import org.petal.ml.phantom.PhantomCase;
import org.petal.ml.phantom.PhantomGenerator;
import org.petal.ml.phantom.PhantomLabel;
import org.petal.ml.phantom.PhantomSpec;
import org.petal.ml.segment.Box;
import org.petal.ml.segment.PointPrompt;
import org.petal.ml.segment.PromptSession;

/**
 * The model shipped in {@code ml/models/segany-small} (trained here on seed-1000 phantoms): it passes every
 * check of a model directory, fits the 25 MB budget, and segments an evaluation phantom's bladder (seed 42,
 * never seen in training) well within three simulated clicks (0.85–0.89 on the first four cases).
 */
class ShippedModelTest {

    private static final Path SHIPPED = Path.of("models", "segany-small");

    @Test
    void theShippedModelIsASmallSegAnyExportWithinTwentyFiveMegabytes() throws IOException {
        SegAnyModelInfo info = SegAnyModelInfo.read(SHIPPED);
        assertThat(info.architecture()).isEqualTo("small");
        assertThat(info.patch()).isEqualTo(128);
        assertThat(info.spacingMm()).isEqualTo(1.5);
        assertThat(Files.size(SHIPPED.resolve("encoder.pt")) + Files.size(SHIPPED.resolve("decoder.pt"))).isLessThanOrEqualTo(25_000_000);
    }

    @Test
    void threeClicksSegmentAnUnseenPhantomBladder() {
        PhantomCase phantom = PhantomGenerator.generate(PhantomSpec.of(42, 0));
        BinaryMask bladder = BinaryMask.fromLabel(phantom.labels(), PhantomLabel.BLADDER.value());
        PromptSession session = new PromptSession(SegAnyModel.load(SegAnySettings.cpu(SHIPPED)), phantom.pet(), LabelKind.ORGAN);
        ClickSimulator user = new ClickSimulator(ClickRule.CENTER, 1);
        BinaryMask prediction = new BinaryMask(phantom.pet().geometry());
        for (int click = 1; click <= 3; click++) {
            PointPrompt p = (click == 1 ? user.firstClick(bladder) : user.nextClick(bladder, prediction)).orElseThrow();
            session.addPoint(p.voxel(), p.include());
            prediction = maskOf(session, phantom);
        }
        assertThat(SegmentationMetrics.dice(prediction, bladder)).isGreaterThan(0.75);
    }

    private static BinaryMask maskOf(PromptSession session, PhantomCase phantom) {
        Box b = session.mask().bounds();
        if (b.isEmpty()) {
            return new BinaryMask(phantom.pet().geometry());
        }
        byte[] bits = session.mask().read(b);
        boolean[] flags = new boolean[bits.length];
        for (int n = 0; n < bits.length; n++) {
            flags[n] = bits[n] != 0;
        }
        return BinaryMask.fromArray(phantom.pet().geometry(), b, flags);
    }
}
