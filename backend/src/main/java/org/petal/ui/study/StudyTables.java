package org.petal.ui.study;

import com.vaadin.flow.component.grid.Grid;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.petal.report.study.StudyReport;
import org.petal.report.study.StudyReport.BoxStats;
import org.petal.report.study.StudyReport.Saved;

/** The study's tables as grids; the same tables as the CSV downloads, formatted for reading. */
final class StudyTables {

    private StudyTables() {}

    static Grid<StudyReport.ModeTimes> byMode(StudyReport r) {
        Grid<StudyReport.ModeTimes> g = StudyView.grid("study-by-mode", r.timePerCase().byMode());
        g.addColumn(m -> StudyView.mode(m.mode())).setHeader("Mode");
        g.addColumn(m -> m.activeSeconds().n()).setHeader("Cases");
        g.addColumn(m -> duration(m.activeSeconds().median())).setHeader("Active, median");
        g.addColumn(m -> range(m.activeSeconds())).setHeader("Active, IQR");
        g.addColumn(m -> duration(m.activeSeconds().mean())).setHeader("Active, mean");
        g.addColumn(m -> duration(m.wallSeconds().median())).setHeader("Wall, median");
        g.addColumn(m -> duration(m.wallSeconds().mean())).setHeader("Wall, mean");
        g.addColumn(m -> edits(r, m.mode(), StudyReport.ModeEdits::clicks)).setHeader("Clicks, median");
        g.addColumn(m -> edits(r, m.mode(), StudyReport.ModeEdits::edits)).setHeader("Edits, median");
        return g;
    }

    static Grid<StudyReport.AnnotatorSaved> perAnnotator(StudyReport r) {
        Grid<StudyReport.AnnotatorSaved> g = StudyView.grid("study-per-annotator", r.perAnnotator());
        g.addColumn(StudyReport.AnnotatorSaved::annotator).setHeader("Annotator");
        savedColumns(g, StudyReport.AnnotatorSaved::saved);
        return g;
    }

    static Grid<StudyReport.LabelKindSaved> perLabelKind(StudyReport r) {
        Grid<StudyReport.LabelKindSaved> g = StudyView.grid("study-per-label-kind", r.perLabelKind());
        g.addColumn(k -> k.kind().toLowerCase(Locale.ROOT).replace('_', ' ')).setHeader("Label kind");
        savedColumns(g, StudyReport.LabelKindSaved::saved);
        return g;
    }

    static Grid<StudyReport.CaseTime> cases(StudyReport r) {
        Grid<StudyReport.CaseTime> g = StudyView.grid("study-cases", r.timePerCase().cases());
        g.addColumn(StudyReport.CaseTime::caseKey).setHeader("Case").setSortable(true);
        g.addColumn(StudyReport.CaseTime::annotator).setHeader("Annotator").setSortable(true);
        g.addColumn(c -> StudyView.mode(c.mode())).setHeader("Mode").setSortable(true);
        g.addColumn(c -> c.state().name().toLowerCase(Locale.ROOT).replace('_', ' ')).setHeader("State");
        g.addColumn(c -> duration(c.activeSeconds())).setHeader("Active").setComparator(StudyReport.CaseTime::activeSeconds);
        g.addColumn(c -> duration(c.wallSeconds())).setHeader("Wall").setComparator(StudyReport.CaseTime::wallSeconds);
        java.util.Map<Long, StudyReport.CaseEdits> edits = new java.util.HashMap<>();
        r.edits().cases().forEach(e -> edits.put(e.assignmentId(), e));
        g.addColumn(c -> edits.containsKey(c.assignmentId()) ? edits.get(c.assignmentId()).clicks() : 0).setHeader("Clicks");
        g.addColumn(c -> edits.containsKey(c.assignmentId()) ? edits.get(c.assignmentId()).brushStrokes() : 0)
            .setHeader("Strokes");
        g.addColumn(c -> edits.containsKey(c.assignmentId()) ? edits.get(c.assignmentId()).edits() : 0)
            .setHeader("Edits (with undo, redo)");
        return g;
    }

    static Grid<StudyReport.DiceSummary> agreement(StudyReport r) {
        Grid<StudyReport.DiceSummary> g = StudyView.grid("study-agreement", r.agreement().summary());
        g.addColumn(s -> s.group().equals("READERS") ? "between readers" : "AI-assisted vs manual").setHeader("Pairs");
        g.addColumn(StudyReport.DiceSummary::name).setHeader("Label");
        g.addColumn(s -> s.dice().n()).setHeader("n");
        g.addColumn(s -> dice(s.dice().median())).setHeader("Dice, median");
        g.addColumn(s -> dice(s.dice().mean())).setHeader("Dice, mean");
        g.addColumn(s -> dice(s.dice().min())).setHeader("Dice, min");
        return g;
    }

    static Grid<StudyReport.WeekThroughput> throughput(StudyReport r) {
        Grid<StudyReport.WeekThroughput> g = StudyView.grid("study-throughput", r.throughput());
        g.addColumn(StudyReport.WeekThroughput::week).setHeader("Week");
        g.addColumn(StudyReport.WeekThroughput::weekStart).setHeader("From");
        g.addColumn(StudyReport.WeekThroughput::submitted).setHeader("Submitted");
        g.addColumn(StudyReport.WeekThroughput::resubmitted).setHeader("Resubmitted");
        g.addColumn(StudyReport.WeekThroughput::approved).setHeader("Approved");
        return g;
    }

    private static <T> void savedColumns(Grid<T> g, Function<T, Saved> saved) {
        g.addColumn(x -> saved.apply(x).nAiAssisted()).setHeader("AI-assisted cases");
        g.addColumn(x -> saved.apply(x).nManual()).setHeader("Manual cases");
        g.addColumn(x -> duration(saved.apply(x).meanAiAssistedSeconds())).setHeader("AI-assisted, mean");
        g.addColumn(x -> duration(saved.apply(x).meanManualSeconds())).setHeader("Manual, mean");
        g.addColumn(x -> percent(saved.apply(x).savedPercent())).setHeader("Saved");
        g.addColumn(x -> percent(saved.apply(x).ciLowPercent()) + " to " + percent(saved.apply(x).ciHighPercent()))
            .setHeader("95 % CI");
    }

    private static String edits(StudyReport r, org.petal.assignment.AssignmentMode mode,
                                Function<StudyReport.ModeEdits, BoxStats> which) {
        return r.edits().byMode().stream().filter(e -> e.mode() == mode).findFirst()
            .map(e -> number(which.apply(e).median())).orElse("—");
    }

    /** Seconds as people read them: "0.4 s", "42 s", "3.4 min", "1.2 h". */
    static String duration(Double seconds) {
        if (seconds == null || seconds.isNaN()) {
            return "—";
        }
        if (seconds < 10) {
            return String.format(Locale.ROOT, "%.1f s", seconds);
        }
        if (seconds < 120) {
            return String.format(Locale.ROOT, "%.0f s", seconds);
        }
        return seconds < 7200 ? String.format(Locale.ROOT, "%.1f min", seconds / 60) : String.format(Locale.ROOT, "%.1f h", seconds / 3600);
    }

    static String percent(Double p) {
        return p == null || p.isNaN() ? "—" : String.format(Locale.ROOT, "%.1f %%", p);
    }

    private static String range(BoxStats b) {
        return b.q1() == null ? "—" : duration(b.q1()) + " – " + duration(b.q3());
    }

    private static String dice(Double d) {
        return d == null ? "—" : String.format(Locale.ROOT, "%.3f", d);
    }

    private static String number(Double d) {
        return d == null ? "—" : String.format(Locale.ROOT, "%.1f", d);
    }
}
