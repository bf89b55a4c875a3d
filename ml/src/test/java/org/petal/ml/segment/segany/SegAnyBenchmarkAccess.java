package org.petal.ml.segment.segany;

import java.nio.file.Path;
import java.util.List;

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

    @Override
    public void close() {
        network.close();
    }
}
