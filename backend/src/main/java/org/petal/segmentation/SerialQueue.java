package org.petal.segmentation;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one socket's requests one after another, in arrival order, on a shared pool: a click never
 * overtakes the click before it, and a slow engine call of one user never holds a thread of the
 * servlet container. At most {@code limit} requests wait or run; {@link #offer} refuses more.
 */
final class SerialQueue {

    private static final Logger log = LoggerFactory.getLogger(SerialQueue.class);

    private final Executor pool;
    private final int limit;
    private final Deque<Runnable> waiting = new ArrayDeque<>();
    private boolean running;
    /** Tasks waiting plus the one running. */
    private int pending;

    SerialQueue(Executor pool, int limit) {
        this.pool = pool;
        this.limit = limit;
    }

    /** Queues a request; false when {@code limit} are waiting or running already. */
    synchronized boolean offer(Runnable task) {
        if (pending >= limit) {
            return false;
        }
        enqueue(task);
        return true;
    }

    /** Queues regardless of the limit: for clean-up, which must run after whatever is queued. */
    synchronized void force(Runnable task) {
        enqueue(task);
    }

    private void enqueue(Runnable task) {
        waiting.add(task);
        pending++;
        if (!running) {
            running = true;
            try {
                pool.execute(this::drain);
            } catch (RejectedExecutionException e) {
                running = false;  // shutting down: nothing more will run
                waiting.clear();
                pending = 0;
            }
        }
    }

    private void drain() {
        while (true) {
            Runnable next;
            synchronized (this) {
                next = waiting.poll();
                if (next == null) {
                    running = false;
                    return;
                }
            }
            try {
                next.run();
            } catch (RuntimeException e) {
                log.error("a queued socket request failed", e);  // tasks answer their own errors; this is a bug
            } finally {
                synchronized (this) {
                    pending--;
                }
            }
        }
    }
}
