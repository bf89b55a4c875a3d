package org.petal.exports;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.petal.annotation.RevisionStatistics;
import org.petal.annotation.RevisionStatistics.LesionReport;
import org.petal.ml.dataset.LabelKind;
import org.petal.ml.metrics.SuvStatistics;

/**
 * A revision's lesion statistics as one CSV table (RFC 4180, comma, header row, UTF-8): a {@code lesion} row
 * for each 26-connected lesion, a {@code label} row for each label with voxels (organs too: a reference
 * region such as the liver is often read with the lesions), and one {@code total} row for all lesions
 * together. Empty cells where a figure does not apply. Columns: {@code docs/exports.md}.
 */
final class LesionCsv {

    static final List<String> COLUMNS = List.of("case_id", "case_key", "revision_id", "assignment_id", "row",
        "label_value", "label_name", "label_kind", "lesion_index", "voxels", "mtv_ml", "suv_max", "suv_mean",
        "suv_peak", "tlg", "lesion_count", "dmax_mm", "centroid_x_mm", "centroid_y_mm", "centroid_z_mm");

    private LesionCsv() {}

    static String of(LesionReport r) {
        StringBuilder out = new StringBuilder(String.join(",", COLUMNS)).append("\r\n");
        List<String> id = List.of(String.valueOf(r.petCase().id()), quoted(r.petCase().caseKey()),
            String.valueOf(r.revision().id()), String.valueOf(r.assignment().id()));
        for (RevisionStatistics.Lesion l : r.lesions()) {
            double[] c = l.centroidLps();
            row(out, id, "lesion", String.valueOf(l.labelValue()), quoted(l.labelName()), "lesion",
                String.valueOf(l.index()), l.statistics(), "", "", mm(c[0]), mm(c[1]), mm(c[2]));
        }
        for (RevisionStatistics.LabelStatistics s : r.labels()) {
            boolean lesion = s.kind() == LabelKind.LESION;
            row(out, id, "label", String.valueOf(s.value()), quoted(s.name()), s.kind().name().toLowerCase(Locale.ROOT), "",
                s.total(), lesion ? String.valueOf(s.burden().lesionCount()) : "",
                lesion ? mm(s.burden().dmaxMm()) : "", "", "", "");
        }
        row(out, id, "total", "", "all lesions", "lesion", "", r.allLesions(), String.valueOf(r.burden().lesionCount()),
            mm(r.burden().dmaxMm()), "", "", "");
        return out.toString();
    }

    private static void row(StringBuilder out, List<String> id, String kind, String labelValue, String labelName,
                            String labelKind, String lesionIndex, SuvStatistics s, String lesionCount, String dmax,
                            String x, String y, String z) {
        List<String> cells = new ArrayList<>(id);
        cells.addAll(List.of(kind, labelValue, labelName, labelKind, lesionIndex, String.valueOf(s.voxelCount()),
            number(s.mtvMl()), number(s.suvMax()), number(s.suvMean()), number(s.suvPeak()), number(s.tlg()),
            lesionCount, dmax, x, y, z));
        out.append(String.join(",", cells)).append("\r\n");
    }

    /** Four decimals: 0.1 µl of volume, 0.0001 of SUV; empty for a figure that does not exist (NaN). */
    private static String number(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.4f", v);
    }

    private static String mm(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.2f", v);
    }

    /** RFC 4180: quoted when it holds a comma, quote or line break; a leading =, +, - or @ is defused for spreadsheets. */
    static String quoted(String s) {
        String t = s == null ? "" : s;
        if (!t.isEmpty() && "=+-@".indexOf(t.charAt(0)) >= 0) {
            t = "'" + t;
        }
        return t.matches("(?s).*[\",\r\n].*") ? "\"" + t.replace("\"", "\"\"") + "\"" : t;
    }
}
