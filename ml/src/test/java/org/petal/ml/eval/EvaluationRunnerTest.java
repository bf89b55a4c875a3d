package org.petal.ml.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.petal.ml.clicks.ClickRule;
import org.petal.ml.dataset.Dataset;
import org.petal.ml.io.VoxelBudget;
import org.petal.ml.phantom.PhantomDatasetWriter;
import org.petal.ml.segment.Engines;

class EvaluationRunnerTest {

    @TempDir
    static Path dir;

    static Dataset dataset;

    @BeforeAll
    static void twoSmallPhantoms() throws IOException {
        dataset = PhantomDatasetWriter.write(dir.resolve("ds"), 2, 11, 8.0, c -> { });
    }

    private List<ResultRow> evaluate(ClickRule rule, int threads) throws IOException {
        EvaluationConfig config = new EvaluationConfig(List.of(5, 1, 3), rule, 233, 1.0, threads);
        return new EvaluationRunner(config, VoxelBudget.DEFAULT)
            .run(dataset, List.of(Engines.create("suv-grow")), new PrintStream(new ByteArrayOutputStream()));
    }

    @Test
    void every_object_gets_one_row_per_click_budget() throws IOException {
        List<ResultRow> rows = evaluate(ClickRule.CENTER, 2);

        long objects = rows.stream().filter(r -> r.clicks() == 1).count();
        assertThat(objects).isGreaterThan(2 * 10);
        assertThat(rows).hasSize((int) objects * 3);
        assertThat(rows).extracting(ResultRow::clicks).containsOnly(1, 3, 5);
        assertThat(rows).allSatisfy(r -> assertThat(r.dice()).isBetween(0.0, 1.0));
        assertThat(rows.stream().filter(r -> r.label().equals("liver") && r.clicks() == 5))
            .allSatisfy(r -> assertThat(r.dice()).isGreaterThan(0.5));
    }

    @Test
    void results_do_not_depend_on_the_number_of_threads() throws IOException {
        assertThat(withoutTiming(evaluate(ClickRule.RANDOM, 1))).isEqualTo(withoutTiming(evaluate(ClickRule.RANDOM, 2)));
    }

    private static List<String> withoutTiming(List<ResultRow> rows) {
        return rows.stream().map(r -> r.toCsv().substring(0, r.toCsv().lastIndexOf(','))).toList();
    }

    @Test
    void the_report_has_the_csv_columns_and_a_table_per_engine() throws IOException {
        List<ResultRow> rows = evaluate(ClickRule.CENTER, 2);
        Path out = dir.resolve("out");

        EvaluationReport.write(out, rows, "test run", 1.0);

        List<String> csv = Files.readAllLines(out.resolve("results.csv"));
        assertThat(csv.get(0)).startsWith("engine,case_id,label,kind,object_id,clicks,dice,nsd");
        assertThat(csv).hasSize(rows.size() + 1);
        String summary = Files.readString(out.resolve("summary.md"));
        assertThat(summary).contains("## Engine `suv-grow`").contains("| label | kind | n | 1 click | 3 clicks | 5 clicks |")
            .contains("| liver | organ | 2 |");
    }
}
