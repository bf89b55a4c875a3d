package org.petal.ml.dataset;

import java.util.Locale;

/** What a label stands for: normal anatomy (kept for context) or a lesion (what Petal segments and measures). */
public enum LabelKind {
    ORGAN,
    LESION;

    /** The spelling used in {@code labels.json}: "organ" or "lesion". */
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses the {@code labels.json} spelling, case-insensitively; null when unknown. */
    static LabelKind parse(String text) {
        for (LabelKind kind : values()) {
            if (kind.jsonName().equalsIgnoreCase(text.trim())) {
                return kind;
            }
        }
        return null;
    }
}
