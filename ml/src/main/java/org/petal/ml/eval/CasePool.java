package org.petal.ml.eval;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.petal.ml.dataset.DatasetCase;

/**
 * Runs one task per case on a fixed pool and gathers the rows in case order; an I/O failure of any case
 * fails the whole run with that case's exception.
 */
final class CasePool {

    /** One case's work. */
    interface CaseTask<R> {
        List<R> run(DatasetCase c) throws IOException;
    }

    private CasePool() {}

    static <R> List<R> map(List<DatasetCase> cases, int threads, CaseTask<R> task) throws IOException {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
        try {
            List<Future<List<R>>> futures = new ArrayList<>();
            for (DatasetCase c : cases) {
                futures.add(pool.submit(() -> task.run(c)));
            }
            List<R> rows = new ArrayList<>();
            for (Future<List<R>> f : futures) {
                rows.addAll(get(f));
            }
            return rows;
        } finally {
            pool.shutdownNow();
        }
    }

    private static <R> List<R> get(Future<List<R>> f) throws IOException {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IllegalStateException("a case failed: " + e.getCause(), e.getCause());
        }
    }
}
