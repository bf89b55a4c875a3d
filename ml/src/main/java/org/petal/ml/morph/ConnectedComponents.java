package org.petal.ml.morph;

import java.util.ArrayList;
import java.util.List;
import org.petal.ml.segment.Box;
import org.petal.ml.segment.Voxel;

/** Labels the connected components of a mask by breadth-first flood fill over its bounding box. */
public final class ConnectedComponents {

    private ConnectedComponents() {}

    public static Components of(BinaryMask mask, Connectivity connectivity) {
        Box box = mask.boundingBox();
        int w = box.width(), h = box.height(), d = box.depth();
        boolean[] in = mask.toArray(box);
        int[] labels = new int[in.length];
        int[][] offsets = connectivity.offsets();
        List<Integer> sizes = new ArrayList<>();
        List<Box> boxes = new ArrayList<>();
        List<Voxel> firsts = new ArrayList<>();
        int[] queue = new int[Math.max(1, (int) mask.count())];
        int next = 0;
        for (int seed = 0; seed < in.length; seed++) {
            if (!in[seed] || labels[seed] != 0) {
                continue;
            }
            int c = ++next;
            int head = 0, tail = 0;
            queue[tail++] = seed;
            labels[seed] = c;
            int[] lo = {w, h, d};
            int[] hi = {-1, -1, -1};
            while (head < tail) {
                int n = queue[head++];
                int i = n % w, j = (n / w) % h, k = n / (w * h);
                lo[0] = Math.min(lo[0], i); lo[1] = Math.min(lo[1], j); lo[2] = Math.min(lo[2], k);
                hi[0] = Math.max(hi[0], i); hi[1] = Math.max(hi[1], j); hi[2] = Math.max(hi[2], k);
                for (int[] o : offsets) {
                    int ni = i + o[0], nj = j + o[1], nk = k + o[2];
                    if (ni < 0 || nj < 0 || nk < 0 || ni >= w || nj >= h || nk >= d) {
                        continue;
                    }
                    int m = ni + w * (nj + h * nk);
                    if (in[m] && labels[m] == 0) {
                        labels[m] = c;
                        queue[tail++] = m;
                    }
                }
            }
            sizes.add(tail);
            boxes.add(new Box(box.i0() + lo[0], box.j0() + lo[1], box.k0() + lo[2],
                box.i0() + hi[0] + 1, box.j0() + hi[1] + 1, box.k0() + hi[2] + 1));
            firsts.add(new Voxel(box.i0() + seed % w, box.j0() + (seed / w) % h, box.k0() + seed / (w * h)));
        }
        return new Components(mask.geometry(), box, labels, sizes.stream().mapToInt(Integer::intValue).toArray(),
            boxes.toArray(Box[]::new), firsts.toArray(Voxel[]::new));
    }
}
