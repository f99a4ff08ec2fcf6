package org.diffold.core.score;

import org.diffold.core.linalg.Subspace;
import org.diffold.core.process.NoiseLevel;

/**
 * A score s(x) = grad log p(x) of the noised law at a {@link NoiseLevel}, evaluated on batches.
 *
 * <p>Batches are flat row-major arrays of rows of length {@link #dim()}. Implementations are immutable and
 * thread-safe; scratch space lives in the {@link Evaluator}, one per thread, so evaluation allocates nothing.
 * Row i's result depends on row i alone, which keeps sampling bit-identical across batch sizes.
 */
public interface Score {
    /** Ambient dimension D. */
    int dim();

    /** A new evaluator with its own scratch space; use one per thread. */
    Evaluator evaluator();

    /** Rows samplers step together unless a score asks for more ({@link #chunkRows()}). */
    int DEFAULT_CHUNK_ROWS = 32;

    /**
     * Rows a sampler should hand to one {@link Evaluator#score} call for full speed: {@link #DEFAULT_CHUNK_ROWS},
     * or more for scores whose evaluation is one large matrix product per call (the empirical scores of
     * docs/math.md §6). Results never depend on it: a row's score depends on that row alone.
     */
    default int chunkRows() { return DEFAULT_CHUNK_ROWS; }

    /** Per-thread evaluation state. */
    interface Evaluator {
        /**
         * Writes s(x_i) into rows [from, to) of {@code out} for rows [from, to) of {@code x}.
         * {@code out} must not alias {@code x}.
         */
        void score(NoiseLevel level, double[] x, double[] out, int from, int to);

        /**
         * For scores of the form s(x) = c x + U g(U^T x) with one orthonormal U (the subspace targets): U, so a
         * sampler can fuse the lift into its row update ({@link Subspace#affineLiftRows}); null (the default) when
         * the score has no such form.
         */
        default Subspace liftSubspace() { return null; }

        /**
         * With {@link #liftSubspace()} non-null: writes g(U^T x_i) into g[(i - from) k ..) for rows [from, to) of x
         * and returns c, such that {@code axpyLift(c, x_i, g_i)} is exactly what {@link #score} writes.
         */
        default double liftTerms(NoiseLevel level, double[] x, int from, int to, double[] g) {
            throw new UnsupportedOperationException("this score has no subspace form");
        }

        /**
         * {@link #liftTerms} for a caller that already holds y_i = U^T x_i (the bits of
         * {@link Subspace#projectRows}) in ys[i k ..) for rows [0, rows): writes g_i into g[i k ..) (g may be ys)
         * and returns c.
         */
        default double liftTermsFromProjections(NoiseLevel level, double[] ys, int rows, double[] g) {
            throw new UnsupportedOperationException("this score has no subspace form");
        }
    }
}
