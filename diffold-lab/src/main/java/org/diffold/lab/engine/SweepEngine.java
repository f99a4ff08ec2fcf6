package org.diffold.lab.engine;

import java.util.List;

/**
 * Computes a sweep's missing cells somewhere (this process, a Spark cluster) and hands each result back to the
 * calling thread as it arrives, which alone writes the run store ({@link EngineSweep}).
 */
public interface SweepEngine extends AutoCloseable {

    /** Receives computed cells on the thread that called {@link #compute}. */
    @FunctionalInterface
    interface CellSink {
        /**
         * Takes one computed cell; an exception stops the engine's outstanding work and leaves {@link #compute}.
         *
         * @param result the cell's results
         */
        void accept(CellResult result);
    }

    /**
     * Returns a short description for reports and provenance, for example {@code local, 2 workers}.
     *
     * @return the description
     */
    String describe();

    /**
     * Computes cells, each group ({@link CellSpec#groups}) with one computation, and returns when every cell was
     * handed to the sink or a failure stopped the work. A failed task may be retried by the engine; the sink still
     * sees each cell at most once per call.
     *
     * @param recipe how the cells are computed
     * @param cells the cells, keys unique
     * @param sink receives every computed cell, in completion order
     * @throws RuntimeException the first failure that the engine could not retry
     */
    void compute(CellRecipe recipe, List<CellSpec> cells, CellSink sink);

    /** Releases the engine's threads or cluster connection. */
    @Override
    void close();
}
