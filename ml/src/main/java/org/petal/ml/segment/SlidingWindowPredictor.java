package org.petal.ml.segment;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import org.petal.ml.dataset.LabelKind;
import org.petal.ml.volume.PetVolume;
import org.petal.ml.volume.VolumeGeometry;

/**
 * Runs a {@link PatchModel} on patch-sized windows and stitches them (SegAnyPET/SAM-Med3D's sliding
 * window, spec §4.2, as a concrete algorithm):
 * <ol>
 *   <li>The first window is centred on the object's first include click (shifted inside the volume).</li>
 *   <li>Any click outside the planned windows gets a window centred on it.</li>
 *   <li>When a window's foreground touches one of its faces and that face is not the volume border, the
 *       neighbour window shifted by half a patch on that axis is queued (up to {@code maxWindows}).
 *       The neighbour sees the probabilities stitched so far on the overlap.</li>
 *   <li>Overlaps are merged by averaging probabilities; foreground is average &gt; 0.5.</li>
 * </ol>
 * Windows are planned afresh for every interaction, so the result depends only on the prompts (and the
 * previous mask an engine chooses to read), never on the history of window placements.
 */
public final class SlidingWindowPredictor {

    private record WindowResult(Box window, float[] probabilities) {}

    private final PatchModel model;
    private final int maxWindows;

    public SlidingWindowPredictor(PatchModel model, int maxWindows) {
        if (maxWindows < 1) {
            throw new IllegalArgumentException("maxWindows must be at least 1");
        }
        this.model = model;
        this.maxWindows = maxWindows;
    }

    public Prediction predict(PetVolume volume, LabelKind kind, List<PointPrompt> prompts, ObjectMask previous,
                              PatchModel.ObjectState state) {
        PointPrompt anchor = prompts.stream().filter(PointPrompt::include).findFirst().orElse(null);
        if (anchor == null) {
            return Prediction.empty();
        }
        VolumeGeometry g = volume.geometry();
        Deque<Box> queue = new ArrayDeque<>();
        List<Box> planned = new ArrayList<>();
        plan(windowAround(anchor.voxel(), g), queue, planned);
        for (PointPrompt p : prompts) {
            if (planned.stream().noneMatch(w -> w.contains(p.voxel()))) {
                plan(windowAround(p.voxel(), g), queue, planned);
            }
        }
        List<WindowResult> results = new ArrayList<>();
        double modelMs = 0;
        while (!queue.isEmpty()) {
            Box window = queue.poll();
            long start = System.nanoTime();
            float[] probabilities = model.predict(new PatchRequest(volume, window, kind, prompts, asFloats(previous.read(window)),
                stitched(window, results), state));
            modelMs += (System.nanoTime() - start) / 1e6;
            if (probabilities.length != window.voxelCount()) {
                throw new IllegalStateException(model.name() + " returned " + probabilities.length + " values for " + window);
            }
            results.add(new WindowResult(window, probabilities));
            for (Box neighbour : neighboursTouched(window, probabilities, g)) {
                if (planned.size() < maxWindows) {
                    plan(neighbour, queue, planned);
                }
            }
        }
        return merge(results, modelMs);
    }

    private static float[] asFloats(byte[] bits) {
        float[] out = new float[bits.length];
        for (int n = 0; n < bits.length; n++) {
            out[n] = bits[n];
        }
        return out;
    }

    private static void plan(Box window, Deque<Box> queue, List<Box> planned) {
        if (!planned.contains(window)) {
            planned.add(window);
            queue.add(window);
        }
    }

    Box windowAround(Voxel c, VolumeGeometry g) {
        int[] dims = {g.nx(), g.ny(), g.nz()};
        int[] centre = {c.i(), c.j(), c.k()};
        int[] lo = new int[3];
        int[] hi = new int[3];
        int[] sizes = model.windowSize(g);
        for (int a = 0; a < 3; a++) {
            int size = Math.min(sizes[a], dims[a]);
            lo[a] = Math.max(0, Math.min(centre[a] - size / 2, dims[a] - size));
            hi[a] = lo[a] + size;
        }
        return new Box(lo[0], lo[1], lo[2], hi[0], hi[1], hi[2]);
    }

    /** Neighbour windows (half a window away) on every face the foreground touches, unless at the volume border. */
    private List<Box> neighboursTouched(Box w, float[] p, VolumeGeometry g) {
        List<Box> out = new ArrayList<>();
        int[] dims = {g.nx(), g.ny(), g.nz()};
        int[] lo = {w.i0(), w.j0(), w.k0()};
        int[] hi = {w.i1(), w.j1(), w.k1()};
        for (int axis = 0; axis < 3; axis++) {
            int size = hi[axis] - lo[axis];
            int step = size / 2;
            if (lo[axis] > 0 && faceHasForeground(w, p, axis, lo[axis])) {
                out.add(shifted(w, axis, -Math.min(step, lo[axis])));
            }
            if (hi[axis] < dims[axis] && faceHasForeground(w, p, axis, hi[axis] - 1)) {
                out.add(shifted(w, axis, Math.min(step, dims[axis] - hi[axis])));
            }
        }
        return out;
    }

    private static boolean faceHasForeground(Box w, float[] p, int axis, int plane) {
        for (int k = axis == 2 ? plane : w.k0(); k < (axis == 2 ? plane + 1 : w.k1()); k++) {
            for (int j = axis == 1 ? plane : w.j0(); j < (axis == 1 ? plane + 1 : w.j1()); j++) {
                for (int i = axis == 0 ? plane : w.i0(); i < (axis == 0 ? plane + 1 : w.i1()); i++) {
                    if (p[w.localIndex(i, j, k)] > 0.5f) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static Box shifted(Box w, int axis, int by) {
        return new Box(w.i0() + (axis == 0 ? by : 0), w.j0() + (axis == 1 ? by : 0), w.k0() + (axis == 2 ? by : 0),
            w.i1() + (axis == 0 ? by : 0), w.j1() + (axis == 1 ? by : 0), w.k1() + (axis == 2 ? by : 0));
    }

    /** Average of earlier windows' probabilities over {@code window}; NaN where none reached. */
    private static float[] stitched(Box window, List<WindowResult> earlier) {
        float[] sum = new float[Math.toIntExact(window.voxelCount())];
        if (earlier.isEmpty()) {
            Arrays.fill(sum, Float.NaN);
            return sum;
        }
        int[] count = new int[sum.length];
        for (WindowResult r : earlier) {
            accumulate(r, window, sum, count);
        }
        for (int n = 0; n < sum.length; n++) {
            sum[n] = count[n] == 0 ? Float.NaN : sum[n] / count[n];
        }
        return sum;
    }

    private static void accumulate(WindowResult r, Box target, float[] sum, int[] count) {
        Box overlap = r.window().intersect(target);
        for (int k = overlap.k0(); k < overlap.k1(); k++) {
            for (int j = overlap.j0(); j < overlap.j1(); j++) {
                int src = r.window().localIndex(overlap.i0(), j, k);
                int dst = target.localIndex(overlap.i0(), j, k);
                for (int n = 0; n < overlap.width(); n++) {
                    sum[dst + n] += r.probabilities()[src + n];
                    count[dst + n]++;
                }
            }
        }
    }

    private static Prediction merge(List<WindowResult> results, double modelMs) {
        Box covered = Box.EMPTY;
        for (WindowResult r : results) {
            covered = covered.union(r.window());
        }
        float[] sum = new float[Math.toIntExact(covered.voxelCount())];
        int[] count = new int[sum.length];
        for (WindowResult r : results) {
            accumulate(r, covered, sum, count);
        }
        byte[] mask = new byte[sum.length];
        for (int n = 0; n < sum.length; n++) {
            mask[n] = (byte) (count[n] > 0 && sum[n] / count[n] > 0.5f ? 1 : 0);
        }
        return new Prediction(covered, mask, results.stream().map(WindowResult::window).toList(), modelMs);
    }
}
