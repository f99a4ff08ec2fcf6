package org.diffold.core.linalg;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs work on fixed contiguous ranges of [0, n) with one daemon thread per range: range w of W is
 * [floor(n w / W), floor(n (w + 1) / W)), rounded to multiples of {@code align}. Results written per index are
 * therefore identical for any thread count. Exceptions from a worker are rethrown unchanged.
 */
public final class Parallel {
    /** Work on one range; {@code worker} is the range's index. */
    @FunctionalInterface
    public interface RangeTask {
        /** Processes indices [from, to). */
        void run(int worker, int from, int to);
    }

    private Parallel() {}

    /** Runs {@code task} on min(threads, ceil(n / align)) ranges; on the calling thread when that is one range. */
    public static void forRanges(int n, int threads, int align, RangeTask task) {
        if (threads < 1) throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        if (align < 1) throw new IllegalArgumentException("align must be >= 1, got " + align);
        int groups = (n + align - 1) / align;
        int workers = Math.max(1, Math.min(threads, groups));
        if (workers == 1) {
            task.run(0, 0, n);
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "diffold-worker");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                int from = start(n, groups, workers, w, align), to = start(n, groups, workers, w + 1, align), id = w;
                futures.add(pool.submit(() -> task.run(id, from, to)));
            }
            for (Future<?> f : futures) f.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) throw re;
            if (cause instanceof Error err) throw err;
            throw new IllegalStateException(cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("parallel work interrupted", e);
        } finally {
            pool.shutdownNow();
        }
    }

    /** First index of range w. */
    static int start(int n, int groups, int workers, int w, int align) {
        return (int) Math.min(n, (long) groups * w / workers * align);
    }
}
