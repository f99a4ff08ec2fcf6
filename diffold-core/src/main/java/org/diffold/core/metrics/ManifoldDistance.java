package org.diffold.core.metrics;

import org.diffold.core.linalg.Parallel;
import org.diffold.core.manifold.DataManifold;

/**
 * Fidelity (docs/math.md §6): the distance of each sample to the true manifold, through its nearest-point
 * projection (exact where the manifold has a closed form). Per-row results, so any thread count gives the same bits.
 */
public final class ManifoldDistance {
    private ManifoldDistance() {}

    /** Distances of the n rows of {@code x} to the manifold. */
    public static double[] distances(DataManifold m, double[] x, int n, int threads) {
        SampleSets.check("samples", x, n, m.dim(), 1);
        double[] out = new double[n];
        Parallel.forRanges(n, threads, 1, (w, from, to) -> {
            for (int i = from; i < to; i++) out[i] = m.distance(x, i * m.dim());
        });
        return out;
    }
}
