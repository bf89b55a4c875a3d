package org.petal.ml.eval;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.petal.ml.clicks.EvaluationObject;
import org.petal.ml.clicks.EvaluationObjects;
import org.petal.ml.dataset.Dataset;
import org.petal.ml.dataset.DatasetCase;
import org.petal.ml.io.VoxelBudget;
import org.petal.ml.nifti.NiftiReader;
import org.petal.ml.segment.PatchModel;
import org.petal.ml.volume.LabelVolume;
import org.petal.ml.volume.PetUnit;
import org.petal.ml.volume.PetVolume;

/**
 * Evaluates engines on a dataset: every ground-truth object of every case, with simulated clicks, scored
 * after each click budget. Cases run in parallel; the rows come back in a fixed order (engine, case,
 * label, object, clicks), so results do not depend on thread timing.
 *
 * <p>Dataset PET files are read as SUVbw: the dataset format is defined to hold SUV images.
 */
public final class EvaluationRunner {

    private final EvaluationConfig config;
    private final VoxelBudget budget;

    public EvaluationRunner(EvaluationConfig config, VoxelBudget budget) {
        this.config = config;
        this.budget = budget;
    }

    public List<ResultRow> run(Dataset dataset, List<PatchModel> engines, PrintStream progressOut) throws IOException {
        ProgressLine progress = new ProgressLine(progressOut, "evaluating", (long) dataset.cases().size() * engines.size());
        List<ResultRow> rows = CasePool.map(dataset.cases(), config.threads(), c -> evaluateCase(dataset, c, engines, progress));
        rows.sort(Comparator.comparing(ResultRow::engine).thenComparing(ResultRow::caseId).thenComparing(ResultRow::label)
            .thenComparingInt(ResultRow::objectId).thenComparingInt(ResultRow::clicks));
        return rows;
    }

    private List<ResultRow> evaluateCase(Dataset dataset, DatasetCase c, List<PatchModel> engines, ProgressLine progress)
        throws IOException {
        NiftiReader reader = new NiftiReader(budget);
        PetVolume pet = reader.readPet(c.pet(), PetUnit.SUV_BW);
        LabelVolume labels = reader.readLabels(c.label());
        if (!labels.geometry().sameGrid(pet.geometry(), 1e-3)) {
            throw new org.petal.ml.io.InvalidImageException("case " + c.caseId() + ": the label grid " + labels.geometry()
                + " differs from the PET grid " + pet.geometry());
        }
        List<EvaluationObject> objects = EvaluationObjects.of(labels, dataset.labels());
        List<ResultRow> rows = new ArrayList<>();
        for (PatchModel engine : engines) {
            for (EvaluationObject object : objects) {
                rows.addAll(ObjectEvaluation.run(engine, c.caseId(), pet, object, config));
            }
            progress.step(c.caseId());
        }
        return rows;
    }
}
