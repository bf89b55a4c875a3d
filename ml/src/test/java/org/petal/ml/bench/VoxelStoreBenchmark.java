package org.petal.ml.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.petal.ml.store.SliceImage;
import org.petal.ml.store.VoxelStore;
import org.petal.ml.store.VoxelStoreWriter;

/**
 * Slice and MIP reads from a whole-body-sized store (400×400×326 float32, AutoPET's grid). Slice indices
 * rotate through the volume so successive calls do not hit the same cache lines.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class VoxelStoreBenchmark {

    private Path dir;
    private VoxelStore store;
    private int next;
    private double angle;

    @Setup
    public void writeStore() throws IOException {
        dir = Files.createTempDirectory("petal-bench-store");
        store = VoxelStoreWriter.write(BenchmarkVolumes.wholeBody(), dir.resolve("case"), "benchmark");
    }

    @TearDown
    public void deleteStore() throws IOException {
        BenchmarkVolumes.delete(dir);
    }

    private int nextIndex(int size) {
        next = (next + 37) % size;
        return next;
    }

    @Benchmark
    public SliceImage axialSlice() {
        return store.axial(nextIndex(store.geometry().nz()));
    }

    @Benchmark
    public SliceImage coronalSlice() {
        return store.coronal(nextIndex(store.geometry().ny()));
    }

    @Benchmark
    public SliceImage sagittalSlice() {
        return store.sagittal(nextIndex(store.geometry().nx()));
    }

    @Benchmark
    public SliceImage coronalMipPrecomputed() {
        return store.coronalMip();
    }

    @Benchmark
    public SliceImage rotatingMip() {
        angle = (angle + 7.3) % 360;
        return store.rotatingMip(angle);
    }
}
