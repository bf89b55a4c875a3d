package org.petal.ml.segment.suvgrow;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.petal.ml.dataset.LabelKind;
import org.petal.ml.segment.Box;
import org.petal.ml.segment.PatchModel;
import org.petal.ml.segment.PatchRequest;
import org.petal.ml.segment.PointPrompt;
import org.petal.ml.segment.Voxel;
import org.petal.ml.volume.PetVolume;
import org.petal.ml.volume.VolumeGeometry;

/**
 * Test helpers: Dice, connected components, "centre" of a component (the voxel farthest from its border)
 * and a tiny simulated-refinement loop (next click at the centre of the largest error component).
 */
final class GrowEval {

    private GrowEval() {}

    /** Defaults, overridable by -Dsuvgrow.* for exploring settings from the command line. */
    static SuvGrowConfig configFromProperties() {
        SuvGrowConfig c = SuvGrowConfig.DEFAULTS;
        c = c.withLesionThreshold(LesionThreshold.valueOf(System.getProperty("suvgrow.threshold", c.lesionThreshold().name())));
        c = c.withLesionFraction(Double.parseDouble(System.getProperty("suvgrow.fraction", "" + c.lesionFraction())));
        c = c.withRefinement(Double.parseDouble(System.getProperty("suvgrow.refineRadius", "" + c.refineRadiusMm())),
            Double.parseDouble(System.getProperty("suvgrow.weight", "" + c.geodesicIntensityWeight())),
            Double.parseDouble(System.getProperty("suvgrow.reach", "" + c.excludeReach())));
        return c.withOrgan(Double.parseDouble(System.getProperty("suvgrow.k", "" + c.organK())),
            Double.parseDouble(System.getProperty("suvgrow.minFraction", "" + c.organMinFraction())), c.organSmoothing(),
            c.fillHoles());
    }

    /** Dice of two 0/1 masks over the same grid. */
    static double dice(boolean[] a, boolean[] b) {
        long inter = 0;
        long na = 0;
        long nb = 0;
        for (int v = 0; v < a.length; v++) {
            if (a[v]) na++;
            if (b[v]) nb++;
            if (a[v] && b[v]) inter++;
        }
        return na + nb == 0 ? 1.0 : 2.0 * inter / (na + nb);
    }

    /** A window's probabilities pasted into a volume-sized mask (> 0.5 is foreground). */
    static boolean[] paste(float[] probs, Box window, VolumeGeometry g) {
        boolean[] m = new boolean[Math.toIntExact(g.voxelCount())];
        int o = 0;
        for (int k = window.k0(); k < window.k1(); k++) {
            for (int j = window.j0(); j < window.j1(); j++) {
                for (int i = window.i0(); i < window.i1(); i++) {
                    m[g.index(i, j, k)] = probs[o++] > 0.5f;
                }
            }
        }
        return m;
    }

    /** The 128³ (or smaller) window centred on a voxel, shifted to lie inside the volume. */
    static Box windowAround(Voxel c, VolumeGeometry g, int size) {
        int[] lo = new int[3];
        int[] n = {g.nx(), g.ny(), g.nz()};
        int[] p = {c.i(), c.j(), c.k()};
        for (int a = 0; a < 3; a++) {
            int s = Math.min(size, n[a]);
            lo[a] = Math.max(0, Math.min(n[a] - s, p[a] - s / 2));
        }
        return new Box(lo[0], lo[1], lo[2], lo[0] + Math.min(size, n[0]), lo[1] + Math.min(size, n[1]),
            lo[2] + Math.min(size, n[2]));
    }

    static float[] predict(PatchModel model, PetVolume pet, Box window, LabelKind kind, List<PointPrompt> prompts,
                           PatchModel.ObjectState state) {
        int n = Math.toIntExact(window.voxelCount());
        float[] nan = new float[n];
        Arrays.fill(nan, Float.NaN);
        return model.predict(new PatchRequest(pet, window, kind, prompts, new float[n], nan, state));
    }

    /** The 6-connected component of {@code mask} holding {@code seed} (empty if the seed is not in the mask). */
    static boolean[] component(boolean[] mask, VolumeGeometry g, int seed) {
        boolean[] out = new boolean[mask.length];
        if (!mask[seed]) {
            return out;
        }
        int[] queue = new int[mask.length];
        int tail = 0;
        queue[tail++] = seed;
        out[seed] = true;
        for (int head = 0; head < tail; head++) {
            int v = queue[head];
            for (int u : neighbours(v, g)) {
                if (u >= 0 && mask[u] && !out[u]) {
                    out[u] = true;
                    queue[tail++] = u;
                }
            }
        }
        return out;
    }

    /** Components of a mask, largest first. */
    static List<boolean[]> components(boolean[] mask, VolumeGeometry g) {
        boolean[] left = mask.clone();
        List<boolean[]> out = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        for (int v = 0; v < left.length; v++) {
            if (left[v]) {
                boolean[] c = component(left, g, v);
                int size = 0;
                for (int u = 0; u < c.length; u++) {
                    if (c[u]) {
                        left[u] = false;
                        size++;
                    }
                }
                int at = 0;
                while (at < sizes.size() && sizes.get(at) >= size) at++;
                sizes.add(at, size);
                out.add(at, c);
            }
        }
        return out;
    }

    /**
     * The voxel of a component with the largest (6-connected, layer-count) distance to the component's
     * border; among ties the one nearest the centroid, then the lowest index.
     */
    static Voxel centre(boolean[] comp, VolumeGeometry g) {
        int[] dist = new int[comp.length];
        int[] queue = new int[comp.length];
        int tail = 0;
        double ci = 0, cj = 0, ck = 0;
        int count = 0;
        for (int v = 0; v < comp.length; v++) {
            if (!comp[v]) continue;
            ci += v % g.nx(); cj += (v / g.nx()) % g.ny(); ck += v / (g.nx() * g.ny()); count++;
            boolean border = false;
            for (int u : neighbours(v, g)) {
                if (u < 0 || !comp[u]) border = true;
            }
            if (border) {
                dist[v] = 1;
                queue[tail++] = v;
            }
        }
        ci /= count; cj /= count; ck /= count;
        for (int head = 0; head < tail; head++) {
            int v = queue[head];
            for (int u : neighbours(v, g)) {
                if (u >= 0 && comp[u] && dist[u] == 0) {
                    dist[u] = dist[v] + 1;
                    queue[tail++] = u;
                }
            }
        }
        int best = -1;
        double bestD2 = 0;
        for (int v = 0; v < comp.length; v++) {
            if (!comp[v]) continue;
            double di = v % g.nx() - ci, dj = (v / g.nx()) % g.ny() - cj, dk = v / (g.nx() * g.ny()) - ck;
            double d2 = di * di + dj * dj + dk * dk;
            if (best < 0 || dist[v] > dist[best] || (dist[v] == dist[best] && d2 < bestD2)) {
                best = v;
                bestD2 = d2;
            }
        }
        return new Voxel(best % g.nx(), (best / g.nx()) % g.ny(), best / (g.nx() * g.ny()));
    }

    /**
     * Simulated interaction: first include click at the centre of the truth, then up to {@code clicks − 1}
     * corrections at the centre of the largest error component (missed → include, extra → exclude).
     *
     * @return Dice after each click
     */
    static double[] simulate(PatchModel model, PetVolume pet, boolean[] truth, LabelKind kind, int clicks, int windowSize) {
        VolumeGeometry g = pet.geometry();
        Voxel first = centre(truth, g);
        Box window = windowAround(first, g, windowSize);
        PatchModel.ObjectState state = model.newObject(pet, kind);
        List<PointPrompt> prompts = new ArrayList<>();
        prompts.add(new PointPrompt(first, true));
        double[] dice = new double[clicks];
        for (int c = 0; c < clicks; c++) {
            boolean[] pred = paste(predict(model, pet, window, kind, prompts, state), window, g);
            dice[c] = dice(pred, truth);
            if (c == clicks - 1) break;
            boolean[] error = new boolean[truth.length];
            for (int v = 0; v < truth.length; v++) {
                error[v] = pred[v] != truth[v] && window.contains(v % g.nx(), (v / g.nx()) % g.ny(), v / (g.nx() * g.ny()));
            }
            List<boolean[]> comps = components(error, g);
            if (comps.isEmpty()) {
                Arrays.fill(dice, c + 1, clicks, dice[c]);
                break;
            }
            Voxel at = centre(comps.get(0), g);
            prompts.add(new PointPrompt(at, truth[g.index(at.i(), at.j(), at.k())]));
            if (Boolean.getBoolean("suvgrow.verbose")) {
                int np = 0, nt = 0, ne = 0;
                for (int v = 0; v < truth.length; v++) { if (pred[v]) np++; if (truth[v]) nt++; if (comps.get(0)[v]) ne++; }
                System.out.printf("  click %d pred=%d truth=%d dice=%.3f next %s %s errSize=%d suv=%.2f%n", c + 1, np, nt, dice[c],
                    truth[g.index(at.i(), at.j(), at.k())] ? "include" : "exclude", at, ne, pet.get(at.i(), at.j(), at.k()));
            }
        }
        return dice;
    }

    private static int[] neighbours(int v, VolumeGeometry g) {
        int nx = g.nx(), ny = g.ny(), nz = g.nz();
        int i = v % nx, j = (v / nx) % ny, k = v / (nx * ny);
        return new int[] {
            i + 1 < nx ? v + 1 : -1, i > 0 ? v - 1 : -1,
            j + 1 < ny ? v + nx : -1, j > 0 ? v - nx : -1,
            k + 1 < nz ? v + nx * ny : -1, k > 0 ? v - nx * ny : -1};
    }
}
