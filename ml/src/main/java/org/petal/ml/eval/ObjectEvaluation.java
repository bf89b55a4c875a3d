package org.petal.ml.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.petal.ml.clicks.ClickSimulator;
import org.petal.ml.clicks.EvaluationObject;
import org.petal.ml.metrics.SegmentationMetrics;
import org.petal.ml.morph.BinaryMask;
import org.petal.ml.segment.Box;
import org.petal.ml.segment.InteractionResult;
import org.petal.ml.segment.PatchModel;
import org.petal.ml.segment.PointPrompt;
import org.petal.ml.segment.PromptSession;
import org.petal.ml.volume.PetVolume;

/**
 * The refinement loop for one ground-truth object and one engine, exactly as an annotator would drive a
 * session: first click, then each next click where the error is largest; clicks accumulate in the
 * session, and the mask is scored after every click budget. A click the session refuses (e.g. on
 * background) still counts against the budget, as it would cost a user the same time.
 */
final class ObjectEvaluation {

    private ObjectEvaluation() {}

    static List<ResultRow> run(PatchModel engine, String caseId, PetVolume pet, EvaluationObject object,
                               EvaluationConfig config) {
        PromptSession session = new PromptSession(engine, pet, object.kind());
        // One seed per object, so adding a case or an engine never changes another object's clicks.
        long seed = config.seed() ^ (31L * caseId.hashCode() + 1_000_003L * object.labelValue() + object.objectId());
        ClickSimulator simulator = new ClickSimulator(config.clickRule(), seed);
        BinaryMask truth = object.mask();
        BinaryMask prediction = new BinaryMask(pet.geometry());
        List<ResultRow> rows = new ArrayList<>();
        double engineMs = 0;
        int clicksWithEngineTime = 0;
        for (int click = 1; click <= config.maxClicks(); click++) {
            Optional<PointPrompt> next = click == 1 ? simulator.firstClick(truth) : simulator.nextClick(truth, prediction);
            if (next.isPresent()) {
                InteractionResult result = session.addPoint(next.get().voxel(), next.get().include());
                engineMs += result.totalMs();
                clicksWithEngineTime++;
                prediction = BinaryMask.fromObjectMask(session.mask());
            }
            if (config.clickBudgets().contains(click)) {
                rows.add(score(engine.name(), caseId, object, click, prediction, truth, config,
                    clicksWithEngineTime == 0 ? 0 : engineMs / clicksWithEngineTime));
            }
        }
        return rows;
    }

    private static ResultRow score(String engine, String caseId, EvaluationObject object, int clicks, BinaryMask prediction,
                                   BinaryMask truth, EvaluationConfig config, double msPerClick) {
        return new ResultRow(engine, caseId, object.labelName(), object.kind().name().toLowerCase(Locale.ROOT), object.objectId(),
            clicks, SegmentationMetrics.dice(prediction, truth), SegmentationMetrics.nsd(prediction, truth, config.nsdToleranceMm()),
            SegmentationMetrics.hd95(prediction, truth), truth.count(), prediction.count(), msPerClick);
    }
}
