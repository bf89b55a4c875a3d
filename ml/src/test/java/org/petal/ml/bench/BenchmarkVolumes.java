package org.petal.ml.bench;

import org.petal.ml.segment.Voxel;
import org.petal.ml.volume.LabelVolume;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.petal.ml.phantom.PhantomGenerator;
import org.petal.ml.phantom.AutoPetGridPhantom;
import org.petal.ml.phantom.PhantomSpec;
import org.petal.ml.volume.PetUnit;
import org.petal.ml.volume.PetVolume;
import org.petal.ml.volume.SuvParameters;
import org.petal.ml.volume.VolumeGeometry;

/** Test volumes of whole-body size for benchmarks. */
public final class BenchmarkVolumes {

    static final int NX = 400;
    static final int NY = 400;
    static final int NZ = 326;

    private BenchmarkVolumes() {}

    /** 400×400×326 at 2.04×2.04×3 mm: an elliptic body of SUV ~1 with noise, hot spots, zeros outside. */
    static PetVolume wholeBody() {
        VolumeGeometry g = VolumeGeometry.axisAligned(NX, NY, NZ, 2.036, 2.036, 3.0, new double[] {-406, -406, -975});
        float[] v = new float[(int) g.voxelCount()];
        SplittableRandom random = new SplittableRandom(42);
        for (int k = 0; k < NZ; k++) {
            for (int j = 0; j < NY; j++) {
                double y = (j - NY / 2.0) / 110.0;
                for (int i = 0; i < NX; i++) {
                    double x = (i - NX / 2.0) / 170.0;
                    if (x * x + y * y < 1) {
                        double hot = ((i / 40 + j / 40 + k / 30) % 7 == 0) ? 6 : 1;
                        v[g.index(i, j, k)] = (float) (hot * (0.8 + 0.4 * random.nextDouble()));
                    }
                }
            }
        }
        return new PetVolume(g, v, PetUnit.SUV_BW, SuvParameters.declaredSuv("benchmark"));
    }

    /** A 2 mm phantom (seed 7) on AutoPET's 400×400×326 grid; see {@link AutoPetGridPhantom}. */
    static PetVolume phantomOnAutoPetGrid(boolean noisyAir) {
        return AutoPetGridPhantom.resample(PhantomGenerator.generate(PhantomSpec.of(7, 0).withVoxelMm(2.0)), noisyAir);
    }

    static void delete(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** The voxel of {@code label} nearest to that label's centroid (a click well inside an organ). */
    public static Voxel nearestToCentroid(LabelVolume labels, int label) {
        VolumeGeometry g = labels.geometry();
        double si = 0, sj = 0, sk = 0;
        long count = 0;
        short[] l = labels.labels();
        for (int v = 0; v < l.length; v++) {
            if (l[v] == label) {
                si += v % g.nx(); sj += (v / g.nx()) % g.ny(); sk += v / (g.nx() * g.ny()); count++;
            }
        }
        si /= count; sj /= count; sk /= count;
        int best = -1;
        double bestD = Double.MAX_VALUE;
        for (int v = 0; v < l.length; v++) {
            if (l[v] == label) {
                double d = Math.pow(v % g.nx() - si, 2) + Math.pow((v / g.nx()) % g.ny() - sj, 2)
                    + Math.pow(v / (g.nx() * g.ny()) - sk, 2);
                if (d < bestD) { bestD = d; best = v; }
            }
        }
        return new Voxel(best % g.nx(), (best / g.nx()) % g.ny(), best / (g.nx() * g.ny()));
    }
}
