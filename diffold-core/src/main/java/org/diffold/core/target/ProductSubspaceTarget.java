package org.diffold.core.target;

import java.util.SplittableRandom;
import org.diffold.core.linalg.Subspace;
import org.diffold.core.process.NoiseLevel;

/**
 * {@code product-subspace}: z ~ pi^{⊗k} with pi a 1-D Gaussian mixture, in a k-dimensional subspace
 * (docs/math.md §4.3). The score is separable: grad log q_t(y)_r = (log pi_t)'(y_r).
 */
public final class ProductSubspaceTarget extends SubspaceTarget {
    private final Mixture1D factor;

    /** The product of k copies of {@code factor} on the subspace. */
    public ProductSubspaceTarget(Subspace subspace, Mixture1D factor) {
        super("product-subspace", subspace);
        this.factor = factor;
    }

    /** The 1-D factor pi. */
    public Mixture1D factor() { return factor; }

    @Override
    protected void subspaceScore(NoiseLevel level, double[] y, double[] g, double[] scratch) {
        for (int r = 0; r < y.length; r++) g[r] = factor.score(level, y[r]);
    }

    @Override
    protected void sampleLatent(SplittableRandom rng, double[] z) {
        for (int r = 0; r < z.length; r++) z[r] = factor.sample(rng);
    }
}
