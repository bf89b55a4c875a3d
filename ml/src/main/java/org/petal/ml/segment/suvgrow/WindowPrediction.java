package org.petal.ml.segment.suvgrow;

import java.util.List;
import org.petal.ml.morph.Connectivity;
import org.petal.ml.volume.PetVolume;
import org.petal.ml.dataset.LabelKind;
import org.petal.ml.segment.PointPrompt;

/** One predict call: rules for the clicks, grows, stitched continuation, exclude split, post-processing. */
final class WindowPrediction {

    private final PetVolume volume;
    private final WindowImage img;
    private final boolean organ;
    private final List<PointPrompt> prompts;
    private final float[] stitched;
    private final SuvGrowState state;
    private final SuvGrowConfig cfg;
    private final Scratch scratch;
    private final float[] values;
    private int[] includeSeeds = new int[16];
    private int includeCount;
    /** How many of the include seeds come from clicks (their rules' seeds and the clicks), not from stitching. */
    private int clickSeeds;
    /** The grow an organ rule was judged on in this call (its first click, bounds as fixed), while unused. */
    private OrganRules.WithGrow judged;

    WindowPrediction(PetVolume volume, WindowImage img, LabelKind kind, List<PointPrompt> prompts, float[] stitched,
                     SuvGrowState state, SuvGrowConfig cfg, Scratch scratch) {
        this.volume = volume;
        this.img = img;
        this.organ = kind == LabelKind.ORGAN;
        this.prompts = prompts;
        this.stitched = stitched;
        this.state = state;
        this.cfg = cfg;
        this.scratch = scratch;
        this.values = organ && cfg.organSmoothing() ? img.smoothed(scratch) : img.suv;
    }

    byte[] run() {
        byte[] mask = scratch.zeroBytes(img.n);
        SeedRule primary = null;
        SeedRule firstRule = null;
        List<SeedRule> others = new java.util.ArrayList<>();
        boolean first = true;
        for (PointPrompt p : prompts) {
            if (!p.include()) {
                continue;
            }
            SeedRule rule = ruleFor(p, first);
            first = false;
            if (rule == null || !rule.valid()) {
                continue;
            }
            if (primary == null) {
                firstRule = rule;
                primary = withoutLeak(rule, IntervalRefinement.adjust(rule, prompts, organ, volume, cfg.minimalSuv()));
            } else {
                others.add(rule);
            }
        }
        if (primary != null) {
            if (organ) {
                primary = growAndCut(firstRule, primary, mask);
                SeedRule thin = thinWall(firstRule, firstRule.equals(primary) ? mask : null);
                if (thin != firstRule) {
                    // The first click's interval was tightened: everything grown so far was grown with the old one.
                    firstRule = thin;
                    java.util.Arrays.fill(mask, 0, img.n, (byte) 0);
                    includeCount = 0;
                    primary = growAndCut(thin, withoutLeak(thin, IntervalRefinement.adjust(thin, prompts, organ, volume,
                        cfg.minimalSuv())), mask);
                }
                withoutThickNeighbour(firstRule, primary, mask);
                recordWallFirstRegion(firstRule, mask);
                growWallReach(firstRule, mask);
            } else {
                growRule(primary, mask);
            }
            for (SeedRule rule : others) {
                growRule(organ ? WallRefinement.reach(rule, state) : atObjectLevel(rule, primary), mask);
            }
            clickSeeds = includeCount;
            continueStitched(primary, mask);
            if (organ) {
                RimCompletion.complete(img, mask, scratch);
            }
            // Fill before carving: an exclude click deep inside an organ cuts a cavity, and filling after
            // the split would put it straight back (the click then changed nothing).
            if (organ && cfg.fillHoles()) {
                HoleFill.fill(img, mask, scratch);
            }
            splitByExcludes(primary, mask);
        }
        return mask;
    }

    /**
     * Grows an organ's primary rule into the (clear) mask and cuts it at narrow contacts. A floor that
     * refinement clicks raised can leave a region the cut cannot part (the click ends up on its rim, or the
     * kept part falls under {@link NarrowCut#MIN_KEPT}): a lung whose floor an exclude click lifted from 0.36
     * to 0.43 lost its own cooler voxels while the body's soft tissue stayed, the cut let the region be, and
     * the exclude click took the object from 33,000 voxels to 110,000. An exclude click never makes an object
     * bigger: when the raised interval's region was left uncut and is larger than the first rule's cut region,
     * the first rule stands (and the exclude click works through the geodesic split alone).
     *
     * @return the rule grown
     */
    private SeedRule growAndCut(SeedRule firstRule, SeedRule primary, byte[] mask) {
        int click = img.index(primary.click());
        int grown = growRule(primary, mask);
        if (NarrowCut.apply(img, mask, click, grown, scratch) || !(primary.lo() > firstRule.lo()) || click < 0) {
            return primary;
        }
        byte[] before = new byte[img.n];
        int firstGrown = growRule(firstRule, before, false);
        NarrowCut.apply(img, before, click, firstGrown, scratch);
        if (count(mask) <= count(before)) {
            return primary;
        }
        System.arraycopy(before, 0, mask, 0, img.n);
        return firstRule;
    }

    private int count(byte[] mask) {
        int n = 0;
        for (int v = 0; v < img.n; v++) {
            n += mask[v];
        }
        return n;
    }

    /**
     * Removes what a thick neighbour claims ({@link ThickNeighbourSplit}), judged on the first click's own
     * grow: a moved interval changes the region's depths (a raised floor leaves a thin shell around the
     * click), and a neighbour found once stays excluded whatever the later clicks do to the interval.
     */
    private void withoutThickNeighbour(SeedRule firstRule, SeedRule primary, byte[] mask) {
        int click = img.index(primary.click());
        if (click < 0) {
            return;
        }
        ThickNeighbourSplit.remove(img, mask, territory(firstRule, firstRule.equals(primary) ? mask : null), click, scratch);
    }

    /**
     * The first click's rule, tightened by {@link ThinWallRule} when it is judged here for the first time
     * (then remembered for the click); {@code cut}: the rule's grow after the narrow cut, when at hand.
     */
    private SeedRule thinWall(SeedRule firstRule, byte[] cut) {
        if (state.judgedThin(firstRule)) {
            return firstRule;
        }
        int click = img.index(firstRule.click());
        if (click < 0) {
            return firstRule;
        }
        int[] taken = territory(firstRule, cut);
        SeedRule result = firstRule;
        if (taken.length > 0) {
            byte[] region = cut;
            if (region == null) {
                region = new byte[img.n];
                int count = growRule(firstRule, region, false);
                NarrowCut.apply(img, region, click, count, scratch);
            }
            int count = 0;
            for (int v = 0; v < img.n; v++) {
                count += region[v];
            }
            if (taken.length > ThinWallRule.GIVEN_AWAY * count
                && WallRefinement.isWall(ThickNeighbourSplit.keptDepthMm(img, region, taken, click, scratch))) {
                state.markWall();
            }
            result = ThinWallRule.tighten(img, values, firstRule, click, region, count, taken, cfg, scratch);
        }
        return state.judgeThin(firstRule, result);
    }

    /** The thick neighbour's territory for the first click's rule; {@code grown}: its grow, when at hand. */
    private int[] territory(SeedRule firstRule, byte[] grown) {
        int click = img.index(firstRule.click());
        if (click < 0) {
            return new int[0];
        }
        return state.territory(img.box, firstRule, () -> {
            byte[] region = grown;
            if (region == null) {
                region = new byte[img.n];
                int count = growRule(firstRule, region, false);
                NarrowCut.apply(img, region, click, count, scratch);
            }
            return ThickNeighbourSplit.territory(img, values, region, click, firstRule.scale(), cfg.geodesicIntensityWeight(),
                scratch);
        });
    }

    /**
     * A lowered interval that more than {@link #LEAK_GROWTH} times enlarges the object, or whose grow lies
     * partly far from the old one ({@link FarGrowth}, organs), has reached a neighbouring structure through
     * the rim: keep the original interval and let the local grows add the clicked part instead.
     */
    private SeedRule withoutLeak(SeedRule original, SeedRule adjusted) {
        if (adjusted.lo() >= original.lo()) {
            return adjusted;
        }
        int[] seed = {img.index(original.seed())};
        if (seed[0] < 0) {
            return adjusted;
        }
        byte[] probe = new byte[img.n];
        int before = RegionGrower.grow(img, values, original.lo(), original.hi(), seed, 1, -1, 0, cfg.connectivity(), probe, scratch);
        // Organs keep the old grow for the far-growth test; a lesion's probe is reused.
        byte[] probeAfter = organ ? new byte[img.n] : probe;
        if (!organ) {
            java.util.Arrays.fill(probe, (byte) 0);
        }
        int after = RegionGrower.grow(img, values, adjusted.lo(), adjusted.hi(), seed, 1, -1, 0, cfg.connectivity(), probeAfter, scratch);
        if (organ && FarGrowth.count(img, probe, probeAfter, scratch) > FarGrowth.LEAK_SHARE * before) {
            return original;
        }
        if (organ) {
            // Against the organ, not against a flood: what a thick neighbour took is in both grows.
            int taken = territory(original, null).length;
            before = Math.max(1, before - taken);
            after = Math.max(1, after - taken);
        }
        return after > (organ ? LEAK_GROWTH : LESION_LEAK_GROWTH) * before ? original : adjusted;
    }

    static final double LEAK_GROWTH = 1.6;
    static final double LESION_LEAK_GROWTH = 1.25;

    /**
     * A later lesion include click grows from its own peak at its own 41 % level, which is usually below
     * the object's interval once exclude clicks have raised it, and would re-add the very shoulder the user
     * removed. It grows at the object's level instead; a click below that level adds only its
     * neighbourhood (within the refinement radius) down to just under its own SUV.
     */
    private SeedRule atObjectLevel(SeedRule rule, SeedRule primary) {
        if (rule.ballRadiusMm() > 0 || rule.lo() >= primary.lo()) {
            return rule;
        }
        int click = img.index(rule.click());
        if (click < 0) {
            return rule;
        }
        float value = img.suv[click];
        if (value >= primary.lo()) {
            return new SeedRule(true, primary.lo(), rule.hi(), rule.seed(), rule.click(), 0, rule.scale());
        }
        float lowered = Math.max((float) cfg.minimalSuv(), LesionRules.CLICK_MARGIN * value);
        return new SeedRule(true, lowered, rule.hi(), rule.click(), rule.click(), cfg.refineRadiusMm(), rule.scale());
    }

    /** The click's remembered rule; computed here when the click lies in this window and is new. */
    private SeedRule ruleFor(PointPrompt p, boolean first) {
        SeedRule known = state.rule(p.voxel());
        if (known != null) {
            return known;
        }
        int click = img.index(p.voxel());
        if (click < 0) {
            return null;
        }
        SeedRule rule;
        if (organ) {
            OrganRules.WithGrow result = OrganRules.ruleWithGrow(img, values, click, first, cfg, scratch);
            rule = result.rule();
            judged = result.grown() != null ? result : null;
        } else {
            rule = LesionRules.rule(img, click, first, cfg, scratch);
        }
        SeedRule kept = state.remember(p.voxel(), rule);
        if (kept != rule) {
            judged = null;  // another window remembered first: its rule stands
        }
        return kept;
    }

    private int growRule(SeedRule rule, byte[] mask) {
        return growRule(rule, mask, true);
    }

    /**
     * Grows one rule into the mask; {@code seedsInclude}: its seeds also anchor the exclude split. Returns
     * how many voxels the grow set (already set ones included when reached), 0 when it could not start.
     */
    private int growRule(SeedRule rule, byte[] mask, boolean seedsInclude) {
        if (judged != null && judged.rule() == rule && rule.ballRadiusMm() <= 0) {
            // The rule's first grow into a fresh mask is the one it was judged on (organ: seed = click, no ball).
            byte[] grown = judged.grown();
            int count = judged.count();
            judged = null;
            System.arraycopy(grown, 0, mask, 0, img.n);
            if (seedsInclude) {
                addInclude(img.index(rule.seed()));
            }
            return count;
        }
        int[] seeds = new int[2];
        int count = 0;
        int seed = img.index(rule.seed());
        if (seed >= 0) {
            seeds[count++] = seed;
        }
        // The clicked voxel belongs to the object even when the rule's level passes it by (a small lesion
        // whose peak is a neighbouring voxel): the user said so, and a mask without it reads as ignored.
        int click = img.index(rule.click());
        if (click >= 0 && click != seed) {
            seeds[count++] = click;
        }
        if (count == 0) {
            return 0;
        }
        int ball = rule.ballRadiusMm() > 0 ? click : -1;
        if (rule.ballRadiusMm() > 0 && ball < 0) {
            return 0;
        }
        int grown = ball < 0 && cfg.connectivity() == Connectivity.SIX
            ? scratch.rangeFill().grow(img, values, rule.lo(), rule.hi(), seeds, count, mask, scratch)
            : RegionGrower.grow(img, values, rule.lo(), rule.hi(), seeds, count, ball, rule.ballRadiusMm(), cfg.connectivity(),
                mask, scratch);
        for (int s = 0; seedsInclude && s < count; s++) {
            addInclude(seeds[s]);
        }
        return grown;
    }

    /** The first region of a wall ({@link WallRefinement}), measured in the first click's own window. */
    private void recordWallFirstRegion(SeedRule firstRule, byte[] mask) {
        if (!state.wall() || !Double.isNaN(state.wallFirstRegionMl()) || img.index(firstRule.click()) < 0) {
            return;
        }
        state.recordWallFirstRegion(count(mask) * img.sx * img.sy * img.sz / 1000.0);
    }

    /**
     * On a wall its first grow did not follow, the first click also grows what a later include there would
     * ({@link WallRefinement}): its own neighbourhood's interval, narrowed, within the wall's reach.
     */
    private void growWallReach(SeedRule firstRule, byte[] mask) {
        int click = img.index(firstRule.click());
        if (click < 0 || !state.wall()) {
            return;
        }
        SeedRule reach = state.firstClickReach(() -> {
            SeedRule own = OrganRules.rule(img, values, click, false, cfg, scratch);
            SeedRule wide = WallRefinement.reach(own, state);
            return wide != own && wide.valid() ? wide : SeedRule.background(firstRule.click());
        });
        if (reach.valid()) {
            growRule(reach, mask);
        }
    }

    /** Earlier windows' foreground continues here, grown with the object's first rule. */
    private void continueStitched(SeedRule primary, byte[] mask) {
        if (stitched == null) {
            return;
        }
        int start = includeCount;
        for (int v = 0; v < img.n; v++) {
            if (stitched[v] > 0.5f) {
                addInclude(v);
            }
        }
        if (includeCount > start) {
            int[] seeds = java.util.Arrays.copyOfRange(includeSeeds, start, includeCount);
            if (cfg.connectivity() == Connectivity.SIX) {
                scratch.rangeFill().grow(img, values, primary.lo(), primary.hi(), seeds, seeds.length, mask, scratch);
            } else {
                RegionGrower.grow(img, values, primary.lo(), primary.hi(), seeds, seeds.length, -1, 0, cfg.connectivity(), mask,
                    scratch);
            }
        }
    }

    private void splitByExcludes(SeedRule primary, byte[] mask) {
        ExcludeSplit.apply(img, values, mask, organ, prompts, stitched, includeSeeds, includeCount, clickSeeds, primary.scale(),
            cfg, scratch);
    }

    private void addInclude(int v) {
        includeSeeds = grow(includeSeeds, includeCount);
        includeSeeds[includeCount++] = v;
    }

    private static int[] grow(int[] a, int count) {
        return count < a.length ? a : java.util.Arrays.copyOf(a, a.length * 2);
    }
}
