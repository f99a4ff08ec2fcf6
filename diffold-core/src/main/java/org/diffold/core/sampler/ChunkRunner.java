package org.diffold.core.sampler;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * Runs fixed row chunks over a few threads, one worker state per thread. Chunks are assigned in contiguous blocks
 * and each chunk's result depends on its rows alone, so the output does not depend on the thread count.
 */
final class ChunkRunner {
    /** Work on one chunk with a per-thread worker state. */
    interface ChunkTask<W> {
        void run(W worker, int chunk);
    }

    private ChunkRunner() {}

    static <W> void run(int chunks, int threads, Supplier<W> workers, ChunkTask<W> task) {
        if (threads < 1) throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        if (threads == 1 || chunks <= 1) {
            W w = workers.get();
            for (int c = 0; c < chunks; c++) task.run(w, c);
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, chunks), r -> {
            Thread t = new Thread(r, "diffold-sampler");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            int per = (chunks + threads - 1) / threads;
            for (int start = 0; start < chunks; start += per) {
                int s0 = start, s1 = Math.min(chunks, start + per);
                futures.add(pool.submit(() -> {
                    W w = workers.get();
                    for (int c = s0; c < s1; c++) task.run(w, c);
                }));
            }
            for (Future<?> f : futures) f.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) throw re;
            if (cause instanceof Error err) throw err;
            throw new IllegalStateException(cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("sampling interrupted", e);
        } finally {
            pool.shutdownNow();
        }
    }
}
