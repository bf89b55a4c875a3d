package org.petal.ml.segment;

/**
 * A click: {@code include} adds the structure under it to the object, an exclude click removes what is
 * under it.
 */
public record PointPrompt(Voxel voxel, boolean include) {

    public static PointPrompt include(int i, int j, int k) {
        return new PointPrompt(new Voxel(i, j, k), true);
    }

    public static PointPrompt exclude(int i, int j, int k) {
        return new PointPrompt(new Voxel(i, j, k), false);
    }
}
