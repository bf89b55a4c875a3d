package org.petal.ml.metrics;

import org.petal.ml.morph.BinaryMask;
import org.petal.ml.volume.PetVolume;

/**
 * SUV statistics of one region. Values are in the PET volume's units (SUV when it holds SUV).
 *
 * @param voxelCount voxels in the region
 * @param mtvMl      metabolic tumour volume: voxel count × voxel volume, ml
 * @param suvMax     largest voxel value; NaN for an empty region
 * @param suvMean    mean voxel value; NaN for an empty region
 * @param suvPeak    see {@link SuvPeak}; NaN for an empty region
 * @param tlg        total lesion glycolysis SUVmean × MTV (SUV·ml, i.e. g for SUVbw); 0 for an empty region
 */
public record SuvStatistics(long voxelCount, double mtvMl, double suvMax, double suvMean, double suvPeak, double tlg) {

    /** Statistics of {@code mask} on {@code pet} (same grid), with SUVpeak by {@link SuvPeak#DEFAULT}. */
    public static SuvStatistics of(PetVolume pet, BinaryMask mask) {
        return of(pet, mask, SuvPeak.DEFAULT);
    }

    public static SuvStatistics of(PetVolume pet, BinaryMask mask, SuvPeak peak) {
        if (!pet.geometry().sameGrid(mask.geometry(), 1e-4)) {
            throw new IllegalArgumentException("PET and mask lie on different grids");
        }
        float[] v = pet.voxels();
        var g = pet.geometry();
        double[] acc = {0, Double.NEGATIVE_INFINITY};
        long n = mask.count();
        mask.forEach((i, j, k) -> {
            double value = v[g.index(i, j, k)];
            acc[0] += value;
            acc[1] = Math.max(acc[1], value);
        });
        double mtv = n * g.voxelVolumeMl();
        double mean = n == 0 ? Double.NaN : acc[0] / n;
        return new SuvStatistics(n, mtv, n == 0 ? Double.NaN : acc[1], mean, peak.of(pet, mask), n == 0 ? 0 : mean * mtv);
    }
}
