package org.petal.ml.eval;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The paper-style table: mean Dice (and NSD) per engine, label and click budget, as Markdown. NaN values
 * (empty ground truth) are left out of the means.
 */
final class SummaryTable {

    private SummaryTable() {}

    static String markdown(List<ResultRow> rows, String title, double nsdToleranceMm) {
        StringBuilder md = new StringBuilder("# ").append(title).append("\n\n");
        md.append(String.format(Locale.ROOT,
            "Mean DSC / mean NSD (tolerance %.1f mm) per label after N simulated clicks; n = objects.%n%n", nsdToleranceMm));
        TreeSet<Integer> budgets = rows.stream().map(ResultRow::clicks).collect(Collectors.toCollection(TreeSet::new));
        Map<String, List<ResultRow>> byEngine = rows.stream()
            .collect(Collectors.groupingBy(ResultRow::engine, TreeMap::new, Collectors.toList()));
        for (var engine : byEngine.entrySet()) {
            md.append("## Engine `").append(engine.getKey()).append("`\n\n| label | kind | n |");
            budgets.forEach(b -> md.append(' ').append(b).append(b == 1 ? " click |" : " clicks |"));
            md.append("\n|---|---|---|");
            budgets.forEach(b -> md.append("---|"));
            md.append('\n');
            Map<String, List<ResultRow>> byLabel = engine.getValue().stream()
                .collect(Collectors.groupingBy(ResultRow::label, TreeMap::new, Collectors.toList()));
            List<Map.Entry<String, List<ResultRow>>> ordered = new ArrayList<>(byLabel.entrySet());
            ordered.sort(Comparator.comparing((Map.Entry<String, List<ResultRow>> e) -> e.getValue().get(0).kind()).thenComparing(Map.Entry::getKey));
            for (var label : ordered) {
                long objects = label.getValue().stream().filter(r -> r.clicks() == budgets.first()).count();
                md.append("| ").append(label.getKey()).append(" | ").append(label.getValue().get(0).kind()).append(" | ").append(objects).append(" |");
                for (int b : budgets) {
                    List<ResultRow> at = label.getValue().stream().filter(r -> r.clicks() == b).toList();
                    md.append(String.format(Locale.ROOT, " %.3f / %.3f |", mean(at, true), mean(at, false)));
                }
                md.append('\n');
            }
            md.append("| **all objects** | | ").append(engine.getValue().stream().filter(r -> r.clicks() == budgets.first()).count()).append(" |");
            for (int b : budgets) {
                List<ResultRow> at = engine.getValue().stream().filter(r -> r.clicks() == b).toList();
                md.append(String.format(Locale.ROOT, " %.3f / %.3f |", mean(at, true), mean(at, false)));
            }
            md.append("\n\n");
        }
        return md.toString();
    }

    static double mean(List<ResultRow> rows, boolean dice) {
        return rows.stream().mapToDouble(r -> dice ? r.dice() : r.nsd()).filter(v -> !Double.isNaN(v)).average().orElse(Double.NaN);
    }
}
