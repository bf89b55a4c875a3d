package org.petal.ml.metrics;

import java.util.ArrayList;
import java.util.List;
import org.petal.ml.morph.BinaryMask;
import org.petal.ml.morph.Components;
import org.petal.ml.morph.ConnectedComponents;
import org.petal.ml.morph.Connectivity;
import org.petal.ml.volume.PetVolume;
import org.petal.ml.volume.VolumeGeometry;

/**
 * Whole-body lesion burden from one lesion mask (the union of all lesion labels, so overlapping labels count
 * each voxel once).
 *
 * @param lesionCount   26-connected components of the mask
 * @param totalMtvMl    total MTV, ml
 * @param totalTlg      total TLG: Σ SUV × voxel volume over the mask (SUV·ml)
 * @param dmaxMm        largest distance between two lesion centroids, mm (LPS world coordinates of the
 *                      unweighted voxel-centre centroid of each component); 0 with fewer than two lesions
 * @param lesions       per-lesion statistics in component order (first voxel in raster order)
 */
public record LesionBurden(int lesionCount, double totalMtvMl, double totalTlg, double dmaxMm, List<SuvStatistics> lesions) {

    public static LesionBurden of(PetVolume pet, BinaryMask lesionMask) {
        Components cc = ConnectedComponents.of(lesionMask, Connectivity.TWENTY_SIX);
        List<SuvStatistics> lesions = new ArrayList<>();
        List<double[]> centroids = new ArrayList<>();
        double mtv = 0, tlg = 0;
        for (int c = 1; c <= cc.count(); c++) {
            BinaryMask lesion = cc.mask(c);
            SuvStatistics s = SuvStatistics.of(pet, lesion);
            lesions.add(s);
            mtv += s.mtvMl();
            tlg += s.tlg();
            centroids.add(centroidLps(lesion));
        }
        return new LesionBurden(cc.count(), mtv, tlg, dmax(centroids), List.copyOf(lesions));
    }

    /** Centroid of the voxel centres of a mask in LPS mm; null for an empty mask. */
    public static double[] centroidLps(BinaryMask mask) {
        double[] sum = new double[3];
        long n = mask.count();
        if (n == 0) {
            return null;
        }
        mask.forEach((i, j, k) -> { sum[0] += i; sum[1] += j; sum[2] += k; });
        VolumeGeometry g = mask.geometry();
        return g.voxelToLps(sum[0] / n, sum[1] / n, sum[2] / n);
    }

    /** Largest pairwise Euclidean distance between points, 0 for fewer than two. */
    public static double dmax(List<double[]> points) {
        double best = 0;
        for (int a = 0; a < points.size(); a++) {
            for (int b = a + 1; b < points.size(); b++) {
                double[] p = points.get(a), q = points.get(b);
                double dx = p[0] - q[0], dy = p[1] - q[1], dz = p[2] - q[2];
                best = Math.max(best, Math.sqrt(dx * dx + dy * dy + dz * dz));
            }
        }
        return best;
    }
}
