package org.petal.ml.cli;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.petal.ml.dataset.Dataset;
import org.petal.ml.eval.CeilingRunner;
import org.petal.ml.io.VoxelBudget;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "ceiling", description = "Best Dice one SUV interval grown from the first click can reach per object, the answer known.")
final class CeilingCommand implements Callable<Integer> {

    @Option(names = "--dataset", required = true, description = "dataset directory (labels.json, cases.csv)")
    Path dataset;

    @Option(names = "--labels", split = ",", description = "label names to measure (default: all)")
    List<String> labels;

    @Option(names = "--out", required = true, description = "output directory for ceiling.csv and ceiling.md")
    Path out;

    @Option(names = "--threads", description = "cases in parallel (default: number of cores)")
    Integer threads;

    @Override
    public Integer call() throws Exception {
        Dataset data = Dataset.read(dataset);
        long start = System.nanoTime();
        var rows = new CeilingRunner(VoxelBudget.DEFAULT, threads == null ? Runtime.getRuntime().availableProcessors() : threads)
            .run(data, labels == null ? java.util.Set.of() : new LinkedHashSet<>(labels), System.out);
        String title = String.format(Locale.ROOT, "One-interval ceiling on %s (%d cases, %.0f s)", data.dir().getFileName(),
            data.cases().size(), (System.nanoTime() - start) / 1e9);
        CeilingRunner.write(out, rows, title);
        System.out.println("ceiling: " + out.resolve("ceiling.md").toAbsolutePath());
        return 0;
    }
}
