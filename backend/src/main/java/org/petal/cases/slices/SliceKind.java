package org.petal.cases.slices;

import java.util.Locale;
import org.petal.system.Problems;

/** What a frame shows; its code travels in the frame header so a client can tell frames apart. */
enum SliceKind {
    AXIAL(0), CORONAL(1), SAGITTAL(2), MIP_CORONAL(3), MIP_SAGITTAL(4), MIP_ROTATING(5);

    final int code;

    SliceKind(int code) {
        this.code = code;
    }

    static SliceKind plane(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "axial" -> AXIAL;
            case "coronal" -> CORONAL;
            case "sagittal" -> SAGITTAL;
            default -> throw new Problems.BadRequest("plane must be axial, coronal or sagittal, was '" + name + "'");
        };
    }

    static SliceKind mip(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "coronal" -> MIP_CORONAL;
            case "sagittal" -> MIP_SAGITTAL;
            default -> throw new Problems.BadRequest("a fixed MIP is coronal or sagittal (or rotating/{angle}), was '"
                + name + "'");
        };
    }

    /** For ETags: lower case, stable. */
    String token() {
        return name().toLowerCase(Locale.ROOT);
    }
}
