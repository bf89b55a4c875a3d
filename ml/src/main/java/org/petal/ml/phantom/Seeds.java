package org.petal.ml.phantom;

import java.util.SplittableRandom;

/** Derives independent, reproducible random streams from a case's seed, index and a stage number. */
final class Seeds {

    static final long ANATOMY = 1;
    static final long UPTAKE = 2;
    static final long LESIONS = 3;
    static final long NOISE = 4;

    private Seeds() {}

    /**
     * A stream for one stage. Changing how one stage draws numbers never shifts another stage's numbers,
     * so e.g. a new lesion rule does not move the liver.
     */
    static SplittableRandom stream(long seed, int caseIndex, long stage) {
        return new SplittableRandom(mix(mix(mix(seed) ^ caseIndex) ^ stage));
    }

    /** A stream for one slice of a stage (noise): independent of thread scheduling. */
    static SplittableRandom stream(long seed, int caseIndex, long stage, int slice) {
        return new SplittableRandom(mix(mix(mix(mix(seed) ^ caseIndex) ^ stage) ^ slice));
    }

    /** SplitMix64 finaliser: spreads nearby inputs (0, 1, 2…) to unrelated 64-bit values. */
    static long mix(long z) {
        z += 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
