package org.petal.ml.segment.suvgrow;

/**
 * Per-thread work buffers, reused between predictions: a 128³ window needs ~8 MB per float or int array,
 * and allocating (and zeroing) a handful of those on every click would cost more than the grow itself.
 * Contents are undefined on hand-out except where a method says otherwise.
 */
final class Scratch {

    private static final ThreadLocal<Scratch> LOCAL = ThreadLocal.withInitial(Scratch::new);

    private final float[][] floats = new float[4][];
    private final int[][] ints = new int[3][];
    private byte[] bytes;
    private byte[] bytes2;
    private int[] stamps = new int[0];
    private int generation;
    private final SpanFill spanFill = new SpanFill();
    private final RangeFill rangeFill = new RangeFill();
    private final GeodesicSplitter.Heap heap = new GeodesicSplitter.Heap();

    static Scratch get() {
        return LOCAL.get();
    }

    float[] floats(int slot, int size) {
        if (floats[slot] == null || floats[slot].length < size) {
            floats[slot] = new float[size];
        }
        return floats[slot];
    }

    int[] ints(int slot, int size) {
        if (ints[slot] == null || ints[slot].length < size) {
            ints[slot] = new int[size];
        }
        return ints[slot];
    }

    /** A zeroed byte array of at least {@code size}. */
    byte[] zeroBytes(int size) {
        if (bytes == null || bytes.length < size) {
            bytes = new byte[size];
        } else {
            java.util.Arrays.fill(bytes, 0, size, (byte) 0);
        }
        return bytes;
    }

    /** A second byte buffer of at least {@code size}, contents undefined (not the one {@link #zeroBytes} hands out). */
    byte[] bytes2(int size) {
        if (bytes2 == null || bytes2.length < size) {
            bytes2 = new byte[size];
        }
        return bytes2;
    }

    /**
     * Visit marks without clearing: a voxel is visited in the current pass when {@code stamps[v] == gen}
     * for the generation returned here.
     */
    int newGeneration(int size) {
        if (stamps.length < size) {
            stamps = new int[size];
            generation = 0;
        }
        if (++generation == Integer.MAX_VALUE) {
            java.util.Arrays.fill(stamps, 0);
            generation = 1;
        }
        return generation;
    }

    int[] stamps() {
        return stamps;
    }

    /** This thread's reusable scanline grow. */
    RangeFill rangeFill() {
        return rangeFill;
    }

    /** This thread's reusable scanline flood fill. */
    SpanFill spanFill() {
        return spanFill;
    }

    /** This thread's reusable priority queue for {@link GeodesicSplitter} (capacity kept between calls). */
    GeodesicSplitter.Heap heap() {
        return heap;
    }
}
