package org.petal.ml.segment.suvgrow;

import java.util.Arrays;
import org.petal.ml.morph.DistanceTransform;

/**
 * Parts an organ's first grow from a much thicker structure it ran into. Two organs of the same uptake that
 * touch are one region to a threshold (the right kidney, whose upper pole lies against the liver at the
 * liver's own SUV, grew 28,000 liver voxels in 4 of 20 phantoms), and the contact is often too broad for
 * {@link NarrowCut}. What still tells them apart is thickness: the first click sits in the middle of its
 * organ, so the region's depth there (distance to its border) is the organ's half-thickness D. Region
 * voxels deeper than {@link #THICKER} × D cannot belong to that organ; they seed a competitive geodesic split
 * ({@link GeodesicSplitter}, path length weighted by SUV steps) against the click, and the thick neighbour
 * keeps every voxel it reaches first. Thin structures attached to the organ (vessels, a rim) are not deep
 * enough to seed anything and stay.
 *
 * <p>Depth is measured on a grid of about {@link #GRID_MM} mm (block majority, enclosed holes filled, so noise
 * pits in the region do not make the click look shallow); at 2 mm that is one eighth of the voxels, enough to
 * judge organ-scale thickness. The result depends only on the first click's rule and the window, so the
 * session remembers it ({@link SuvGrowState}) and later clicks pay nothing.
 */
final class ThickNeighbourSplit {

    /** A region part this many times deeper than the click's own depth is another structure. */
    static final double THICKER = 2.0;
    static final double GRID_MM = 4.0;

    private static final int[] NONE = new int[0];

    private ThickNeighbourSplit() {}

    /**
     * The voxels (window indices, ascending) that the split gives to a thick neighbour of the clicked
     * structure; {@code region} (the first click's grow) is left unchanged.
     */
    static int[] territory(WindowImage img, float[] values, byte[] region, int click, float scale, double weight,
                           Scratch scratch) {
        int[] seeds = cores(img, region, click);
        if (seeds.length == 0) {
            return NONE;
        }
        byte[] kept = region.clone();
        GeodesicSplitter.split(img, values, kept, new int[] {click}, 1, seeds, seeds.length, scale, weight,
            Double.POSITIVE_INFINITY, scratch);
        int removed = 0;
        for (int v = 0; v < img.n; v++) {
            if (region[v] != 0 && kept[v] == 0) {
                removed++;
            }
        }
        int[] out = new int[removed];
        for (int v = 0, q = 0; v < img.n; v++) {
            if (region[v] != 0 && kept[v] == 0) {
                out[q++] = v;
            }
        }
        return out;
    }

    /**
     * The cores of thick neighbours: region voxels (window indices, one per coarse cell) deeper than
     * {@link #THICKER} times the click's own depth; empty when there are none or the click is not inside.
     */
    static int[] cores(WindowImage img, byte[] region, int click) {
        if (click < 0 || region[click] == 0) {
            return NONE;
        }
        int[] box = MaskBox.of(img, region);
        Grid grid = Grid.coarse(img, box, region, click);
        double clickDepth2 = grid.depth2[grid.cell(img.i(click), img.j(click), img.k(click))];
        if (clickDepth2 == 0) {
            return NONE;  // the click's cell is not inside: no depth to compare with
        }
        double core2 = THICKER * THICKER * clickDepth2;
        int[] seeds = new int[64];
        int count = 0;
        for (int c = 0; c < grid.depth2.length; c++) {
            if (!grid.outside[c] && grid.depth2[c] >= core2) {
                int v = grid.centreVoxel(c);
                if (v >= 0 && region[v] != 0) {
                    seeds = count < seeds.length ? seeds : Arrays.copyOf(seeds, 2 * count);
                    seeds[count++] = v;
                }
            }
        }
        return Arrays.copyOf(seeds, count);
    }

    /**
     * The greatest depth (mm, distance to the border on the coarse grid) of what the split leaves of
     * {@code region}: the thickness scale of the clicked structure once its thick neighbour is gone.
     */
    static double keptDepthMm(WindowImage img, byte[] region, int[] territory, int click, Scratch scratch) {
        byte[] kept = region.clone();
        remove(img, kept, territory, click, scratch);
        int[] box = MaskBox.of(img, kept);
        Grid grid = new Grid(img, box, 1);
        grid.measure(kept);
        float max = 0;
        for (float d2 : grid.depth2) {
            max = Math.max(max, d2);
        }
        return Math.sqrt(max);
    }

    /** Clears the territory from {@code mask} and keeps what is still connected to the click. */
    static void remove(WindowImage img, byte[] mask, int[] territory, int click, Scratch scratch) {
        if (territory.length == 0 || click < 0) {
            return;
        }
        for (int v : territory) {
            mask[v] = 0;
        }
        mask[click] = 1;
        GeodesicSplitter.keepConnected(img, mask, new int[] {click}, 1, scratch);
    }

    /**
     * The region's bounding box on a coarser grid, with a ring of outside cells: a cell is inside when at
     * least half of its voxels are, and enclosed outside cells (holes) count as inside.
     */
    private static final class Grid {
        final WindowImage img;
        final int[] box;
        final int si;
        final int sj;
        final int sk;
        final int w;
        final int h;
        final int d;
        final double[] spacing;
        boolean[] outside;

        /** Cells a grid may have before a coarser one is tried first (an EDT of 40 k cells takes about 1 ms). */
        private static final int CELLS = 40_000;
        /** A click at least this many cells deep is measured well enough on the coarser grid. */
        private static final int DEEP_CELLS = 4;

        float[] depth2;

        /**
         * The grid for a region: a large, deep region (a liver at 2 mm) is judged on a grid coarse enough to
         * hold about {@link #CELLS} cells; a thin one (a myocardial wall) falls back to the {@link #GRID_MM} grid.
         */
        static Grid coarse(WindowImage img, int[] box, byte[] region, int click) {
            Grid fine = new Grid(img, box, 1);
            double cells = (double) fine.w * fine.h * fine.d;
            int factor = (int) Math.ceil(Math.cbrt(cells / CELLS));
            if (factor > 1) {
                Grid grid = new Grid(img, box, factor);
                grid.measure(region);
                double deep = DEEP_CELLS * Math.max(grid.spacing[0], Math.max(grid.spacing[1], grid.spacing[2]));
                if (grid.depth2[grid.cell(img.i(click), img.j(click), img.k(click))] >= deep * deep) {
                    return grid;
                }
            }
            fine.measure(region);
            return fine;
        }

        Grid(WindowImage img, int[] box, int factor) {
            this.img = img;
            this.box = box;
            si = factor * step(img.sx);
            sj = factor * step(img.sy);
            sk = factor * step(img.sz);
            w = (box[3] - box[0]) / si + 3;
            h = (box[4] - box[1]) / sj + 3;
            d = (box[5] - box[2]) / sk + 3;
            spacing = new double[] {si * img.sx, sj * img.sy, sk * img.sz};
        }

        private void measure(byte[] region) {
            fill(region);
            depth2 = DistanceTransform.squaredToFeatures(outside, w, h, d, spacing);
        }

        private static int step(double spacingMm) {
            return Math.max(1, (int) Math.round(GRID_MM / spacingMm));
        }

        /** The voxel coordinate at the centre of cell {@code cell} along one axis (clipped to the box). */
        private static int centre(int cell, int lo, int hi, int step) {
            return Math.min(hi, lo + (cell - 1) * step + step / 2);
        }

        /** The cell holding window voxel (i, j, k); cells start one ring in from the grid's border. */
        int cell(int i, int j, int k) {
            return ((i - box[0]) / si + 1) + w * (((j - box[1]) / sj + 1) + h * ((k - box[2]) / sk + 1));
        }

        /** The window voxel nearest the centre of cell c (clipped to the box), or −1 for a ring cell. */
        int centreVoxel(int c) {
            int ci = c % w - 1;
            int cj = (c / w) % h - 1;
            int ck = c / (w * h) - 1;
            if (ci < 0 || cj < 0 || ck < 0 || ci >= w - 2 || cj >= h - 2 || ck >= d - 2) {
                return -1;
            }
            return img.index(centre(ci + 1, box[0], box[3], si), centre(cj + 1, box[1], box[4], sj),
                centre(ck + 1, box[2], box[5], sk));
        }

        void fill(byte[] region) {
            // A cell is inside when the voxel at its centre is: enough to judge thickness at this scale, and
            // a noise pit that hits a centre is an enclosed hole, filled below.
            boolean[] inside = new boolean[w * h * d];
            outside = new boolean[inside.length];
            int[] queue = new int[inside.length];
            int tail = 0;
            int plane = w * h;
            for (int k = 0; k < d; k++) {
                for (int j = 0; j < h; j++) {
                    for (int i = 0; i < w; i++) {
                        int c = i + w * j + plane * k;
                        if (i == 0 || j == 0 || k == 0 || i == w - 1 || j == h - 1 || k == d - 1) {
                            outside[c] = true;  // the ring: never queued, so queued cells have six neighbours
                            continue;
                        }
                        int x = img.index(centre(i, box[0], box[3], si), centre(j, box[1], box[4], sj),
                            centre(k, box[2], box[5], sk));
                        inside[c] = region[x] != 0;
                        if (!inside[c] && (i == 1 || j == 1 || k == 1 || i == w - 2 || j == h - 2 || k == d - 2)) {
                            outside[c] = true;
                            queue[tail++] = c;
                        }
                    }
                }
            }
            // Outside: cells reachable from the ring through cells that are not inside (6-connected).
            int[] step = {1, -1, w, -w, plane, -plane};
            for (int head = 0; head < tail; head++) {
                int c = queue[head];
                for (int s : step) {
                    int u = c + s;
                    if (!outside[u] && !inside[u]) {
                        outside[u] = true;
                        queue[tail++] = u;
                    }
                }
            }
        }
    }
}
