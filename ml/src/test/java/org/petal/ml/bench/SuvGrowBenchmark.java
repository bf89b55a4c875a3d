package org.petal.ml.bench;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.petal.ml.dataset.LabelKind;
import org.petal.ml.phantom.PhantomCase;
import org.petal.ml.phantom.PhantomGenerator;
import org.petal.ml.phantom.PhantomLesion;
import org.petal.ml.phantom.PhantomSpec;
import org.petal.ml.segment.Box;
import org.petal.ml.segment.PatchModel.ObjectState;
import org.petal.ml.segment.PatchRequest;
import org.petal.ml.segment.PointPrompt;
import org.petal.ml.segment.Voxel;
import org.petal.ml.segment.suvgrow.SuvGrowModel;
import org.petal.ml.volume.VolumeGeometry;

/**
 * One {@code suv-grow} prediction on a 128³ window of a 2 mm phantom (250×175×500): first click on the
 * largest lesion, first click on the liver, and a refinement (include + exclude) on the liver. These calls
 * start from a fresh object state on a fresh engine, so reading the window and threshold/statistics
 * estimation are included (the worst case); the in-session variant is the exclude click as a session makes
 * it, the first click's rule already known and its window already read. Sample mode gives
 * percentiles (p95 is the target: ≤ 50 ms).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class SuvGrowBenchmark {

    private final SuvGrowModel model = new SuvGrowModel();
    private PhantomCase phantom;
    private PatchRequest lesion;
    private PatchRequest liver;
    private PatchRequest liverRefine;
    private PatchRequest liverRefineInSession;

    @Setup
    public void generate() {
        phantom = PhantomGenerator.generate(PhantomSpec.of(7, 1).withVoxelMm(2.0));
        VolumeGeometry g = phantom.pet().geometry();
        PhantomLesion big = phantom.lesions().stream()
            .max((a, b) -> Double.compare(a.diameterMm(), b.diameterMm())).orElseThrow();
        Voxel lesionClick = new Voxel(big.centreVoxel().i(), big.centreVoxel().j(), big.centreVoxel().k());
        lesion = request(lesionClick, LabelKind.LESION, List.of(new PointPrompt(lesionClick, true)));
        Voxel liverClick = BenchmarkVolumes.nearestToCentroid(phantom.labels(), 3);
        liver = request(liverClick, LabelKind.ORGAN, List.of(new PointPrompt(liverClick, true)));
        // Exclude 3 cm towards the head from the liver click: cuts off the cranial part of the grow.
        Voxel exclude = new Voxel(liverClick.i(), liverClick.j(), Math.min(g.nz() - 1, liverClick.k() + 15));
        liverRefine = request(liverClick, LabelKind.ORGAN,
            List.of(new PointPrompt(liverClick, true), new PointPrompt(exclude, false)));
        // The same exclude click as it happens in a session: the object already knows its first click's rule.
        ObjectState session = model.newObject(phantom.pet(), LabelKind.ORGAN);
        model.predict(withState(liver, session));
        liverRefineInSession = withState(liverRefine, session);
    }

    private static PatchRequest withState(PatchRequest r, ObjectState state) {
        return new PatchRequest(r.volume(), r.window(), r.kind(), r.prompts(), r.previous(), r.stitched(), state);
    }

    private PatchRequest request(Voxel centre, LabelKind kind, List<PointPrompt> prompts) {
        VolumeGeometry g = phantom.pet().geometry();
        int[] n = {g.nx(), g.ny(), g.nz()};
        int[] c = {centre.i(), centre.j(), centre.k()};
        int[] lo = new int[3];
        for (int a = 0; a < 3; a++) {
            lo[a] = Math.max(0, Math.min(n[a] - 128, c[a] - 64));
        }
        Box window = new Box(lo[0], lo[1], lo[2], lo[0] + 128, lo[1] + 128, lo[2] + 128);
        float[] nan = new float[128 * 128 * 128];
        Arrays.fill(nan, Float.NaN);
        return new PatchRequest(phantom.pet(), window, kind, prompts, new float[nan.length], nan, null);
    }

    /**
     * A fresh object on a fresh engine: nothing of an earlier call is reused, not even the engine's cache of
     * smoothed organ windows (a session's refinement clicks find their window there; a first click on a
     * window nobody has opened does not).
     */
    private static float[] run(PatchRequest r) {
        SuvGrowModel fresh = new SuvGrowModel();
        return fresh.predict(withState(r, fresh.newObject(r.volume(), r.kind())));
    }

    @Benchmark
    public float[] lesionFirstClick() {
        return run(lesion);
    }

    @Benchmark
    public float[] liverFirstClick() {
        return run(liver);
    }

    @Benchmark
    public float[] liverExcludeClick() {
        return run(liverRefine);
    }

    @Benchmark
    public float[] liverExcludeClickInSession() {
        return model.predict(liverRefineInSession);
    }
}
