package org.petal.ml.metrics;

import java.util.ArrayList;
import java.util.List;
import org.petal.ml.morph.BinaryMask;
import org.petal.ml.volume.PetVolume;
import org.petal.ml.volume.VolumeGeometry;

/**
 * SUVpeak: the largest mean value in a sphere of 1 cm³ (radius (3/(4π))^(1/3) cm ≈ 6.20 mm).
 *
 * <p>Definition used here:
 * <ul>
 *   <li>The sphere centre is restricted to <b>voxel centres inside the mask</b>.</li>
 *   <li>The sphere itself is <b>not</b> restricted to the mask: it averages the image around the centre, as in
 *       PERCIST, so a small lesion's peak includes surrounding tissue.</li>
 *   <li>Partial voxels are weighted by the fraction of the voxel inside the sphere, estimated by supersampling
 *       each voxel {@value #SUBSAMPLES}³ times; the mean is the weighted mean.</li>
 *   <li>Voxels outside the volume are left out and the remaining weights renormalised.</li>
 *   <li>Ties keep the first centre in raster order.</li>
 * </ul>
 */
public final class SuvPeak {

    /** Radius of a 1 cm³ sphere in mm. */
    public static final double ONE_CC_RADIUS_MM = Math.cbrt(1000 * 3 / (4 * Math.PI));

    public static final SuvPeak DEFAULT = new SuvPeak(ONE_CC_RADIUS_MM);

    static final int SUBSAMPLES = 8;

    private final double radiusMm;

    public SuvPeak(double radiusMm) {
        if (!(radiusMm > 0)) {
            throw new IllegalArgumentException("radius must be positive: " + radiusMm);
        }
        this.radiusMm = radiusMm;
    }

    public double radiusMm() { return radiusMm; }

    /** SUVpeak of {@code mask} on {@code pet}; NaN for an empty mask. */
    public double of(PetVolume pet, BinaryMask mask) {
        VolumeGeometry g = pet.geometry();
        List<int[]> offsets = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        kernel(g.spacing(), offsets, weights);
        float[] v = pet.voxels();
        double[] best = {Double.NaN};
        mask.forEach((i, j, k) -> {
            double sum = 0, wsum = 0;
            for (int n = 0; n < offsets.size(); n++) {
                int[] o = offsets.get(n);
                int a = i + o[0], b = j + o[1], c = k + o[2];
                if (g.contains(a, b, c)) {
                    double w = weights.get(n);
                    sum += w * v[g.index(a, b, c)];
                    wsum += w;
                }
            }
            double mean = sum / wsum;
            if (Double.isNaN(best[0]) || mean > best[0]) {
                best[0] = mean;
            }
        });
        return best[0];
    }

    /** Voxel offsets whose voxel overlaps the sphere, with the overlapping fraction of each. */
    void kernel(double[] spacing, List<int[]> offsets, List<Double> weights) {
        int[] reach = new int[3];
        for (int a = 0; a < 3; a++) {
            reach[a] = (int) Math.ceil(radiusMm / spacing[a] + 0.5);
        }
        double r2 = radiusMm * radiusMm;
        for (int dk = -reach[2]; dk <= reach[2]; dk++) {
            for (int dj = -reach[1]; dj <= reach[1]; dj++) {
                for (int di = -reach[0]; di <= reach[0]; di++) {
                    int inside = 0;
                    for (int sk = 0; sk < SUBSAMPLES; sk++) {
                        double z = (dk + (sk + 0.5) / SUBSAMPLES - 0.5) * spacing[2];
                        for (int sj = 0; sj < SUBSAMPLES; sj++) {
                            double y = (dj + (sj + 0.5) / SUBSAMPLES - 0.5) * spacing[1];
                            for (int si = 0; si < SUBSAMPLES; si++) {
                                double x = (di + (si + 0.5) / SUBSAMPLES - 0.5) * spacing[0];
                                if (x * x + y * y + z * z <= r2) {
                                    inside++;
                                }
                            }
                        }
                    }
                    if (inside > 0) {
                        offsets.add(new int[] {di, dj, dk});
                        weights.add(inside / (double) (SUBSAMPLES * SUBSAMPLES * SUBSAMPLES));
                    }
                }
            }
        }
    }
}
