package org.petal.ml.dataset;

import java.util.ArrayList;
import java.util.List;

/**
 * Minimal RFC 4180 CSV: fields separated by commas, optionally enclosed in double quotes, a quote inside a
 * quoted field doubled. Quoted fields may hold commas and line breaks. Accepts LF or CRLF line ends and a
 * leading UTF-8 byte-order mark; writes LF.
 */
final class Csv {

    private Csv() {}

    /** One parsed record and the 1-based line it started on (for error messages). */
    record Row(int line, List<String> fields) {}

    static List<Row> parse(String text, String source) throws InvalidDatasetException {
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<Row> rows = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int line = 1;
        int rowStart = 1;
        boolean quoted = false;
        boolean fieldWasQuoted = false;
        int n = text.length();
        for (int p = 0; p < n; p++) {
            char c = text.charAt(p);
            if (quoted) {
                if (c == '"') {
                    if (p + 1 < n && text.charAt(p + 1) == '"') {
                        field.append('"');
                        p++;
                    } else {
                        quoted = false;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append(c);
                }
            } else if (c == '"') {
                if (field.length() > 0 || fieldWasQuoted) {
                    throw new InvalidDatasetException(source + " line " + line + ": a quote may only open a field; write \"\" for a quote inside a quoted field");
                }
                quoted = true;
                fieldWasQuoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                fieldWasQuoted = false;
            } else if (c == '\r' && p + 1 < n && text.charAt(p + 1) == '\n') {
                // CRLF: the LF ends the record on the next step
            } else if (c == '\n') {
                fields.add(field.toString());
                addUnlessBlank(rows, rowStart, fields);
                fields = new ArrayList<>();
                field.setLength(0);
                fieldWasQuoted = false;
                line++;
                rowStart = line;
            } else {
                if (fieldWasQuoted) {
                    throw new InvalidDatasetException(source + " line " + line + ": text after a closing quote");
                }
                field.append(c);
            }
        }
        if (quoted) {
            throw new InvalidDatasetException(source + " line " + rowStart + ": quoted field is never closed");
        }
        if (field.length() > 0 || fieldWasQuoted || !fields.isEmpty()) {
            fields.add(field.toString());
            addUnlessBlank(rows, rowStart, fields);
        }
        return rows;
    }

    private static void addUnlessBlank(List<Row> rows, int line, List<String> fields) {
        // Blank lines (common at the end of hand-edited files) carry no record.
        if (fields.size() == 1 && fields.get(0).isEmpty()) {
            return;
        }
        rows.add(new Row(line, List.copyOf(fields)));
    }

    /** Formats one record, quoting only the fields that need it, and ends it with LF. */
    static String formatRow(List<String> fields) {
        StringBuilder sb = new StringBuilder();
        for (int f = 0; f < fields.size(); f++) {
            if (f > 0) {
                sb.append(',');
            }
            sb.append(quoteIfNeeded(fields.get(f)));
        }
        return sb.append('\n').toString();
    }

    static String quoteIfNeeded(String value) {
        boolean needs = value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0
            || value.indexOf('\r') >= 0 || (!value.isEmpty() && (value.charAt(0) == ' ' || value.charAt(value.length() - 1) == ' '));
        return needs ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }
}
