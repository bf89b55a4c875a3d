package org.petal.ml.eval;

import java.util.Arrays;
import java.util.Optional;
import org.petal.ml.clicks.ClickRule;
import org.petal.ml.clicks.ClickSimulator;
import org.petal.ml.morph.BinaryMask;
import org.petal.ml.morph.Connectivity;
import org.petal.ml.segment.Box;
import org.petal.ml.segment.PointPrompt;
import org.petal.ml.segment.Voxel;
import org.petal.ml.segment.suvgrow.SuvGrowModel;
import org.petal.ml.volume.PetVolume;
import org.petal.ml.volume.VolumeGeometry;

/**
 * How far can one SUV interval go on an object when the answer is known? The best Dice of the region
 * connected (6-connectivity, as {@code suv-grow} grows) to the object's first simulated click over a grid of
 * intervals [lo, hi), each end taken from the object's own value distribution (lo at its 0–70th percentiles
 * in steps of 2.5, hi at its 30th–100th in steps of 5, or open).
 *
 * <p>This is a ceiling for every rule that grows one interval from the click, however clever the rule that
 * picks the interval: it is told the answer. Refinement clicks can still beat it (a union of grows, a split),
 * but a label whose ceiling is low is one the image does not separate by uptake, and an engine needs a
 * shape prior there, not another threshold rule. Values are read raw, or as the 3×3×3 mean the organ grow
 * decides on ({@link SuvGrowModel#decisionValues}, the engine's own smoothing).
 */
public final class IntervalCeiling {

    /** Voxels around the object's bounding box in which the grow may leak. */
    static final int MARGIN = 16;

    /**
     * @param dice   best Dice over the grid (0 when the click's own value fits no interval, which cannot happen
     *               as the grid spans the object's minimum to beyond its maximum)
     * @param lo     the best interval's lower end (SUV)
     * @param hi     its upper end, {@code +∞} when open
     * @param voxels the best region's voxel count
     */
    public record Result(double dice, double lo, double hi, long voxels) {}

    private IntervalCeiling() {}

    /** Empty for an empty object. */
    public static Optional<Result> of(PetVolume pet, BinaryMask target, boolean smoothed) {
        Optional<PointPrompt> click = new ClickSimulator(ClickRule.CENTER, 0).firstClick(target);
        if (click.isEmpty()) {
            return Optional.empty();
        }
        VolumeGeometry g = pet.geometry();
        Box box = target.boundingBox().grow(MARGIN).intersect(Box.of(g));
        float[] values = SuvGrowModel.decisionValues(pet, box, smoothed);
        boolean[] truth = target.toArray(box);
        Voxel c = click.get().voxel();
        int seed = box.localIndex(c.i(), c.j(), c.k());
        float[] inside = truthValues(values, truth);
        Arrays.sort(inside);
        long truthCount = inside.length;
        Result best = new Result(0, Double.NaN, Double.NaN, 0);
        Grow grow = new Grow(box.width(), box.height(), box.depth());
        for (int loStep = 0; loStep <= 28; loStep++) {
            float lo = quantile(inside, loStep * 0.025);
            for (int hiStep = 6; hiStep <= 21; hiStep++) {
                float hi = hiStep == 21 ? Float.POSITIVE_INFINITY : Math.nextUp(quantile(inside, hiStep * 0.05));
                if (hi <= lo || values[seed] < lo || values[seed] >= hi) {
                    continue;
                }
                long[] counts = grow.run(values, truth, seed, lo, hi);
                double dice = 2.0 * counts[1] / (counts[0] + truthCount);
                if (dice > best.dice()) {
                    best = new Result(dice, lo, hi, counts[0]);
                }
            }
        }
        return Optional.of(best);
    }

    private static float[] truthValues(float[] values, boolean[] truth) {
        int n = 0;
        for (boolean t : truth) {
            n += t ? 1 : 0;
        }
        float[] out = new float[n];
        n = 0;
        for (int v = 0; v < values.length; v++) {
            if (truth[v]) {
                out[n++] = values[v];
            }
        }
        return out;
    }

    private static float quantile(float[] sorted, double q) {
        return sorted[(int) Math.min(sorted.length - 1, Math.round(q * (sorted.length - 1)))];
    }

    /** A breadth-first grow over the box, reusing its queue and visit marks between intervals. */
    private static final class Grow {
        private final int w;
        private final int h;
        private final int d;
        private final int[] queue;
        private final int[] mark;
        private int round;

        Grow(int w, int h, int d) {
            this.w = w;
            this.h = h;
            this.d = d;
            this.queue = new int[w * h * d];
            this.mark = new int[w * h * d];
        }

        /** {region voxels, of which in the truth}. */
        long[] run(float[] values, boolean[] truth, int seed, float lo, float hi) {
            round++;
            int head = 0;
            int tail = 0;
            queue[tail++] = seed;
            mark[seed] = round;
            long hits = 0;
            Connectivity six = Connectivity.SIX;
            while (head < tail) {
                int v = queue[head++];
                hits += truth[v] ? 1 : 0;
                int i = v % w;
                int j = (v / w) % h;
                int k = v / (w * h);
                for (int n = 0; n < 6; n++) {
                    int ni = i + six.di(n);
                    int nj = j + six.dj(n);
                    int nk = k + six.dk(n);
                    if (ni < 0 || nj < 0 || nk < 0 || ni >= w || nj >= h || nk >= d) {
                        continue;
                    }
                    int u = ni + w * (nj + h * nk);
                    if (mark[u] != round && values[u] >= lo && values[u] < hi) {
                        mark[u] = round;
                        queue[tail++] = u;
                    }
                }
            }
            return new long[] {tail, hits};
        }
    }
}
