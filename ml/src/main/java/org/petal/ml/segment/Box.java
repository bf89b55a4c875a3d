package org.petal.ml.segment;

import org.petal.ml.volume.VolumeGeometry;

/** A half-open box of voxels {@code [i0, i1) × [j0, j1) × [k0, k1)}; empty when any side has length ≤ 0. */
public record Box(int i0, int j0, int k0, int i1, int j1, int k1) {

    public static final Box EMPTY = new Box(0, 0, 0, 0, 0, 0);

    public static Box of(VolumeGeometry g) {
        return new Box(0, 0, 0, g.nx(), g.ny(), g.nz());
    }

    /** The box of one voxel. */
    public static Box of(Voxel v) {
        return new Box(v.i(), v.j(), v.k(), v.i() + 1, v.j() + 1, v.k() + 1);
    }

    public int width() { return Math.max(0, i1 - i0); }
    public int height() { return Math.max(0, j1 - j0); }
    public int depth() { return Math.max(0, k1 - k0); }

    public long voxelCount() {
        return (long) width() * height() * depth();
    }

    public boolean isEmpty() {
        return i1 <= i0 || j1 <= j0 || k1 <= k0;
    }

    public boolean contains(int i, int j, int k) {
        return i >= i0 && i < i1 && j >= j0 && j < j1 && k >= k0 && k < k1;
    }

    public boolean contains(Voxel v) {
        return contains(v.i(), v.j(), v.k());
    }

    /** Index of a voxel inside this box (see package-info for the order). */
    public int localIndex(int i, int j, int k) {
        return (i - i0) + width() * ((j - j0) + height() * (k - k0));
    }

    public Box intersect(Box o) {
        Box b = new Box(Math.max(i0, o.i0), Math.max(j0, o.j0), Math.max(k0, o.k0),
            Math.min(i1, o.i1), Math.min(j1, o.j1), Math.min(k1, o.k1));
        return b.isEmpty() ? EMPTY : b;
    }

    /** The smallest box holding both; an empty box is the neutral element. */
    public Box union(Box o) {
        if (isEmpty()) return o;
        if (o.isEmpty()) return this;
        return new Box(Math.min(i0, o.i0), Math.min(j0, o.j0), Math.min(k0, o.k0),
            Math.max(i1, o.i1), Math.max(j1, o.j1), Math.max(k1, o.k1));
    }

    /** Grows by {@code margin} voxels on every side (then intersect with the volume box to clamp). */
    public Box grow(int margin) {
        return isEmpty() ? this : new Box(i0 - margin, j0 - margin, k0 - margin, i1 + margin, j1 + margin, k1 + margin);
    }

    @Override
    public String toString() {
        return "[" + i0 + "," + i1 + ")x[" + j0 + "," + j1 + ")x[" + k0 + "," + k1 + ")";
    }
}
