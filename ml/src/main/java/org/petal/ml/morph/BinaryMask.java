package org.petal.ml.morph;

import java.util.BitSet;
import java.util.Objects;
import org.petal.ml.segment.Box;
import org.petal.ml.segment.Voxel;
import org.petal.ml.volume.LabelVolume;
import org.petal.ml.volume.VolumeGeometry;

/**
 * A binary mask over a volume's full grid, stored compactly: one bit per voxel of a storage
 * {@linkplain #window() window}. Voxels outside the window are always false, so an object mask can be kept
 * over its bounding box only (a whole-body grid of 400×400×326 would otherwise cost 6.5 MB per object).
 *
 * <p>Bits inside the window are in the volume's order restricted to the window ({@link Box#localIndex}), so
 * iterating set bits visits voxels in global raster order ({@code i} fastest, then {@code j}, then {@code k}).
 * Mutable; not thread-safe.
 */
public final class BinaryMask {

    private final VolumeGeometry geometry;
    private final Box window;
    private final BitSet bits;

    /** An empty mask that may hold any voxel of the grid. */
    public BinaryMask(VolumeGeometry geometry) {
        this(geometry, Box.of(geometry));
    }

    /** An empty mask that may hold voxels of {@code window} only (clamped to the grid). */
    public BinaryMask(VolumeGeometry geometry, Box window) {
        this(geometry, window.intersect(Box.of(geometry)), new BitSet());
    }

    /** A full-grid mask over given bits, indexed like the volume ({@code i + nx*(j + ny*k)}); the bits are copied. */
    public BinaryMask(VolumeGeometry geometry, BitSet globalBits) {
        this(geometry, Box.of(geometry), (BitSet) globalBits.clone());
        if (globalBits.length() > geometry.voxelCount()) {
            throw new IllegalArgumentException("bit " + (globalBits.length() - 1) + " lies outside the grid " + geometry);
        }
    }

    private BinaryMask(VolumeGeometry geometry, Box window, BitSet bits) {
        this.geometry = Objects.requireNonNull(geometry);
        this.window = window;
        this.bits = bits;
    }

    /** The voxels whose label equals {@code label}, stored over their bounding box. */
    public static BinaryMask fromLabel(LabelVolume labels, int label) {
        VolumeGeometry g = labels.geometry();
        short[] values = labels.labels();
        int nx = g.nx();
        int ny = g.ny();
        int i0 = Integer.MAX_VALUE, j0 = Integer.MAX_VALUE, k0 = Integer.MAX_VALUE, i1 = -1, j1 = -1, k1 = -1;
        for (int idx = 0; idx < values.length; idx++) {
            if ((values[idx] & 0xFFFF) == label) {
                int i = idx % nx;
                int j = (idx / nx) % ny;
                int k = idx / (nx * ny);
                i0 = Math.min(i0, i); j0 = Math.min(j0, j); k0 = Math.min(k0, k);
                i1 = Math.max(i1, i); j1 = Math.max(j1, j); k1 = Math.max(k1, k);
            }
        }
        if (i1 < 0) {
            return new BinaryMask(g, Box.EMPTY);
        }
        Box box = new Box(i0, j0, k0, i1 + 1, j1 + 1, k1 + 1);
        BinaryMask mask = new BinaryMask(g, box);
        for (int k = k0; k <= k1; k++) {
            for (int j = j0; j <= j1; j++) {
                int row = g.index(0, j, k);
                for (int i = i0; i <= i1; i++) {
                    if ((values[row + i] & 0xFFFF) == label) {
                        mask.bits.set(box.localIndex(i, j, k));
                    }
                }
            }
        }
        return mask;
    }

    /** The voxels an interactive session's object mask holds (non-zero). */
    public static BinaryMask fromObjectMask(org.petal.ml.segment.ObjectMask mask) {
        Box box = mask.bounds();
        if (box.isEmpty()) {
            return new BinaryMask(mask.geometry());
        }
        byte[] bits = mask.read(box);
        boolean[] flags = new boolean[bits.length];
        for (int n = 0; n < bits.length; n++) {
            flags[n] = bits[n] != 0;
        }
        return fromArray(mask.geometry(), box, flags);
    }

    /** A mask stored over {@code box} from a flag per voxel of the box (box order, see {@link Box#localIndex}). */
    public static BinaryMask fromArray(VolumeGeometry geometry, Box box, boolean[] flags) {
        if (flags.length != box.voxelCount()) {
            throw new IllegalArgumentException("need " + box.voxelCount() + " flags for " + box + ", got " + flags.length);
        }
        BinaryMask mask = new BinaryMask(geometry, box);
        int w = box.width(), h = box.height();
        for (int n = 0; n < flags.length; n++) {
            if (flags[n]) {
                int i = box.i0() + n % w;
                int j = box.j0() + (n / w) % h;
                int k = box.k0() + n / (w * h);
                mask.set(i, j, k, true);
            }
        }
        return mask;
    }

    public VolumeGeometry geometry() { return geometry; }

    /** Where this mask may hold voxels; every set voxel lies inside it. */
    public Box window() { return window; }

    public boolean get(int i, int j, int k) {
        return window.contains(i, j, k) && bits.get(window.localIndex(i, j, k));
    }

    public boolean get(Voxel v) {
        return get(v.i(), v.j(), v.k());
    }

    /** Sets or clears a voxel; setting a voxel outside the window is an error (clearing one is a no-op). */
    public void set(int i, int j, int k, boolean value) {
        if (!window.contains(i, j, k)) {
            if (value) {
                throw new IndexOutOfBoundsException("voxel (" + i + ", " + j + ", " + k + ") is outside the mask window " + window);
            }
            return;
        }
        bits.set(window.localIndex(i, j, k), value);
    }

    public void set(Voxel v, boolean value) {
        set(v.i(), v.j(), v.k(), value);
    }

    /** Number of set voxels. */
    public long count() {
        return bits.cardinality();
    }

    public boolean isEmpty() {
        return bits.isEmpty();
    }

    /** Volume of the set voxels in millilitres. */
    public double volumeMl() {
        return count() * geometry.voxelVolumeMl();
    }

    /** The smallest half-open box holding every set voxel; {@link Box#EMPTY} for an empty mask. */
    public Box boundingBox() {
        int[] lo = {Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE};
        int[] hi = {-1, -1, -1};
        forEach((i, j, k) -> {
            lo[0] = Math.min(lo[0], i); lo[1] = Math.min(lo[1], j); lo[2] = Math.min(lo[2], k);
            hi[0] = Math.max(hi[0], i); hi[1] = Math.max(hi[1], j); hi[2] = Math.max(hi[2], k);
        });
        return hi[0] < 0 ? Box.EMPTY : new Box(lo[0], lo[1], lo[2], hi[0] + 1, hi[1] + 1, hi[2] + 1);
    }

    /** Visits every set voxel in raster order ({@code i} fastest). */
    public void forEach(VoxelVisitor visitor) {
        int w = window.width(), h = window.height();
        for (int n = bits.nextSetBit(0); n >= 0; n = bits.nextSetBit(n + 1)) {
            visitor.visit(window.i0() + n % w, window.j0() + (n / w) % h, window.k0() + n / (w * h));
        }
    }

    /**
     * One flag per voxel of {@code box} (box order). The box may reach beyond the grid; voxels there are false,
     * which is how the algorithms in this package treat the volume border as background.
     */
    public boolean[] toArray(Box box) {
        boolean[] out = new boolean[Math.toIntExact(box.voxelCount())];
        Box overlap = box.intersect(window);
        if (overlap.isEmpty()) {
            return out;
        }
        for (int k = overlap.k0(); k < overlap.k1(); k++) {
            for (int j = overlap.j0(); j < overlap.j1(); j++) {
                int src = window.localIndex(overlap.i0(), j, k);
                int dst = box.localIndex(overlap.i0(), j, k);
                for (int n = bits.nextSetBit(src), end = src + overlap.width(); n >= 0 && n < end; n = bits.nextSetBit(n + 1)) {
                    out[dst + (n - src)] = true;
                }
            }
        }
        return out;
    }

    /** A copy stored over its bounding box only. */
    public BinaryMask compact() {
        Box box = boundingBox();
        return fromArray(geometry, box, toArray(box));
    }

    public BinaryMask copy() {
        return new BinaryMask(geometry, window, (BitSet) bits.clone());
    }

    /** Voxels set in this mask and in {@code other}. */
    public BinaryMask and(BinaryMask other) {
        return combine(other, window.intersect(other.window), (a, b) -> a && b);
    }

    /** Voxels set in this mask or in {@code other}. */
    public BinaryMask or(BinaryMask other) {
        return combine(other, window.union(other.window), (a, b) -> a || b);
    }

    /** Voxels set in this mask and not in {@code other}. */
    public BinaryMask andNot(BinaryMask other) {
        return combine(other, window, (a, b) -> a && !b);
    }

    private BinaryMask combine(BinaryMask other, Box box, BoolOp op) {
        requireSameGrid(other);
        boolean[] a = toArray(box);
        boolean[] b = other.toArray(box);
        for (int n = 0; n < a.length; n++) {
            a[n] = op.apply(a[n], b[n]);
        }
        return fromArray(geometry, box, a);
    }

    /** Throws unless {@code other} lies on the same grid (same size and placement). */
    public void requireSameGrid(BinaryMask other) {
        if (!geometry.sameGrid(other.geometry, 1e-4)) {
            throw new IllegalArgumentException("masks lie on different grids: " + geometry + " vs " + other.geometry);
        }
    }

    /** Same set voxels (windows may differ). */
    public boolean sameVoxels(BinaryMask other) {
        if (count() != other.count()) {
            return false;
        }
        boolean[] same = {true};
        forEach((i, j, k) -> same[0] &= other.get(i, j, k));
        return same[0];
    }

    @Override
    public String toString() {
        return "BinaryMask[" + count() + " voxels in " + boundingBox() + " of " + geometry + "]";
    }

    /** Receives a voxel index. */
    @FunctionalInterface
    public interface VoxelVisitor {
        void visit(int i, int j, int k);
    }

    @FunctionalInterface
    private interface BoolOp {
        boolean apply(boolean a, boolean b);
    }
}
