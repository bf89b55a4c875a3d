package org.petal.ml.importing;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.petal.ml.io.VoxelSink;

/**
 * Hands voxel chunks to a second thread so decompression (the producer) and store writing plus MIP
 * accumulation (the consumer) overlap on two cores. Chunks are copied into a small pool of buffers, so
 * memory stays at a few chunks whatever the volume size. Call {@link #finish()} after the last chunk.
 */
final class PipelinedSink implements VoxelSink {

    private static final int BUFFERS = 4;

    private record Chunk(long first, float[] values, int count) {}

    private static final Chunk END = new Chunk(-1, new float[0], 0);

    private final VoxelSink target;
    private final BlockingQueue<Chunk> full = new ArrayBlockingQueue<>(BUFFERS);
    private final BlockingQueue<float[]> free = new ArrayBlockingQueue<>(BUFFERS);
    private final Thread consumer;
    private volatile Throwable failure;
    private int allocated;

    PipelinedSink(VoxelSink target) {
        this.target = target;
        this.consumer = new Thread(this::drain, "petal-import-writer");
        consumer.setDaemon(true);
        consumer.start();
    }

    @Override
    public void accept(long firstVoxel, float[] values, int count) throws IOException {
        rethrow();
        float[] buffer = take(count);
        System.arraycopy(values, 0, buffer, 0, count);
        put(new Chunk(firstVoxel, buffer, count));
    }

    /** Waits until every chunk is written; rethrows the writer's failure, if any. */
    void finish() throws IOException {
        if (consumer.isAlive()) {
            put(END);
        }
        try {
            consumer.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("import interrupted");
        }
        rethrow();
    }

    private void drain() {
        try {
            while (true) {
                Chunk chunk = full.take();
                if (chunk == END) {
                    return;
                }
                target.accept(chunk.first(), chunk.values(), chunk.count());
                free.put(chunk.values());
            }
        } catch (Throwable t) {
            failure = t;
            free.clear();
        }
    }

    private float[] take(int count) throws IOException {
        float[] buffer = free.poll();
        if (buffer == null && allocated < BUFFERS) {
            allocated++;
            return new float[count];
        }
        try {
            while (buffer == null) {
                rethrow();
                buffer = free.poll(100, java.util.concurrent.TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("import interrupted");
        }
        return buffer.length >= count ? buffer : new float[count];
    }

    private void put(Chunk chunk) throws IOException {
        try {
            while (!full.offer(chunk, 100, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                rethrow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("import interrupted");
        }
    }

    private void rethrow() throws IOException {
        Throwable t = failure;
        if (t instanceof IOException io) {
            throw io;
        }
        if (t instanceof RuntimeException re) {
            throw re;
        }
        if (t != null) {
            throw new IOException("store writer failed", t);
        }
    }
}
