package org.petal.ml.phantom;

import java.util.BitSet;
import org.petal.ml.volume.VolumeGeometry;

/**
 * Rasterises solids into the ground-truth SUV map and label array by sampling each voxel at its centre.
 * Later paint wins, so callers paint in increasing priority (body, organs, lesions).
 */
final class Painter {

    /** SUV as a function of the solid's normalised radius (0 centre … 1 surface) and position. */
    interface Profile {
        double suv(double rho, double x, double y, double z);

        static Profile constant(double suv) {
            return (rho, x, y, z) -> suv;
        }
    }

    /** Extra condition a voxel centre must meet (e.g. "above the diaphragm"). */
    interface Mask {
        boolean test(double x, double y, double z);

        Mask ALL = (x, y, z) -> true;
    }

    final VolumeGeometry geometry;
    final int nx, ny, nz;
    final double v, ox, oy, oz;
    final float[] activity;
    final short[] labels;
    final BitSet body;

    Painter(VolumeGeometry geometry) {
        this.geometry = geometry;
        this.nx = geometry.nx();
        this.ny = geometry.ny();
        this.nz = geometry.nz();
        this.v = geometry.spacing(0);
        double[] o = geometry.originLps();
        this.ox = o[0];
        this.oy = o[1];
        this.oz = o[2];
        int n = Math.toIntExact(geometry.voxelCount());
        this.activity = new float[n];
        this.labels = new short[n];
        this.body = new BitSet(n);
    }

    double x(int i) { return ox + i * v; }
    double y(int j) { return oy + j * v; }
    double z(int k) { return oz + k * v; }

    int index(int i, int j, int k) { return i + nx * (j + ny * k); }

    /** Marks the body and fills it with soft-tissue uptake. */
    void paintBody(BodyOutline outline, double softTissueSuv) {
        for (int k = 0; k < nz; k++) {
            double z = z(k);
            for (int j = 0; j < ny; j++) {
                double y = y(j);
                int row = nx * (j + ny * k);
                for (int i = 0; i < nx; i++) {
                    if (outline.contains(x(i), y, z)) {
                        body.set(row + i);
                        activity[row + i] = (float) softTissueSuv;
                    }
                }
            }
        }
    }

    /**
     * Paints the part of {@code solid} that is inside the body and passes {@code mask}: sets the label
     * ({@code 0} for unlabelled tissue such as blood) and replaces the SUV.
     */
    void paint(Solid solid, int label, Profile profile, Mask mask) {
        Box b = solid.bounds();
        int i0 = Math.max(0, (int) Math.ceil((b.x0() - ox) / v)), i1 = Math.min(nx - 1, (int) Math.floor((b.x1() - ox) / v));
        int j0 = Math.max(0, (int) Math.ceil((b.y0() - oy) / v)), j1 = Math.min(ny - 1, (int) Math.floor((b.y1() - oy) / v));
        int k0 = Math.max(0, (int) Math.ceil((b.z0() - oz) / v)), k1 = Math.min(nz - 1, (int) Math.floor((b.z1() - oz) / v));
        for (int k = k0; k <= k1; k++) {
            double z = z(k);
            for (int j = j0; j <= j1; j++) {
                double y = y(j);
                for (int i = i0; i <= i1; i++) {
                    int idx = index(i, j, k);
                    if (!body.get(idx)) {
                        continue;  // organs never stick out of the skin
                    }
                    double x = x(i);
                    double rho = solid.rho(x, y, z);
                    if (rho <= 1.0 && mask.test(x, y, z)) {
                        labels[idx] = (short) label;
                        activity[idx] = (float) profile.suv(rho, x, y, z);
                    }
                }
            }
        }
    }
}
