package org.petal.report.study;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.petal.system.Problems;

/**
 * The study's tables as CSV (RFC 4180: comma, CRLF-free "\n" lines, text quoted when it needs it). Seconds with
 * three decimals, percentages with two, Dice with four; an empty field is a statistic of no values.
 */
final class StudyCsv {

    private static final String SAVED = "n_ai_assisted,n_manual,mean_ai_assisted_s,mean_manual_s,median_ai_assisted_s,"
        + "median_manual_s,saved_pct,ci_low_pct,ci_high_pct";
    private static final String BOX = "n,min,q1,median,q3,max,mean";

    /** Table name → header line. */
    static final Map<String, String> HEADERS = new LinkedHashMap<>();
    private static final Map<String, Function<StudyReport, List<List<Object>>>> ROWS = new LinkedHashMap<>();

    static {
        table("time-per-case", "assignment_id,case_id,case_key,annotator_id,annotator,mode,state,active_s,wall_s",
            r -> r.timePerCase().cases().stream().map(c -> row(c.assignmentId(), c.caseId(), c.caseKey(), c.annotatorId(),
                c.annotator(), c.mode(), c.state(), seconds(c.activeSeconds()), seconds(c.wallSeconds()))).toList());
        table("by-mode", "mode,measure," + BOX, r -> {
            List<List<Object>> rows = new ArrayList<>();
            r.timePerCase().byMode().forEach(m -> {
                rows.add(box(m.mode(), "active_s", m.activeSeconds()));
                rows.add(box(m.mode(), "wall_s", m.wallSeconds()));
            });
            r.edits().byMode().forEach(m -> {
                rows.add(box(m.mode(), "clicks", m.clicks()));
                rows.add(box(m.mode(), "edits", m.edits()));
            });
            return rows;
        });
        table("saved", SAVED, r -> List.of(saved(List.of(), r.saved())));
        table("per-annotator", "annotator_id,annotator," + SAVED, r -> r.perAnnotator().stream()
            .map(a -> saved(row(a.annotatorId(), a.annotator()), a.saved())).toList());
        table("per-label-kind", "kind," + SAVED, r -> r.perLabelKind().stream()
            .map(k -> saved(row(k.kind()), k.saved())).toList());
        table("edits", "assignment_id,case_id,annotator_id,mode,clicks,brush_strokes,undos,redos,edits",
            r -> r.edits().cases().stream().map(e -> row(e.assignmentId(), e.caseId(), e.annotatorId(), e.mode(),
                e.clicks(), e.brushStrokes(), e.undos(), e.redos(), e.edits())).toList());
        table("agreement", "case_id,case_key,comparison,assignment_a,annotator_a,mode_a,revision_a,assignment_b,annotator_b,"
            + "mode_b,revision_b,label,label_name,kind,voxels_a,voxels_b,overlap,dice", r -> {
                List<List<Object>> rows = new ArrayList<>();
                r.agreement().pairs().forEach(p -> p.labels().forEach(l -> rows.add(row(p.caseId(), p.caseKey(),
                    p.comparison(), p.assignmentA(), p.annotatorA(), p.modeA(), p.revisionA(), p.assignmentB(),
                    p.annotatorB(), p.modeB(), p.revisionB(), l.label(), l.name(), l.kind(), l.voxelsA(), l.voxelsB(),
                    l.overlap(), dice(l.dice())))));
                return rows;
            });
        table("agreement-summary", "group,label,label_name,kind," + BOX, r -> r.agreement().summary().stream()
            .map(s -> {
                var b = s.dice();
                return row(s.group(), s.label(), s.name(), s.kind(), b.n(), dice(b.min()), dice(b.q1()), dice(b.median()),
                    dice(b.q3()), dice(b.max()), dice(b.mean()));
            }).toList());
        table("throughput", "week,week_start,submitted,resubmitted,approved", r -> r.throughput().stream()
            .map(w -> row(w.week(), w.weekStart(), w.submitted(), w.resubmitted(), w.approved())).toList());
    }

    private StudyCsv() {}

    static String write(StudyReport report, String table) {
        var rows = ROWS.get(table);
        if (rows == null) {
            throw new Problems.NotFound("no study table '" + table + "'; there are " + HEADERS.keySet());
        }
        StringBuilder out = new StringBuilder(HEADERS.get(table)).append('\n');
        for (List<Object> row : rows.apply(report)) {
            for (int i = 0; i < row.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                out.append(field(row.get(i)));
            }
            out.append('\n');
        }
        return out.toString();
    }

    /** Whether a table of that name exists (checked before the report is computed). */
    static void requireTable(String table) {
        if (!HEADERS.containsKey(table)) {
            throw new Problems.NotFound("no study table '" + table + "'; there are " + HEADERS.keySet());
        }
    }

    private static void table(String name, String header, Function<StudyReport, List<List<Object>>> rows) {
        HEADERS.put(name, header);
        ROWS.put(name, rows);
    }

    private static List<Object> row(Object... values) {
        return java.util.Arrays.asList(values);
    }

    private static List<Object> saved(List<Object> key, StudyReport.Saved s) {
        List<Object> row = new ArrayList<>(key);
        row.addAll(row(s.nAiAssisted(), s.nManual(), seconds(s.meanAiAssistedSeconds()), seconds(s.meanManualSeconds()),
            seconds(s.medianAiAssistedSeconds()), seconds(s.medianManualSeconds()), percent(s.savedPercent()),
            percent(s.ciLowPercent()), percent(s.ciHighPercent())));
        return row;
    }

    private static List<Object> box(Object mode, String measure, StudyReport.BoxStats b) {
        return row(mode, measure, b.n(), seconds(b.min()), seconds(b.q1()), seconds(b.median()), seconds(b.q3()),
            seconds(b.max()), seconds(b.mean()));
    }

    private static String seconds(Double v) { return format("%.3f", v); }
    private static String percent(Double v) { return format("%.2f", v); }
    private static String dice(Double v) { return format("%.4f", v); }

    private static String format(String pattern, Double v) {
        return v == null || v.isNaN() ? "" : String.format(Locale.ROOT, pattern, v);
    }

    private static String field(Object v) {
        String s = v == null ? "" : v.toString();
        if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }
}
