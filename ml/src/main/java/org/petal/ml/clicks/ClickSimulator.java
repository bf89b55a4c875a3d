package org.petal.ml.clicks;

import java.util.Optional;
import java.util.SplittableRandom;
import org.petal.ml.morph.BinaryMask;
import org.petal.ml.morph.Components;
import org.petal.ml.morph.ConnectedComponents;
import org.petal.ml.morph.Connectivity;
import org.petal.ml.morph.DistanceMap;
import org.petal.ml.morph.DistanceTransform;
import org.petal.ml.segment.PointPrompt;
import org.petal.ml.segment.Voxel;

/**
 * Simulates the user of the refinement loop: given the target and the current prediction, where would the
 * next click go? Deterministic for a given seed and call sequence (one seeded generator per simulator, so
 * start a new simulator per object).
 *
 * <p>Components are 6-connected (scipy's default structure, which the reference click simulators use).
 * Inside distances are in mm on the volume's grid; the volume border counts as background. Ties go to the
 * first voxel in raster order, and an FN component beats an FP component of the same size.
 */
public final class ClickSimulator {

    private final ClickRule rule;
    private final SplittableRandom random;

    public ClickSimulator(ClickRule rule, long seed) {
        this.rule = rule;
        this.random = new SplittableRandom(seed);
    }

    public ClickRule rule() { return rule; }

    /** The first click on {@code target} (nothing predicted yet); empty for an empty target. */
    public Optional<PointPrompt> firstClick(BinaryMask target) {
        return nextClick(target, new BinaryMask(target.geometry(), org.petal.ml.segment.Box.EMPTY));
    }

    /**
     * The next click given the current prediction: include when it falls in a false negative (target voxel
     * not predicted), exclude in a false positive. Empty when the prediction equals the target.
     */
    public Optional<PointPrompt> nextClick(BinaryMask target, BinaryMask prediction) {
        target.requireSameGrid(prediction);
        BinaryMask fn = target.andNot(prediction);
        BinaryMask fp = prediction.andNot(target);
        if (fn.isEmpty() && fp.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(switch (rule) {
            case CENTER -> center(fn, fp);
            case RANDOM -> random(fn, fp);
            case RITM -> ritm(fn, fp);
        });
    }

    private PointPrompt center(BinaryMask fn, BinaryMask fp) {
        BinaryMask fnLargest = largestComponent(fn);
        BinaryMask fpLargest = largestComponent(fp);
        boolean include = fnLargest.count() >= fpLargest.count();
        BinaryMask region = include ? fnLargest : fpLargest;
        Voxel v = DistanceTransform.inside(region).argMax(region).orElseThrow();
        return new PointPrompt(v, include);
    }

    private static BinaryMask largestComponent(BinaryMask mask) {
        if (mask.isEmpty()) {
            return mask;
        }
        Components cc = ConnectedComponents.of(mask, Connectivity.SIX);
        return cc.mask(cc.largest());
    }

    private PointPrompt random(BinaryMask fn, BinaryMask fp) {
        BinaryMask errors = fn.or(fp);
        Voxel v = nth(errors, random.nextLong(errors.count()));
        return new PointPrompt(v, fn.get(v));
    }

    private PointPrompt ritm(BinaryMask fn, BinaryMask fp) {
        DistanceMap fnDist = DistanceTransform.inside(fn);
        DistanceMap fpDist = DistanceTransform.inside(fp);
        double fnMax = fnDist.max(fn);
        double fpMax = fpDist.max(fp);
        boolean include = fnMax > fpMax;
        BinaryMask region = include ? fn : fp;
        DistanceMap dist = include ? fnDist : fpDist;
        double threshold = Math.max(fnMax, fpMax) / 2;
        BinaryMask candidates = new BinaryMask(region.geometry(), region.boundingBox());
        region.forEach((i, j, k) -> {
            if (dist.get(i, j, k) > threshold) {
                candidates.set(i, j, k, true);
            }
        });
        Voxel v = nth(candidates, random.nextLong(candidates.count()));
        return new PointPrompt(v, include);
    }

    /** The {@code n}-th set voxel (0-based) in raster order. */
    private static Voxel nth(BinaryMask mask, long n) {
        Voxel[] found = {null};
        long[] seen = {0};
        mask.forEach((i, j, k) -> {
            if (seen[0]++ == n) {
                found[0] = new Voxel(i, j, k);
            }
        });
        return found[0];
    }
}
