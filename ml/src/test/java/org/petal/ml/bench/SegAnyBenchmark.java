package org.petal.ml.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.petal.ml.phantom.PhantomCase;
import org.petal.ml.phantom.PhantomGenerator;
import org.petal.ml.phantom.PhantomSpec;
import org.petal.ml.segment.Voxel;
import org.petal.ml.segment.segany.SegAnyBenchmarkAccess;

/**
 * SegAnyPET network latency through DJL on the CPU: the image encoder on one 128³ crop, and one decoder
 * step (prompt encoder + mask decoder) with 1 and 5 accumulated clicks. Model directories come from
 * {@code -Dsegany.bench.models=DIR} holding one sub-directory per {@code arch} (convert output); e.g.
 * <pre>
 * cd ml/python &amp;&amp; /usr/bin/python3 -m petal_segany.random_init --arch vit_b_ori --out /tmp/ck &amp;&amp;
 *   /usr/bin/python3 -m petal_segany.convert --checkpoint /tmp/ck/*.pth --arch vit_b_ori --out DIR/vit_b_ori
 * mvn -B -pl ml -Pbench test-compile exec:exec -Djmh.args="SegAny -f 1 -wi 1 -i 3 -jvmArgs -Dsegany.bench.models=DIR"
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class SegAnyBenchmark {

    @Param({"small"})
    public String arch;

    private SegAnyBenchmarkAccess network;
    private float[] crop;
    private float[] embedding;
    private SegAnyBenchmarkAccess.RefinementClick refinement;

    @Setup(Level.Trial)
    public void load() {
        Path dir = Path.of(System.getProperty("segany.bench.models", "target/segany-bench-models")).resolve(arch);
        network = SegAnyBenchmarkAccess.load(dir);
        Random random = new Random(1);
        crop = new float[128 * 128 * 128];
        for (int v = 0; v < crop.length; v++) {
            crop[v] = (float) random.nextGaussian();
        }
        embedding = network.encode(crop);
        // A 4 mm phantom's liver: the whole click path through the engine, not just the decoder.
        PhantomCase phantom = PhantomGenerator.generate(PhantomSpec.of(7, 1));
        Voxel liver = BenchmarkVolumes.nearestToCentroid(phantom.labels(), 3);
        refinement = network.refinementClick(phantom.pet(), liver,
            new Voxel(liver.i() + 4, liver.j(), liver.k()), new Voxel(liver.i(), liver.j() + 4, liver.k()));
    }

    @TearDown(Level.Trial)
    public void close() {
        network.close();
    }

    @Benchmark
    public float[] encoder() {
        return network.encode(crop);
    }

    @Benchmark
    public float[] decoderOneClick() {
        return network.decode(embedding, clicks(1));
    }

    @Benchmark
    public float[] refinementClickThroughTheEngine() {
        return refinement.click();
    }

    @Benchmark
    public float[] decoderFiveClicks() {
        return network.decode(embedding, clicks(5));
    }

    private static List<int[]> clicks(int n) {
        List<int[]> out = new ArrayList<>();
        for (int c = 0; c < n; c++) {
            out.add(new int[] {64 + 3 * c, 64 - 2 * c, 64 + c, c % 2 == 0 ? 1 : 0});
        }
        return out;
    }
}
