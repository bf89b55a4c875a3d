package org.petal.ml.phantom;

import org.petal.ml.dataset.LabelKind;
import org.petal.ml.dataset.LabelSet;

/**
 * The fixed label values of every phantom. Values never change between versions so that models trained
 * on old phantoms still read new ones. Unlisted tissue (soft tissue, blood pool, salivary glands, the rest
 * of the heart) is background, 0.
 */
public enum PhantomLabel {
    BRAIN(1, "brain", LabelKind.ORGAN),
    /** Left-ventricular myocardium only; the blood pool and the other chambers are background. */
    HEART(2, "heart", LabelKind.ORGAN),
    LIVER(3, "liver", LabelKind.ORGAN),
    SPLEEN(4, "spleen", LabelKind.ORGAN),
    KIDNEY_LEFT(5, "kidney_left", LabelKind.ORGAN),
    KIDNEY_RIGHT(6, "kidney_right", LabelKind.ORGAN),
    BLADDER(7, "bladder", LabelKind.ORGAN),
    LUNG_LEFT(8, "lung_left", LabelKind.ORGAN),
    LUNG_RIGHT(9, "lung_right", LabelKind.ORGAN),
    /** Vertebral bodies C2–L5 and sacrum (red marrow). Discs are background. */
    SPINE(10, "spine", LabelKind.ORGAN),
    LESION(11, "lesion", LabelKind.LESION);

    /** All phantom labels as a dataset {@link LabelSet} (what {@code labels.json} of a phantom dataset holds). */
    public static final LabelSet LABEL_SET = buildLabelSet();

    private final int value;
    private final String labelName;
    private final LabelKind kind;

    PhantomLabel(int value, String labelName, LabelKind kind) {
        this.value = value;
        this.labelName = labelName;
        this.kind = kind;
    }

    public int value() { return value; }

    /** The name used in {@code labels.json}. */
    public String labelName() { return labelName; }

    public LabelKind kind() { return kind; }

    public static PhantomLabel ofValue(int value) {
        for (PhantomLabel l : values()) {
            if (l.value == value) {
                return l;
            }
        }
        throw new IllegalArgumentException("no phantom label has value " + value);
    }

    private static LabelSet buildLabelSet() {
        LabelSet.Builder b = LabelSet.builder();
        for (PhantomLabel l : values()) {
            b.add(l.value, l.labelName, l.kind);
        }
        return b.build();
    }
}
