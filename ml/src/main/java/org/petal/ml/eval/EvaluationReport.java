package org.petal.ml.eval;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.petal.ml.io.AtomicFiles;

/** Writes {@code results.csv} and {@code summary.md} into an output directory. */
public final class EvaluationReport {

    private EvaluationReport() {}

    public static void write(Path outDir, List<ResultRow> rows, String title, double nsdToleranceMm) throws IOException {
        Files.createDirectories(outDir);
        StringBuilder csv = new StringBuilder(ResultRow.HEADER).append('\n');
        rows.forEach(r -> csv.append(r.toCsv()).append('\n'));
        AtomicFiles.writeString(outDir.resolve("results.csv"), csv.toString());
        AtomicFiles.writeString(outDir.resolve("summary.md"), SummaryTable.markdown(rows, title, nsdToleranceMm));
    }
}
