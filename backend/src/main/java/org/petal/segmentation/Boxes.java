package org.petal.segmentation;

import org.petal.ml.segment.Box;

/**
 * Byte arrays laid out over a box (one byte per voxel, {@code i} fastest, then {@code j}, then {@code k}),
 * as masks, deltas and stroke overrides keep them: copying between boxes and finding what changed.
 */
final class Boxes {

    private Boxes() {}

    /** Copies the voxels of {@code part}, which lies inside both boxes, from {@code src} to {@code dst}. */
    static void copy(Box from, byte[] src, Box to, byte[] dst, Box part) {
        for (int k = part.k0(); k < part.k1(); k++) {
            for (int j = part.j0(); j < part.j1(); j++) {
                System.arraycopy(src, from.localIndex(part.i0(), j, k), dst, to.localIndex(part.i0(), j, k), part.width());
            }
        }
    }

    /** The voxels of {@code to} (inside {@code from}) as an array of their own. */
    static byte[] crop(Box from, byte[] values, Box to) {
        if (to.equals(from)) {
            return values;
        }
        byte[] out = new byte[Math.toIntExact(to.voxelCount())];
        copy(from, values, to, out, to);
        return out;
    }

    /** The tight box of the non-zero voxels, or {@link Box#EMPTY}. */
    static Box nonZeroBounds(Box region, byte[] values) {
        return bounds(region, values, null);
    }

    /** The tight box of the voxels where {@code a} and {@code b} differ, or {@link Box#EMPTY}. */
    static Box differenceBounds(Box region, byte[] a, byte[] b) {
        return bounds(region, a, b);
    }

    private static Box bounds(Box region, byte[] a, byte[] b) {
        int i0 = Integer.MAX_VALUE, j0 = Integer.MAX_VALUE, k0 = Integer.MAX_VALUE;
        int i1 = Integer.MIN_VALUE, j1 = Integer.MIN_VALUE, k1 = Integer.MIN_VALUE;
        int n = 0;
        for (int k = region.k0(); k < region.k1(); k++) {
            for (int j = region.j0(); j < region.j1(); j++) {
                for (int i = region.i0(); i < region.i1(); i++, n++) {
                    if (a[n] != (b == null ? 0 : b[n])) {
                        i0 = Math.min(i0, i); i1 = Math.max(i1, i);
                        j0 = Math.min(j0, j); j1 = Math.max(j1, j);
                        k0 = Math.min(k0, k); k1 = Math.max(k1, k);
                    }
                }
            }
        }
        return i0 == Integer.MAX_VALUE ? Box.EMPTY : new Box(i0, j0, k0, i1 + 1, j1 + 1, k1 + 1);
    }
}
