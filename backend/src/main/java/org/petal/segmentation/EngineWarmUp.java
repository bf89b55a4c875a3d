package org.petal.segmentation;

import java.util.Comparator;
import org.petal.ml.dataset.LabelKind;
import org.petal.ml.phantom.PhantomCase;
import org.petal.ml.phantom.PhantomGenerator;
import org.petal.ml.phantom.PhantomLesion;
import org.petal.ml.phantom.PhantomSpec;
import org.petal.ml.segment.Engines;
import org.petal.ml.segment.PatchModel;
import org.petal.ml.segment.PromptSession;
import org.petal.ml.segment.Voxel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Runs the default engine on a small generated phantom once the server is up, in the background, so the
 * first real click of the day does not pay for the JIT compiling the engine (measured: 544 ms for a first
 * liver click on a fresh server against about 115 ms afterwards, docs/performance.md). Nothing of it is
 * kept or logged as work. {@code petal.segmentation.warm-up=false} turns it off (tests).
 */
@Component
class EngineWarmUp {

    private static final Logger log = LoggerFactory.getLogger(EngineWarmUp.class);
    private static final int ROUNDS = 6;
    private static final String ENGINE = "suv-grow";

    private final boolean enabled;

    EngineWarmUp(@Value("${petal.segmentation.warm-up:true}") boolean enabled) {
        this.enabled = enabled;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        if (!enabled) {
            return;
        }
        Thread t = new Thread(this::run, "petal-engine-warm-up");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }

    private void run() {
        long start = System.nanoTime();
        try {
            PhantomCase phantom = PhantomGenerator.generate(PhantomSpec.of(1, 0));
            PatchModel model = Engines.create(ENGINE);
            PhantomLesion.Voxel lesion = phantom.lesions().stream()
                .max(Comparator.comparingInt(PhantomLesion::voxelCount)).orElseThrow().centreVoxel();
            Voxel liver = insideLabel(phantom, phantom.labelSet().value("liver").orElseThrow());
            for (int round = 0; round < ROUNDS; round++) {
                clickTwiceAndUndo(new PromptSession(model, phantom.pet(), LabelKind.LESION), new Voxel(lesion.i(), lesion.j(), lesion.k()));
                clickTwiceAndUndo(new PromptSession(model, phantom.pet(), LabelKind.ORGAN), liver);
            }
            log.info("segmentation engine warmed up in {} ms", (System.nanoTime() - start) / 1_000_000);
        } catch (RuntimeException e) {
            log.warn("engine warm-up failed (first clicks will be slower): {}", e.getMessage());
        }
    }

    private static void clickTwiceAndUndo(PromptSession s, Voxel v) {
        s.addPoint(v, true);
        s.addPoint(new Voxel(v.i() + 2, v.j(), v.k()), false);
        s.undo();
    }

    /** The middle voxel of the label in raster order along the middle row that has it: inside for a convex organ. */
    private static Voxel insideLabel(PhantomCase phantom, int label) {
        var g = phantom.pet().geometry();
        for (int k = g.nz() / 2; k < g.nz(); k++) {
            for (int j = 0; j < g.ny(); j++) {
                int first = -1;
                int last = -1;
                for (int i = 0; i < g.nx(); i++) {
                    if (phantom.labels().get(i, j, k) == label) {
                        first = first < 0 ? i : first;
                        last = i;
                    }
                }
                if (first >= 0 && last - first > 6) {
                    return new Voxel((first + last) / 2, j, k);
                }
            }
        }
        throw new IllegalStateException("label " + label + " not found in the warm-up phantom");
    }
}
