package org.petal.ml.segment;

/**
 * A transparent engine for testing the framework: foreground = SUV ≥ threshold inside the window, but only
 * when an include click lies in the window or earlier windows already found foreground there; voxels
 * within 3 voxels of an exclude click are background.
 */
final class ThresholdTestModel implements PatchModel {

    private final float threshold;
    private final int patch;
    int calls;

    ThresholdTestModel(float threshold, int patch) {
        this.threshold = threshold;
        this.patch = patch;
    }

    @Override
    public String name() { return "threshold-test"; }

    @Override
    public int patchSize() { return patch; }

    @Override
    public float[] predict(PatchRequest r) {
        calls++;
        Box w = r.window();
        float[] out = new float[Math.toIntExact(w.voxelCount())];
        boolean seeded = r.prompts().stream().anyMatch(p -> p.include() && w.contains(p.voxel()));
        for (float s : r.stitched()) {
            seeded |= s > 0.5f;
        }
        if (!seeded) {
            return out;
        }
        for (int k = w.k0(); k < w.k1(); k++) {
            for (int j = w.j0(); j < w.j1(); j++) {
                for (int i = w.i0(); i < w.i1(); i++) {
                    if (r.volume().get(i, j, k) >= threshold && !nearExclude(r, i, j, k)) {
                        out[w.localIndex(i, j, k)] = 1f;
                    }
                }
            }
        }
        return out;
    }

    private static boolean nearExclude(PatchRequest r, int i, int j, int k) {
        for (PointPrompt p : r.prompts()) {
            Voxel v = p.voxel();
            if (!p.include() && Math.abs(v.i() - i) <= 3 && Math.abs(v.j() - j) <= 3 && Math.abs(v.k() - k) <= 3) {
                return true;
            }
        }
        return false;
    }
}
