package org.petal.ml.volume;

import java.util.Objects;

/**
 * Integer labels on a voxel grid (0 = background). Values are unsigned 16-bit held in a {@code short[]};
 * {@link #dataType()} records whether they fit and should be written as uint8.
 */
public final class LabelVolume {

    public enum DataType { UINT8, UINT16 }

    private final VolumeGeometry geometry;
    private final short[] labels;

    public LabelVolume(VolumeGeometry geometry, short[] labels) {
        this.geometry = Objects.requireNonNull(geometry);
        this.labels = Objects.requireNonNull(labels);
        if (labels.length != geometry.voxelCount()) {
            throw new IllegalArgumentException("label array holds " + labels.length + " values, geometry needs " + geometry.voxelCount());
        }
    }

    public static LabelVolume empty(VolumeGeometry geometry) {
        return new LabelVolume(geometry, new short[Math.toIntExact(geometry.voxelCount())]);
    }

    public VolumeGeometry geometry() { return geometry; }

    /** The backing array, {@code i} fastest; read values with {@code & 0xFFFF}. */
    public short[] labels() { return labels; }

    public int get(int i, int j, int k) {
        return labels[geometry.index(i, j, k)] & 0xFFFF;
    }

    public int get(int index) {
        return labels[index] & 0xFFFF;
    }

    public void set(int i, int j, int k, int label) {
        if (label < 0 || label > 0xFFFF) {
            throw new IllegalArgumentException("label out of uint16 range: " + label);
        }
        labels[geometry.index(i, j, k)] = (short) label;
    }

    public int maxLabel() {
        int max = 0;
        for (short s : labels) {
            max = Math.max(max, s & 0xFFFF);
        }
        return max;
    }

    public DataType dataType() {
        return maxLabel() <= 0xFF ? DataType.UINT8 : DataType.UINT16;
    }

    public long count(int label) {
        long n = 0;
        for (short s : labels) {
            if ((s & 0xFFFF) == label) {
                n++;
            }
        }
        return n;
    }
}
