package org.diffold.core.target;

import java.util.SplittableRandom;
import org.diffold.core.linalg.Subspace;
import org.diffold.core.process.NoiseLevel;

/**
 * {@code gaussian-subspace}: z ~ N(0, lambda I_k) in a k-dimensional subspace (docs/math.md §4.2, §5).
 * grad log q_t(y) = -y / m_t with m_t = lambda abar + 1 - abar.
 */
public final class GaussianSubspaceTarget extends SubspaceTarget {
    /** Default per-coordinate variance lambda (ours). */
    public static final double DEFAULT_LAMBDA = 1.0;
    private final double lambda;

    /** lambda > 0. */
    public GaussianSubspaceTarget(Subspace subspace, double lambda) {
        super("gaussian-subspace", subspace);
        if (!(lambda > 0) || Double.isInfinite(lambda)) throw new IllegalArgumentException("lambda must be > 0, got " + lambda);
        this.lambda = lambda;
    }

    /** Per-coordinate variance lambda of z. */
    public double lambda() { return lambda; }

    /** m_t = lambda abar + sigma^2, the in-subspace variance at the level. */
    public double noisedVariance(NoiseLevel level) { return lambda * level.alphaBar() + level.sigma2(); }

    @Override
    protected void subspaceScore(NoiseLevel level, double[] y, double[] g, double[] scratch) {
        double inv = 1 / noisedVariance(level);
        for (int r = 0; r < y.length; r++) g[r] = -y[r] * inv;
    }

    @Override
    protected void sampleLatent(SplittableRandom rng, double[] z) {
        double sd = Math.sqrt(lambda);
        for (int r = 0; r < z.length; r++) z[r] = sd * rng.nextGaussian();
    }
}
