package org.diffold.core.sampler;

import java.util.function.Supplier;
import org.diffold.core.linalg.Parallel;

/**
 * Runs fixed row chunks over a few threads, one worker state per thread. Chunks are assigned in contiguous blocks
 * ({@link Parallel#forRanges}) and each chunk's result depends on its rows alone, so the output does not depend on the
 * thread count.
 */
final class ChunkRunner {
    /** Work on one chunk with a per-thread worker state. */
    interface ChunkTask<W> {
        void run(W worker, int chunk);
    }

    private ChunkRunner() {}

    static <W> void run(int chunks, int threads, Supplier<W> workers, ChunkTask<W> task) {
        Parallel.forRanges(chunks, threads, 1, (id, from, to) -> {
            W w = workers.get();
            for (int c = from; c < to; c++) task.run(w, c);
        });
    }
}
