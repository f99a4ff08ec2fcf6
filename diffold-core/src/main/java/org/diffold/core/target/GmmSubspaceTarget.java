package org.diffold.core.target;

import java.util.SplittableRandom;
import org.diffold.core.linalg.Subspace;
import org.diffold.core.process.NoiseLevel;

/**
 * {@code gmm-subspace}: z ~ sum_j w_j N(mu_j, lambda I_k) in a k-dimensional subspace (docs/math.md §5):
 * with m_t = lambda abar + 1 - abar and pi_j ∝ w_j exp(-|y - c mu_j|^2 / (2 m_t)) (log-sum-exp),
 * grad log q_t(y) = -sum_j pi_j (y - c mu_j) / m_t; components with pi_j below e^-40 of the largest are skipped.
 */
public final class GmmSubspaceTarget extends SubspaceTarget {
    /** Default number of components (ours). */
    public static final int DEFAULT_COMPONENTS = 16;
    /** Default component variance lambda (ours). */
    public static final double DEFAULT_LAMBDA = 0.1;
    /** Components whose log weight lies this far below the largest are skipped (docs/math.md §9) [ours]. */
    static final double PRUNE = -40;
    private final int components;
    private final double[] logW;
    private final double[] mu; // components x k
    private final double lambda;

    /** Weights (positive), means (components x k, row-major), lambda > 0. */
    public GmmSubspaceTarget(Subspace subspace, double[] weights, double[] means, double lambda) {
        super("gmm-subspace", subspace);
        int k = subspace.k();
        components = weights.length;
        if (components < 1 || means.length != components * k) {
            throw new IllegalArgumentException("gmm needs >= 1 component and means of length components*k = "
                    + components * k + ", got " + means.length);
        }
        if (!(lambda > 0) || Double.isInfinite(lambda)) throw new IllegalArgumentException("lambda must be > 0, got " + lambda);
        double sum = 0;
        for (double w : weights) {
            if (!(w > 0)) throw new IllegalArgumentException("gmm weights must be > 0, got " + w);
            sum += w;
        }
        logW = new double[components];
        for (int j = 0; j < components; j++) logW[j] = Math.log(weights[j] / sum);
        mu = means.clone();
        this.lambda = lambda;
    }

    /** Equal weights, means drawn i.i.d. N(0, 1) per coordinate from {@code rng}. */
    public static GmmSubspaceTarget random(Subspace subspace, int components, double lambda, SplittableRandom rng) {
        if (components < 1) throw new IllegalArgumentException("components must be >= 1, got " + components);
        double[] w = new double[components];
        java.util.Arrays.fill(w, 1.0);
        double[] m = new double[components * subspace.k()];
        for (int i = 0; i < m.length; i++) m[i] = rng.nextGaussian();
        return new GmmSubspaceTarget(subspace, w, m, lambda);
    }

    /** Number of mixture components. */
    public int components() { return components; }

    @Override
    protected int scratchSize() { return components; }

    @Override
    protected void subspaceScore(NoiseLevel level, double[] y, double[] g, double[] logits) {
        int k = y.length;
        double c = level.c();
        double m = lambda * level.alphaBar() + level.sigma2();
        double inv2m = 0.5 / m;
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < components; j++) {
            double d2 = 0;
            for (int r = 0, o = j * k; r < k; r++) {
                double d = y[r] - c * mu[o + r];
                d2 += d * d;
            }
            logits[j] = logW[j] - d2 * inv2m;
            if (logits[j] > max) max = logits[j];
        }
        double den = 0;
        for (int r = 0; r < k; r++) g[r] = 0;
        for (int j = 0; j < components; j++) {
            double t = logits[j] - max;
            if (t < PRUNE) continue; // weighs under e^-40 of the largest term: below the sums' rounding
            double e = Math.exp(t);
            den += e;
            for (int r = 0, o = j * k; r < k; r++) g[r] += e * mu[o + r];
        }
        // grad log q = -(y - c * E[mu | y]) / m
        double scale = c / den;
        for (int r = 0; r < k; r++) g[r] = -(y[r] - scale * g[r]) / m;
    }

    @Override
    protected void sampleLatent(SplittableRandom rng, double[] z) {
        double u = rng.nextDouble(), acc = 0;
        int j = components - 1;
        for (int i = 0; i < components; i++) {
            acc += Math.exp(logW[i]);
            if (u < acc) { j = i; break; }
        }
        double sd = Math.sqrt(lambda);
        for (int r = 0; r < z.length; r++) z[r] = mu[j * z.length + r] + sd * rng.nextGaussian();
    }
}
