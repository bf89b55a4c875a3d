package org.petal.ml.segment.segany;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.petal.ml.dataset.LabelKind;
import org.petal.ml.segment.Box;
import org.petal.ml.segment.PatchModel.ObjectState;
import org.petal.ml.segment.PatchRequest;
import org.petal.ml.segment.PointPrompt;
import org.petal.ml.segment.Voxel;
import org.petal.ml.volume.PetVolume;

/** Package access for {@code org.petal.ml.bench.SegAnyBenchmark}: the network's encode and decode steps. */
public final class SegAnyBenchmarkAccess implements AutoCloseable {

    private final SegAnyNetwork network;

    private SegAnyBenchmarkAccess(SegAnyNetwork network) {
        this.network = network;
    }

    public static SegAnyBenchmarkAccess load(Path dir) {
        return new SegAnyBenchmarkAccess(SegAnyNetwork.load(SegAnySettings.cpu(dir)));
    }

    public float[] encode(float[] crop) {
        return network.encode(crop);
    }

    /** Clicks as {i, j, k, include(1)/exclude(0)}; zeros as the previous logits. */
    public float[] decode(float[] embedding, List<int[]> clicks) {
        return network.decode(embedding, clicks.stream().map(c -> new CropClick(c[0], c[1], c[2], c[3] == 1)).toList(), null);
    }

    /**
     * A whole refinement click as the engine serves it inside a session: the crop's embedding and the
     * first click's step are cached, the second click alternates between two voxels so every call runs
     * one decoder step, the upsampling and the mapping back to the window.
     */
    public final class RefinementClick {
        private final SegAnyModel model = new SegAnyModel(network, 8);
        private final PetVolume volume;
        private final Box window;
        private final ObjectState state;
        private final Voxel first;
        private final Voxel[] second;
        private int calls;

        RefinementClick(PetVolume volume, Voxel first, Voxel a, Voxel b) {
            this.volume = volume;
            int[] size = model.windowSize(volume.geometry());
            int[] n = {volume.geometry().nx(), volume.geometry().ny(), volume.geometry().nz()};
            int[] c = {first.i(), first.j(), first.k()};
            int[] lo = new int[3];
            for (int x = 0; x < 3; x++) {
                size[x] = Math.min(size[x], n[x]);
                lo[x] = Math.max(0, Math.min(n[x] - size[x], c[x] - size[x] / 2));
            }
            this.window = new Box(lo[0], lo[1], lo[2], lo[0] + size[0], lo[1] + size[1], lo[2] + size[2]);
            this.state = model.newObject(volume, LabelKind.ORGAN);
            this.first = first;
            this.second = new Voxel[] {a, b};
            predict(List.of(new PointPrompt(first, true)));
        }

        public float[] click() {
            Voxel v = second[calls++ % 2];
            return predict(List.of(new PointPrompt(first, true), new PointPrompt(v, true)));
        }

        private float[] predict(List<PointPrompt> prompts) {
            float[] nan = new float[Math.toIntExact(window.voxelCount())];
            Arrays.fill(nan, Float.NaN);
            return model.predict(new PatchRequest(volume, window, LabelKind.ORGAN, prompts, new float[nan.length], nan, state));
        }
    }

    public RefinementClick refinementClick(PetVolume volume, Voxel first, Voxel a, Voxel b) {
        return new RefinementClick(volume, first, a, b);
    }

    @Override
    public void close() {
        network.close();
    }
}
