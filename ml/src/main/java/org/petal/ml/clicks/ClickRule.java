package org.petal.ml.clicks;

/** How the simulated user picks the next click (spec §3.2). */
public enum ClickRule {
    /**
     * The most interior voxel: first click at the inside-distance maximum of the target's largest component;
     * then at the inside-distance maximum of the largest error component (FN or FP, by voxel count).
     */
    CENTER,
    /** A seeded uniform voxel: of the target first, then of FN ∪ FP, labelled by FN membership (SAM-Med3D). */
    RANDOM,
    /**
     * RITM: inside distances of FN and FP (border = background); include when max EDT(FN) &gt; max EDT(FP);
     * then a seeded uniform voxel of the chosen error region whose distance exceeds half that maximum.
     */
    RITM
}
