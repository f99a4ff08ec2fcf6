package org.diffold.core.score.empirical;

import org.diffold.core.manifold.DataManifold;

/**
 * A (possibly estimated) nearest-point projection proj onto a manifold in R^D, evaluated on batches of rows
 * (docs/math.md §6). Immutable; scratch lives in one {@link Worker} per thread.
 */
public interface ManifoldProjection {
    /** Dimension D. */
    int dim();

    /** A new worker with its own scratch; use one per thread. */
    Worker worker();

    /** Per-thread projection state. */
    interface Worker {
        /** Writes proj(x_i) into rows [from, to) of {@code out} (must not alias x). */
        void project(double[] x, double[] out, int from, int to);
    }

    /** The exact projection of a known manifold. */
    static ManifoldProjection exact(DataManifold m) {
        int d = m.dim();
        return new ManifoldProjection() {
            @Override public int dim() { return d; }

            @Override
            public Worker worker() {
                return (x, out, from, to) -> {
                    for (int i = from; i < to; i++) m.project(x, i * d, out, i * d);
                };
            }
        };
    }
}
