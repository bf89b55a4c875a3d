package org.petal.ml.segment.suvgrow;

import org.petal.ml.morph.Connectivity;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.petal.ml.bench.BenchmarkVolumes;
import org.petal.ml.phantom.PhantomCase;
import org.petal.ml.phantom.PhantomGenerator;
import org.petal.ml.phantom.PhantomLesion;
import org.petal.ml.phantom.PhantomSpec;
import org.petal.ml.segment.Box;
import org.petal.ml.segment.Voxel;
import org.petal.ml.volume.PetUnit;
import org.petal.ml.volume.PetVolume;
import org.petal.ml.volume.VolumeGeometry;

/**
 * The optimised helpers ({@link WindowImage#smoothed}, {@link RegionGrower}, {@link HoleFill},
 * {@link GeodesicSplitter}, and since session 6 {@link NarrowCut}) against verbatim copies of the code before the
 * performance work ({@link ReferenceHelpers}): smoothed values, grown masks, grow order, filled, cut and split masks must be
 * bit-identical ({@code Arrays.mismatch}: AssertJ array diffs are far too slow at this size) on phantom windows (liver, lesion) and on odd-sized anisotropic synthetic windows.
 */
class SuvGrowOptimisationEquivalenceTest {

    /** A window image with the clicks that exercise it. */
    private record Case(String name, WindowImage img, int[] clicks) {}

    private static final List<Case> CASES = new ArrayList<>();

    @BeforeAll
    static void windows() {
        PhantomCase phantom = PhantomGenerator.generate(PhantomSpec.of(7, 1).withVoxelMm(2.0));
        PetVolume pet = phantom.pet();
        Voxel liver = BenchmarkVolumes.nearestToCentroid(phantom.labels(), 3);
        PhantomLesion big = phantom.lesions().stream()
            .max((a, b) -> Double.compare(a.diameterMm(), b.diameterMm())).orElseThrow();
        Voxel lesion = new Voxel(big.centreVoxel().i(), big.centreVoxel().j(), big.centreVoxel().k());
        CASES.add(phantomCase("liver window", pet, liver, 96, liver));
        CASES.add(phantomCase("lesion window", pet, lesion, 64, lesion));
        PetVolume synth = synthetic(41, 33, 27, 1.5, 2.0, 3.0, 7);
        VolumeGeometry g = synth.geometry();
        CASES.add(new Case("anisotropic synthetic", WindowImage.read(synth, Box.of(g), new Scratch()),
            new int[] {hottest(synth, Box.of(g)), Box.of(g).localIndex(20, 16, 13)}));
        Box thin = new Box(3, 4, 10, 40, 30, 12);
        CASES.add(new Case("two-slice synthetic", WindowImage.read(synth, thin, new Scratch()),
            new int[] {thin.localIndex(hottestIn(synth, thin).i(), hottestIn(synth, thin).j(), hottestIn(synth, thin).k())}));
        Box flat = new Box(0, 0, 13, 41, 33, 14);
        CASES.add(new Case("one-slice synthetic", WindowImage.read(synth, flat, new Scratch()),
            new int[] {flat.localIndex(hottestIn(synth, flat).i(), hottestIn(synth, flat).j(), 13)}));
    }

    @Test
    void smoothingIsBitIdentical() {
        for (Case c : CASES) {
            float[] expected = ReferenceHelpers.smoothed(c.img());
            float[] actual = Arrays.copyOf(c.img().smoothed(new Scratch()), c.img().n);
            assertThat(Arrays.mismatch(bits(actual), bits(expected))).as(c.name()).isEqualTo(-1);
        }
    }

    @Test
    void growsAreBitIdenticalIncludingTheirOrder() {
        for (Case c : CASES) {
            float[] smooth = Arrays.copyOf(c.img().smoothed(new Scratch()), c.img().n);
            for (float[] values : List.of(c.img().suv, smooth)) {
                for (int click : c.clicks()) {
                    for (Connectivity conn : Connectivity.values()) {
                        for (double ball : new double[] {0, 12.0}) {
                            for (float[] range : ranges(values, click)) {
                                String what = c.name() + " click " + click + " " + conn + " ball " + ball + " range "
                                    + Arrays.toString(range);
                                Scratch sa = new Scratch();
                                Scratch sb = new Scratch();
                                byte[] ma = new byte[c.img().n];
                                byte[] mb = new byte[c.img().n];
                                int[] seeds = {click, neighbour(c.img(), click)};
                                int na = ReferenceHelpers.grow(c.img(), values, range[0], range[1], seeds, 2,
                                    ball > 0 ? click : -1, ball, conn, ma, sa);
                                int nb = RegionGrower.grow(c.img(), values, range[0], range[1], seeds, 2,
                                    ball > 0 ? click : -1, ball, conn, mb, sb);
                                assertThat(nb).as(what).isEqualTo(na);
                                assertThat(Arrays.mismatch(Arrays.copyOf(sb.ints(0, 0), nb), Arrays.copyOf(sa.ints(0, 0), na)))
                                    .as(what).isEqualTo(-1);
                                assertThat(Arrays.mismatch(mb, ma)).as(what).isEqualTo(-1);
                            }
                        }
                    }
                }
            }
        }
    }

    @Test
    void scanlineGrowsGiveTheGrownSetAndItsSize() {
        Random random = new Random(23);
        for (Case c : CASES) {
            WindowImage img = c.img();
            float[] smooth = Arrays.copyOf(img.smoothed(new Scratch()), img.n);
            for (float[] values : List.of(img.suv, smooth)) {
                for (int click : c.clicks()) {
                    for (float[] range : ranges(values, click)) {
                        // The click alone; with random seeds (some out of range, one repeated); into a mask
                        // already holding another grow.
                        int[] many = {click, random.nextInt(img.n), random.nextInt(img.n), click, neighbour(img, click)};
                        for (int[] seeds : List.of(new int[] {click}, many)) {
                            for (boolean prefilled : new boolean[] {false, true}) {
                                byte[] a = new byte[img.n];
                                byte[] b = new byte[img.n];
                                if (prefilled) {
                                    ReferenceHelpers.grow(img, values, 1.2f * values[click], Float.POSITIVE_INFINITY,
                                        new int[] {click}, 1, -1, 0, Connectivity.SIX, a, new Scratch());
                                    b = a.clone();
                                }
                                int na = ReferenceHelpers.grow(img, values, range[0], range[1], seeds, seeds.length, -1, 0,
                                    Connectivity.SIX, a, new Scratch());
                                int nb = new RangeFill().grow(img, values, range[0], range[1], seeds, seeds.length, b, new Scratch());
                                String what = c.name() + " range " + Arrays.toString(range) + " seeds " + seeds.length;
                                assertThat(nb).as(what).isEqualTo(na);
                                assertThat(Arrays.mismatch(b, a)).as(what).isEqualTo(-1);
                            }
                        }
                    }
                }
            }
        }
    }

    @Test
    void holeFillingIsBitIdentical() {
        Random random = new Random(11);
        for (Case c : CASES) {
            List<byte[]> masks = new ArrayList<>(grownMasks(c));
            byte[] noisy = new byte[c.img().n];
            for (int v = 0; v < noisy.length; v++) {
                noisy[v] = (byte) (random.nextDouble() < 0.6 ? 1 : 0);
            }
            masks.add(noisy);
            masks.add(new byte[c.img().n]);
            for (byte[] m : masks) {
                byte[] a = m.clone();
                byte[] b = m.clone();
                ReferenceHelpers.fill(c.img(), a, new Scratch());
                HoleFill.fill(c.img(), b, new Scratch());
                assertThat(Arrays.mismatch(b, a)).as(c.name()).isEqualTo(-1);
            }
        }
    }

    @Test
    void narrowCutsAreIdentical() {
        Random random = new Random(17);
        for (Case c : CASES) {
            WindowImage img = c.img();
            List<byte[]> masks = new ArrayList<>(grownMasks(c));
            byte[] noisy = new byte[img.n];
            for (int v = 0; v < noisy.length; v++) {
                noisy[v] = (byte) (random.nextDouble() < 0.8 ? 1 : 0);
            }
            masks.add(noisy);
            for (byte[] region : masks) {
                int[] inside = members(region);
                if (inside.length == 0) {
                    continue;
                }
                List<Integer> clicks = new ArrayList<>();
                for (int click : c.clicks()) {
                    clicks.add(click);
                }
                for (int r = 0; r < 6; r++) {
                    clicks.add(inside[random.nextInt(inside.length)]);
                }
                for (int click : clicks) {
                    // The region's own size, and one that makes the kept share too small.
                    for (int count : new int[] {inside.length, 6 * inside.length}) {
                        byte[] a = region.clone();
                        byte[] b = region.clone();
                        ReferenceHelpers.NarrowCutReference.apply(img, a, click, count, new Scratch());
                        NarrowCut.apply(img, b, click, count, new Scratch());
                        assertThat(Arrays.mismatch(b, a)).as(c.name() + " click " + click + " count " + count).isEqualTo(-1);
                    }
                }
            }
        }
    }

    @Test
    void geodesicSplitsAreBitIdentical() {
        Random random = new Random(5);
        for (Case c : CASES) {
            WindowImage img = c.img();
            float[] smooth = Arrays.copyOf(img.smoothed(new Scratch()), img.n);
            for (byte[] region : grownMasks(c).subList(0, 2)) {
                int[] inside = members(region);
                if (inside.length < 4) {
                    continue;
                }
                int click = c.clicks()[0];
                List<int[][]> seedSets = new ArrayList<>();
                // One exclude far from the click, several random ones, a shared include/exclude voxel, and a
                // "decided background" plane of excludes as stitching produces.
                seedSets.add(new int[][] {{click}, {farthest(img, inside, click)}});
                seedSets.add(new int[][] {{click, inside[random.nextInt(inside.length)]},
                    {inside[random.nextInt(inside.length)], inside[random.nextInt(inside.length)],
                        inside[random.nextInt(inside.length)]}});
                seedSets.add(new int[][] {{click}, {click, farthest(img, inside, click)}});
                seedSets.add(new int[][] {{click}, plane(img, inside, img.k(farthest(img, inside, click)))});
                for (int[][] seeds : seedSets) {
                    for (float[] values : List.of(img.suv, smooth)) {
                        for (double weight : new double[] {0, 20.0}) {
                            byte[] a = region.clone();
                            byte[] b = region.clone();
                            ReferenceHelpers.split(img, values, a, seeds[0], seeds[0].length, seeds[1], seeds[1].length,
                                4.5f, weight, 1.5, new Scratch());
                            GeodesicSplitter.split(img, values, b, seeds[0], seeds[0].length, seeds[1], seeds[1].length,
                                4.5f, weight, 1.5, new Scratch());
                            assertThat(Arrays.mismatch(b, a)).as(c.name() + " weight " + weight + " excludes " + seeds[1].length)
                                .isEqualTo(-1);
                        }
                    }
                }
            }
        }
    }

    /** Masks of realistic regions: the click's component above a few thresholds. */
    private static List<byte[]> grownMasks(Case c) {
        List<byte[]> masks = new ArrayList<>();
        for (int click : c.clicks()) {
            for (float[] range : ranges(c.img().suv, click)) {
                byte[] m = new byte[c.img().n];
                ReferenceHelpers.grow(c.img(), c.img().suv, range[0], range[1], new int[] {click}, 1, -1, 0,
                    Connectivity.SIX, m, new Scratch());
                masks.add(m);
            }
        }
        return masks;
    }

    private static List<float[]> ranges(float[] values, int click) {
        float x = values[click];
        return List.of(new float[] {0.41f * x, Float.POSITIVE_INFINITY}, new float[] {0.7f * x, 1.3f * x},
            new float[] {0.2f * x, Float.POSITIVE_INFINITY});
    }

    private static int neighbour(WindowImage img, int v) {
        return img.i(v) + 1 < img.w ? v + 1 : v;
    }

    private static int[] members(byte[] mask) {
        int count = 0;
        for (byte b : mask) {
            count += b != 0 ? 1 : 0;
        }
        int[] out = new int[count];
        int o = 0;
        for (int v = 0; v < mask.length; v++) {
            if (mask[v] != 0) {
                out[o++] = v;
            }
        }
        return out;
    }

    private static int farthest(WindowImage img, int[] inside, int from) {
        int best = inside[0];
        for (int v : inside) {
            if (img.distance2Mm(v, from) > img.distance2Mm(best, from)) {
                best = v;
            }
        }
        return best;
    }

    private static int[] plane(WindowImage img, int[] inside, int k) {
        int[] all = Arrays.stream(inside).filter(v -> img.k(v) == k).toArray();
        // At most ~32 of them (every n-th): enough to exercise many seeds, cheap for the reference.
        int every = Math.max(1, all.length / 32);
        return java.util.stream.IntStream.range(0, all.length).filter(q -> q % every == 0).map(q -> all[q]).toArray();
    }

    private static int[] bits(float[] a) {
        int[] b = new int[a.length];
        for (int v = 0; v < a.length; v++) {
            b[v] = Float.floatToRawIntBits(a[v]);
        }
        return b;
    }

    private static Case phantomCase(String name, PetVolume pet, Voxel centre, int size, Voxel click) {
        VolumeGeometry g = pet.geometry();
        int[] n = {g.nx(), g.ny(), g.nz()};
        int[] c = {centre.i(), centre.j(), centre.k()};
        int[] lo = new int[3];
        for (int a = 0; a < 3; a++) {
            lo[a] = Math.max(0, Math.min(n[a] - size, c[a] - size / 2));
        }
        Box window = new Box(lo[0], lo[1], lo[2], lo[0] + size, lo[1] + size, lo[2] + size);
        WindowImage img = WindowImage.read(pet, window, new Scratch());
        return new Case(name, img, new int[] {img.index(click)});
    }

    private static PetVolume synthetic(int nx, int ny, int nz, double sx, double sy, double sz, long seed) {
        VolumeGeometry g = VolumeGeometry.axisAligned(nx, ny, nz, sx, sy, sz, new double[3]);
        Random random = new Random(seed);
        double[][] blobs = new double[6][];
        for (int b = 0; b < blobs.length; b++) {
            blobs[b] = new double[] {random.nextInt(nx), random.nextInt(ny), random.nextInt(nz), 2 + 8 * random.nextDouble(),
                2 + 3 * random.nextDouble()};
        }
        float[] v = new float[nx * ny * nz];
        for (int k = 0; k < nz; k++) {
            for (int j = 0; j < ny; j++) {
                for (int i = 0; i < nx; i++) {
                    double x = 1.0 + 0.3 * random.nextGaussian();
                    for (double[] b : blobs) {
                        double r2 = (i - b[0]) * (i - b[0]) + (j - b[1]) * (j - b[1]) + (k - b[2]) * (k - b[2]);
                        x += b[3] * Math.exp(-r2 / (2 * b[4] * b[4]));
                    }
                    v[g.index(i, j, k)] = (float) x;
                }
            }
        }
        return new PetVolume(g, v, PetUnit.SUV_BW, null);
    }

    private static int hottest(PetVolume pet, Box box) {
        Voxel h = hottestIn(pet, box);
        return box.localIndex(h.i(), h.j(), h.k());
    }

    private static Voxel hottestIn(PetVolume pet, Box box) {
        VolumeGeometry g = pet.geometry();
        Voxel best = null;
        float max = Float.NEGATIVE_INFINITY;
        for (int k = box.k0(); k < box.k1(); k++) {
            for (int j = box.j0(); j < box.j1(); j++) {
                for (int i = box.i0(); i < box.i1(); i++) {
                    if (pet.voxels()[g.index(i, j, k)] > max) {
                        max = pet.voxels()[g.index(i, j, k)];
                        best = new Voxel(i, j, k);
                    }
                }
            }
        }
        return best;
    }
}
