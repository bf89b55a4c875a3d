package org.petal.ml.morph;

import org.petal.ml.segment.Box;

/**
 * Surface voxels: voxels of a mask with at least one of their 6 face neighbours outside the mask. The volume
 * border counts as outside, so a mask touching the border has a surface there (as with a binary erosion whose
 * border value is background, which is what MONAI's and scipy-based surface metrics do).
 */
public final class Surface {

    private static final int[][] FACES = Connectivity.SIX.offsets();

    private Surface() {}

    public static BinaryMask of(BinaryMask mask) {
        Box bbox = mask.boundingBox();
        if (bbox.isEmpty()) {
            return new BinaryMask(mask.geometry(), Box.EMPTY);
        }
        Box box = bbox.grow(1);
        int w = box.width(), h = box.height(), d = box.depth();
        boolean[] in = mask.toArray(box);
        boolean[] surface = new boolean[in.length];
        for (int k = 1; k < d - 1; k++) {
            for (int j = 1; j < h - 1; j++) {
                for (int i = 1; i < w - 1; i++) {
                    int n = i + w * (j + h * k);
                    if (!in[n]) {
                        continue;
                    }
                    for (int[] o : FACES) {
                        if (!in[n + o[0] + w * (o[1] + h * o[2])]) {
                            surface[n] = true;
                            break;
                        }
                    }
                }
            }
        }
        // Store over the mask's bounding box: the padding ring never holds surface voxels.
        BinaryMask padded = BinaryMask.fromArray(mask.geometry(), box.intersect(Box.of(mask.geometry())), crop(surface, box, box.intersect(Box.of(mask.geometry()))));
        return padded;
    }

    private static boolean[] crop(boolean[] flags, Box from, Box to) {
        boolean[] out = new boolean[Math.toIntExact(to.voxelCount())];
        for (int k = to.k0(); k < to.k1(); k++) {
            for (int j = to.j0(); j < to.j1(); j++) {
                System.arraycopy(flags, from.localIndex(to.i0(), j, k), out, to.localIndex(to.i0(), j, k), to.width());
            }
        }
        return out;
    }
}
