package org.petal.ml.store;

import java.util.stream.IntStream;
import org.petal.ml.volume.VolumeGeometry;

/**
 * Maximum intensity projection for a viewer rotating about the body (k) axis.
 *
 * <p>At angle θ the projection runs along (−sin θ, cos θ) in the (i, j) plane measured in millimetres,
 * so 0° is the coronal MIP (along j) and 90° the sagittal MIP (along i). Instead of casting rays, every
 * voxel is splatted onto the detector column {@code u = x cos θ + y sin θ} nearest to it and the column
 * keeps the maximum: one sequential pass over the volume, no interpolation, and no holes because the
 * column width equals the finer in-plane spacing. The rotation ignores direction cosines (PET volumes are
 * acquired axially, so k is the body axis). Columns no voxel reaches are 0.
 */
final class RotatingMip {

    private RotatingMip() {}

    static SliceImage project(VoxelStore store, double angleDegrees) {
        VolumeGeometry g = store.geometry();
        int nx = g.nx();
        int ny = g.ny();
        int nz = g.nz();
        double theta = Math.toRadians(angleDegrees);
        double width = Math.min(g.spacing(0), g.spacing(1));
        double halfExtent = 0.5 * Math.hypot(nx * g.spacing(0), ny * g.spacing(1));
        int columns = (int) Math.ceil(2 * halfExtent / width) + 1;
        // Column position in units of detector columns, affine in (i, j): u = u0 + i*du_di + j*du_dj.
        double duDi = g.spacing(0) * Math.cos(theta) / width;
        double duDj = g.spacing(1) * Math.sin(theta) / width;
        double u0 = halfExtent / width - (nx - 1) / 2.0 * duDi - (ny - 1) / 2.0 * duDj + 0.5;

        float[] out = new float[columns * nz];
        IntStream.range(0, nz).parallel().forEach(k -> {
            float[] row = new float[nx];
            float[] line = new float[columns];
            java.util.Arrays.fill(line, Float.NEGATIVE_INFINITY);
            for (int j = 0; j < ny; j++) {
                store.readRow(j, k, row);
                double start = u0 + j * duDj;
                for (int i = 0; i < nx; i++) {
                    int c = (int) (start + i * duDi);
                    float f = row[i];
                    if (f > line[c]) {
                        line[c] = f;
                    }
                }
            }
            int base = columns * k;
            for (int c = 0; c < columns; c++) {
                out[base + c] = line[c] == Float.NEGATIVE_INFINITY ? 0f : line[c];
            }
        });
        return new SliceImage(columns, nz, out, width, g.spacing(2));
    }
}
