package org.diffold.core.linalg;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs work on fixed contiguous ranges of [0, n) with one thread per range: range w of W is
 * [floor(n w / W), floor(n (w + 1) / W)), rounded to multiples of {@code align}. Results written per index are
 * therefore identical for any thread count. Exceptions from a worker are rethrown unchanged (the other ranges are
 * then interrupted).
 *
 * <p>The threads are daemon threads of one shared pool that keeps idle threads for {@link #IDLE_SECONDS}, so
 * repeated calls reuse them and their per-thread scratch (the kernels' thread-local buffers, OpenBLAS's own): on a
 * fresh thread the first OpenBLAS products of a block ran at half speed (measured: 240-300 ms against 140-150 ms for
 * a 256 x 784 x 16384 dgemm on each of 2 new threads). A range's result does not depend on which thread runs it.
 */
public final class Parallel {
    /** Work on one range; {@code worker} is the range's index. */
    @FunctionalInterface
    public interface RangeTask {
        /** Processes indices [from, to). */
        void run(int worker, int from, int to);
    }

    /** Seconds an idle pool thread is kept. */
    static final long IDLE_SECONDS = 60;

    private static final AtomicInteger IDS = new AtomicInteger();
    private static final ExecutorService POOL = new ThreadPoolExecutor(0, Integer.MAX_VALUE, IDLE_SECONDS, TimeUnit.SECONDS,
            new SynchronousQueue<>(), r -> {
                Thread t = new Thread(r, "diffold-worker-" + IDS.incrementAndGet());
                t.setDaemon(true);
                return t;
            });

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
        List<Future<?>> futures = new ArrayList<>();
        try {
            for (int w = 0; w < workers; w++) {
                int from = start(n, groups, workers, w, align), to = start(n, groups, workers, w + 1, align), id = w;
                futures.add(POOL.submit(() -> task.run(id, from, to)));
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
            for (Future<?> f : futures) f.cancel(true); // interrupts ranges still running after a failure; no-op once done
        }
    }

    /** First index of range w. */
    static int start(int n, int groups, int workers, int w, int align) {
        return (int) Math.min(n, (long) groups * w / workers * align);
    }
}
