package org.petal.ml.eval;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.petal.ml.clicks.EvaluationObject;
import org.petal.ml.clicks.EvaluationObjects;
import org.petal.ml.dataset.Dataset;
import org.petal.ml.dataset.DatasetCase;
import org.petal.ml.io.InvalidImageException;
import org.petal.ml.io.VoxelBudget;
import org.petal.ml.nifti.NiftiReader;
import org.petal.ml.volume.LabelVolume;
import org.petal.ml.volume.PetUnit;
import org.petal.ml.volume.PetVolume;

/**
 * {@link IntervalCeiling} for every object of a dataset (the same objects as the click evaluation), raw and
 * smoothed: {@code ceiling.csv} (one row per object) and {@code ceiling.md} (means per label).
 */
public final class CeilingRunner {

    /** One object's ceilings. */
    public record Row(String caseId, String label, String kind, int objectId, long truthVoxels,
                      IntervalCeiling.Result raw, IntervalCeiling.Result smoothed) {
        double best() {
            return Math.max(raw.dice(), smoothed.dice());
        }
    }

    private final VoxelBudget budget;
    private final int threads;

    public CeilingRunner(VoxelBudget budget, int threads) {
        this.budget = budget;
        this.threads = Math.max(1, threads);
    }

    /** @param labels label names to measure; empty for all */
    public List<Row> run(Dataset dataset, Set<String> labels, PrintStream progressOut) throws IOException {
        ProgressLine progress = new ProgressLine(progressOut, "measuring", dataset.cases().size());
        List<Row> rows = CasePool.map(dataset.cases(), threads, c -> measure(dataset, c, labels, progress));
        rows.sort(Comparator.comparing(Row::caseId).thenComparing(Row::label).thenComparingInt(Row::objectId));
        return rows;
    }

    private List<Row> measure(Dataset dataset, DatasetCase c, Set<String> labels, ProgressLine progress) throws IOException {
        NiftiReader reader = new NiftiReader(budget);
        PetVolume pet = reader.readPet(c.pet(), PetUnit.SUV_BW);
        LabelVolume labelVolume = reader.readLabels(c.label());
        if (!labelVolume.geometry().sameGrid(pet.geometry(), 1e-3)) {
            throw new InvalidImageException("case " + c.caseId() + ": the label grid differs from the PET grid");
        }
        List<Row> rows = new ArrayList<>();
        for (EvaluationObject object : EvaluationObjects.of(labelVolume, dataset.labels())) {
            if (!labels.isEmpty() && !labels.contains(object.labelName())) {
                continue;
            }
            var raw = IntervalCeiling.of(pet, object.mask(), false);
            var smoothed = IntervalCeiling.of(pet, object.mask(), true);
            if (raw.isPresent() && smoothed.isPresent()) {
                rows.add(new Row(c.caseId(), object.labelName(), object.kind().name().toLowerCase(Locale.ROOT), object.objectId(),
                    object.mask().count(), raw.get(), smoothed.get()));
            }
        }
        progress.step(c.caseId());
        return rows;
    }

    public static void write(Path out, List<Row> rows, String title) throws IOException {
        Files.createDirectories(out);
        StringBuilder csv = new StringBuilder("case_id,label,kind,object_id,gt_voxels,dice_raw,lo_raw,hi_raw,voxels_raw,"
            + "dice_smoothed,lo_smoothed,hi_smoothed,voxels_smoothed\n");
        for (Row r : rows) {
            csv.append(String.format(Locale.ROOT, "%s,%s,%s,%d,%d,%s,%s%n", r.caseId(), r.label(), r.kind(), r.objectId(),
                r.truthVoxels(), cells(r.raw()), cells(r.smoothed())));
        }
        Files.writeString(out.resolve("ceiling.csv"), csv, StandardCharsets.UTF_8);
        Files.writeString(out.resolve("ceiling.md"), markdown(rows, title), StandardCharsets.UTF_8);
    }

    private static String cells(IntervalCeiling.Result r) {
        return String.format(Locale.ROOT, "%.4f,%.3f,%s,%d", r.dice(), r.lo(),
            Double.isInfinite(r.hi()) ? "inf" : String.format(Locale.ROOT, "%.3f", r.hi()), r.voxels());
    }

    static String markdown(List<Row> rows, String title) {
        StringBuilder md = new StringBuilder("# ").append(title).append("\n\n")
            .append("Mean of each object's best Dice over SUV intervals grown from its first click, the answer known ")
            .append("(a ceiling for one-interval rules); n = objects.\n\n")
            .append("| label | kind | n | raw | 3×3×3 mean | best of the two |\n|---|---|---|---|---|---|\n");
        Map<String, List<Row>> byLabel = rows.stream().collect(Collectors.groupingBy(Row::label, TreeMap::new, Collectors.toList()));
        byLabel.entrySet().stream()
            .sorted(Comparator.comparing((Map.Entry<String, List<Row>> e) -> e.getValue().get(0).kind()).thenComparing(Map.Entry::getKey))
            .forEach(e -> md.append(String.format(Locale.ROOT, "| %s | %s | %d | %.3f | %.3f | %.3f |%n", e.getKey(),
                e.getValue().get(0).kind(), e.getValue().size(), mean(e.getValue(), r -> r.raw().dice()),
                mean(e.getValue(), r -> r.smoothed().dice()), mean(e.getValue(), Row::best))));
        return md.toString();
    }

    private static double mean(List<Row> rows, java.util.function.ToDoubleFunction<Row> f) {
        return rows.stream().mapToDouble(f).average().orElse(Double.NaN);
    }
}
