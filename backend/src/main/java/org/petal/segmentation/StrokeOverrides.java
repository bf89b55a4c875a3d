package org.petal.segmentation;

import org.petal.ml.segment.Box;

/**
 * One object's brush strokes as they stand: per voxel nothing, painted or erased, the latest stroke on a
 * voxel winning. They are kept apart from the engine's mask and laid over it ({@link #overlay}), so a
 * click that recomputes the engine's mask never loses a stroke. Stored over a box that grows to cover
 * the strokes, like {@link org.petal.ml.segment.ObjectMask}.
 */
final class StrokeOverrides {

    static final byte NONE = 0;
    /** The voxel is in the object whatever the engine says. */
    static final byte PAINT = 1;
    /** The voxel is not in the object whatever the engine says. */
    static final byte ERASE = 2;

    /** All overrides at one moment, as {@link #clear} takes them away and an undone reset brings them back. */
    record Saved(Box box, byte[] states) {
        Box bounds() {
            return Boxes.nonZeroBounds(box, states);
        }
    }

    private Box box = Box.EMPTY;
    private byte[] states = new byte[0];

    /**
     * Sets the stroke's voxels to {@code state} ({@link #PAINT} or {@link #ERASE}).
     *
     * @return what they were, one byte per covered voxel in footprint order: {@link #restore(Footprint, byte[])} undoes it
     */
    byte[] apply(Footprint stroke, byte state) {
        cover(stroke.box());
        byte[] previous = new byte[stroke.count()];
        stroke.forEach((n, i, j, k) -> {
            int at = box.localIndex(i, j, k);
            previous[n] = states[at];
            states[at] = state;
        });
        return previous;
    }

    /** Puts back what {@link #apply} found, so the stroke's voxels show what earlier strokes left there. */
    void restore(Footprint stroke, byte[] previous) {
        cover(stroke.box());
        stroke.forEach((n, i, j, k) -> states[box.localIndex(i, j, k)] = previous[n]);
    }

    /** Lays the overrides over {@code values} (the engine's 0/1 mask over {@code region}), in place. */
    void overlay(Box region, byte[] values) {
        Box part = region.intersect(box);
        for (int k = part.k0(); k < part.k1(); k++) {
            for (int j = part.j0(); j < part.j1(); j++) {
                int from = box.localIndex(part.i0(), j, k);
                int to = region.localIndex(part.i0(), j, k);
                for (int n = 0; n < part.width(); n++) {
                    byte state = states[from + n];
                    if (state != NONE) {
                        values[to + n] = (byte) (state == PAINT ? 1 : 0);
                    }
                }
            }
        }
    }

    /** Removes every override and hands them over for a later {@link #restore(Saved)}. */
    Saved clear() {
        Saved all = new Saved(box, states);
        box = Box.EMPTY;
        states = new byte[0];
        return all;
    }

    /** Back to what {@link #clear} took; the saved copy stays untouched, so it can be restored again. */
    void restore(Saved saved) {
        box = saved.box();
        states = saved.states().clone();
    }

    boolean isEmpty() {
        return bounds().isEmpty();
    }

    /** The tight box of the voxels with an override. */
    Box bounds() {
        return Boxes.nonZeroBounds(box, states);
    }

    private void cover(Box needed) {
        Box grown = box.union(needed);
        if (!grown.equals(box)) {
            byte[] larger = new byte[Math.toIntExact(grown.voxelCount())];
            Boxes.copy(box, states, grown, larger, box);
            box = grown;
            states = larger;
        }
    }
}
