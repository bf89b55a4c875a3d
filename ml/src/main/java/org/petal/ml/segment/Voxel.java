package org.petal.ml.segment;

/** A voxel index {@code (i, j, k)} in a volume's grid. */
public record Voxel(int i, int j, int k) {

    @Override
    public String toString() {
        return "(" + i + ", " + j + ", " + k + ")";
    }
}
