package org.petal.ml.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.petal.ml.clicks.ClickRule;
import org.petal.ml.dataset.Dataset;
import org.petal.ml.eval.EvaluationConfig;
import org.petal.ml.eval.EvaluationReport;
import org.petal.ml.eval.EvaluationRunner;
import org.petal.ml.eval.ResultRow;
import org.petal.ml.io.VoxelBudget;
import org.petal.ml.segment.Engines;
import org.petal.ml.segment.PatchModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "eval", description = "Simulated-click evaluation of engines on a dataset (SegAnyPET-style table).")
final class EvalCommand implements Callable<Integer> {

    @Option(names = "--dataset", required = true, description = "dataset directory (labels.json, cases.csv)")
    Path dataset;

    @Option(names = "--engine", split = ",", defaultValue = "suv-grow", description = "engines, comma-separated (default ${DEFAULT-VALUE})")
    List<String> engines;

    @Option(names = "--clicks", split = ",", defaultValue = "1,3,5", description = "click budgets (default ${DEFAULT-VALUE})")
    List<Integer> clicks;

    @Option(names = "--out", required = true, description = "output directory for results.csv and summary.md")
    Path out;

    @Option(names = "--rule", defaultValue = "center", description = "click rule: center, random or ritm (default ${DEFAULT-VALUE})")
    String rule;

    @Option(names = "--seed", defaultValue = "233", description = "seed for random click rules (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--nsd-tolerance", defaultValue = "1.0", description = "NSD tolerance in mm (default ${DEFAULT-VALUE})")
    double nsdToleranceMm;

    @Option(names = "--threads", description = "cases in parallel (default: number of cores)")
    Integer threads;

    @Override
    public Integer call() throws Exception {
        List<PatchModel> models = engines.stream().map(String::trim).map(Engines::create).toList();
        EvaluationConfig config = new EvaluationConfig(clicks, ClickRule.valueOf(rule.toUpperCase(Locale.ROOT)), seed,
            nsdToleranceMm, threads == null ? Runtime.getRuntime().availableProcessors() : threads);
        Dataset data = Dataset.read(dataset);
        long start = System.nanoTime();
        List<ResultRow> rows = new EvaluationRunner(config, VoxelBudget.DEFAULT).run(data, models, System.out);
        double seconds = (System.nanoTime() - start) / 1e9;
        String title = String.format(Locale.ROOT, "Evaluation of %s on %s (%d cases, click rule %s, %.0f s)",
            String.join(", ", engines), data.dir().getFileName(), data.cases().size(), rule, seconds);
        EvaluationReport.write(out, rows, title, nsdToleranceMm);
        System.out.println("results: " + out.resolve("results.csv").toAbsolutePath());
        System.out.println("summary: " + out.resolve("summary.md").toAbsolutePath());
        return 0;
    }
}
