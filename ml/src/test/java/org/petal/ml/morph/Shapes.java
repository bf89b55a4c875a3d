package org.petal.ml.morph;

import org.petal.ml.volume.VolumeGeometry;

/** Synthetic masks with known geometry for tests: balls and boxes on axis-aligned grids. */
public final class Shapes {

    private Shapes() {}

    public static VolumeGeometry grid(int nx, int ny, int nz, double sx, double sy, double sz) {
        return VolumeGeometry.axisAligned(nx, ny, nz, sx, sy, sz, new double[] {0, 0, 0});
    }

    /** Voxels whose centre lies within {@code radiusMm} of the point {@code centre} (voxel coordinates). */
    public static BinaryMask ball(VolumeGeometry g, double ci, double cj, double ck, double radiusMm) {
        BinaryMask mask = new BinaryMask(g);
        double sx = g.spacing(0), sy = g.spacing(1), sz = g.spacing(2);
        for (int k = 0; k < g.nz(); k++) {
            for (int j = 0; j < g.ny(); j++) {
                for (int i = 0; i < g.nx(); i++) {
                    double dx = (i - ci) * sx, dy = (j - cj) * sy, dz = (k - ck) * sz;
                    if (dx * dx + dy * dy + dz * dz <= radiusMm * radiusMm) {
                        mask.set(i, j, k, true);
                    }
                }
            }
        }
        return mask;
    }

    /** The half-open voxel box {@code [i0,i1)×[j0,j1)×[k0,k1)}. */
    public static BinaryMask block(VolumeGeometry g, int i0, int j0, int k0, int i1, int j1, int k1) {
        BinaryMask mask = new BinaryMask(g);
        for (int k = k0; k < k1; k++) {
            for (int j = j0; j < j1; j++) {
                for (int i = i0; i < i1; i++) {
                    mask.set(i, j, k, true);
                }
            }
        }
        return mask;
    }
}
