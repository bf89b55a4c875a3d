package org.petal.ml.segment;

import org.petal.ml.volume.VolumeGeometry;

/**
 * The binary mask of one object, stored only over a box that covers its voxels (a lesion of a few ml costs
 * kilobytes, not a whole-body volume). The box grows when voxels are set outside it.
 */
public final class ObjectMask {

    private final VolumeGeometry geometry;
    private Box box = Box.EMPTY;
    private byte[] bits = new byte[0];

    public ObjectMask(VolumeGeometry geometry) {
        this.geometry = geometry;
    }

    public VolumeGeometry geometry() { return geometry; }

    public boolean get(int i, int j, int k) {
        return box.contains(i, j, k) && bits[box.localIndex(i, j, k)] != 0;
    }

    /** 0/1 values over {@code region} (outside the stored box they are 0). */
    public byte[] read(Box region) {
        byte[] out = new byte[Math.toIntExact(region.voxelCount())];
        Box overlap = region.intersect(box);
        if (overlap.isEmpty()) {
            return out;
        }
        for (int k = overlap.k0(); k < overlap.k1(); k++) {
            for (int j = overlap.j0(); j < overlap.j1(); j++) {
                System.arraycopy(bits, box.localIndex(overlap.i0(), j, k), out, region.localIndex(overlap.i0(), j, k), overlap.width());
            }
        }
        return out;
    }

    /** Replaces the voxels of {@code region} with {@code values} (0/1 over the region). */
    public void write(Box region, byte[] values) {
        Box needed = boundsOfOnes(region, values);
        if (!needed.isEmpty() && !covers(box, needed)) {
            reallocate(box.union(needed));
        }
        Box overlap = region.intersect(box);
        for (int k = overlap.k0(); k < overlap.k1(); k++) {
            for (int j = overlap.j0(); j < overlap.j1(); j++) {
                System.arraycopy(values, region.localIndex(overlap.i0(), j, k), bits, box.localIndex(overlap.i0(), j, k), overlap.width());
            }
        }
    }

    public void clear() {
        box = Box.EMPTY;
        bits = new byte[0];
    }

    public long count() {
        long n = 0;
        for (byte b : bits) {
            n += b;
        }
        return n;
    }

    /** Tight bounding box of the set voxels (empty when none). */
    public Box bounds() {
        return boundsOfOnes(box, bits);
    }

    static Box boundsOfOnes(Box region, byte[] values) {
        int i0 = Integer.MAX_VALUE, j0 = Integer.MAX_VALUE, k0 = Integer.MAX_VALUE;
        int i1 = Integer.MIN_VALUE, j1 = Integer.MIN_VALUE, k1 = Integer.MIN_VALUE;
        int n = 0;
        for (int k = region.k0(); k < region.k1(); k++) {
            for (int j = region.j0(); j < region.j1(); j++) {
                for (int i = region.i0(); i < region.i1(); i++, n++) {
                    if (values[n] != 0) {
                        i0 = Math.min(i0, i); i1 = Math.max(i1, i);
                        j0 = Math.min(j0, j); j1 = Math.max(j1, j);
                        k0 = Math.min(k0, k); k1 = Math.max(k1, k);
                    }
                }
            }
        }
        return i0 == Integer.MAX_VALUE ? Box.EMPTY : new Box(i0, j0, k0, i1 + 1, j1 + 1, k1 + 1);
    }

    private static boolean covers(Box outer, Box inner) {
        return outer.union(inner).equals(outer);
    }

    private void reallocate(Box newBox) {
        byte[] old = read(newBox);
        box = newBox;
        bits = old;
    }
}
