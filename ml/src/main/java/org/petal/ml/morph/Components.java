package org.petal.ml.morph;

import org.petal.ml.segment.Box;
import org.petal.ml.segment.Voxel;
import org.petal.ml.volume.VolumeGeometry;

/**
 * Connected components of a mask, numbered 1..n in the order of their first voxel in raster order
 * ({@code i} fastest, then {@code j}, then {@code k}), which makes the numbering deterministic.
 *
 * <p>Labels are held over {@link #box()} only (the mask's bounding box): {@code labels[box.localIndex(i,j,k)]}
 * is 0 for background and the component number otherwise.
 */
public final class Components {

    private final VolumeGeometry geometry;
    private final Box box;
    private final int[] labels;
    private final int[] sizes;
    private final Box[] boxes;
    private final Voxel[] firstVoxels;

    Components(VolumeGeometry geometry, Box box, int[] labels, int[] sizes, Box[] boxes, Voxel[] firstVoxels) {
        this.geometry = geometry;
        this.box = box;
        this.labels = labels;
        this.sizes = sizes;
        this.boxes = boxes;
        this.firstVoxels = firstVoxels;
    }

    public VolumeGeometry geometry() { return geometry; }

    /** The region the label array covers. */
    public Box box() { return box; }

    /** Component number per voxel of {@link #box()} (0 = background); the array itself, not a copy. */
    public int[] labels() { return labels; }

    /** Number of components. */
    public int count() { return sizes.length; }

    /** Voxel counts, index {@code c - 1} for component {@code c}. */
    public int[] sizes() { return sizes.clone(); }

    /** Voxel count of component {@code c} (1-based). */
    public int size(int c) { return sizes[c - 1]; }

    /** Bounding box of component {@code c} (1-based). */
    public Box boundingBox(int c) { return boxes[c - 1]; }

    /** The first voxel of component {@code c} in raster order. */
    public Voxel firstVoxel(int c) { return firstVoxels[c - 1]; }

    /** Component number at a voxel, 0 when it is background. */
    public int label(int i, int j, int k) {
        return box.contains(i, j, k) ? labels[box.localIndex(i, j, k)] : 0;
    }

    /** The component with the most voxels (the lowest number among equals); 0 when there is none. */
    public int largest() {
        int best = 0;
        for (int c = 1; c <= sizes.length; c++) {
            if (best == 0 || sizes[c - 1] > sizes[best - 1]) {
                best = c;
            }
        }
        return best;
    }

    /** Component {@code c} as a mask stored over its own bounding box. */
    public BinaryMask mask(int c) {
        Box b = boxes[c - 1];
        boolean[] flags = new boolean[Math.toIntExact(b.voxelCount())];
        for (int k = b.k0(); k < b.k1(); k++) {
            for (int j = b.j0(); j < b.j1(); j++) {
                for (int i = b.i0(); i < b.i1(); i++) {
                    flags[b.localIndex(i, j, k)] = labels[box.localIndex(i, j, k)] == c;
                }
            }
        }
        return BinaryMask.fromArray(geometry, b, flags);
    }
}
