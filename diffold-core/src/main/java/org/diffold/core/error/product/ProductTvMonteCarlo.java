package org.diffold.core.error.product;

import org.diffold.core.error.gaussian.ChiSquareSampler;
import org.diffold.core.error.propagation.GridDensity;

import java.util.SplittableRandom;
import org.diffold.core.process.NoiseLevel;
import org.diffold.core.random.RandomStreams;
import org.diffold.core.target.Mixture1D;

/**
 * Monte Carlo TV of a product sampler law against {@code product-subspace} (docs/math.md §4.3):
 * TV = E_target[(1 - q(Y)/p(Y))_+]. The k subspace coordinates' log ratio sum_r log(q_1(y_r) / p_1(y_r)) is drawn
 * once per sample (the expensive part, independent of D); each ambient dimension then adds the complement's
 * log ratio -(m/2) log(1 + r) + (u/2) chi^2_m, u = r / (1 + r) [derived from §4.2], with chi^2_m drawn directly,
 * so a new D costs O(1) per sample. Sample i uses stream i of the seed (target draws) and stream i of its child
 * "complement-radius" (chi-square draws). Immutable.
 */
public final class ProductTvMonteCarlo {
    private final double[] logRatioPar;
    private final long seed;

    /**
     * Draws {@code samples} target points on the k subspace coordinates and stores their log ratios.
     *
     * @param q the sampler's 1-D density (from {@link PropagatedError1D#density()})
     * @param factor the target factor pi; the target coordinate is c z + sigma eps at {@code out}
     */
    public ProductTvMonteCarlo(GridDensity q, Mixture1D factor, NoiseLevel out, int k, int samples, long seed) {
        if (k < 1) throw new IllegalArgumentException("k must be >= 1, got " + k);
        if (samples < 2) throw new IllegalArgumentException("Monte Carlo samples must be >= 2, got " + samples);
        this.seed = seed;
        this.logRatioPar = new double[samples];
        RandomStreams streams = new RandomStreams(seed);
        double c = out.c(), sd = Math.sqrt(out.sigma2());
        for (int i = 0; i < samples; i++) {
            SplittableRandom rng = streams.stream(i);
            double logRatio = 0;
            for (int r = 0; r < k; r++) {
                double y = c * factor.sample(rng) + sd * rng.nextGaussian();
                double qy = q.density(y);
                // q <= 0 only in the far tails at round-off level: the ratio is 0 there
                logRatio += qy > 0 ? Math.log(qy) - factor.logDensity(out, y) : Double.NEGATIVE_INFINITY;
            }
            logRatioPar[i] = logRatio;
        }
    }

    /** Number of samples n. */
    public int samples() { return logRatioPar.length; }

    /**
     * {TV estimate, standard error} with m >= 0 complement coordinates of relative variance error rPerp.
     */
    public double[] tv(int m, double rPerp) {
        if (m < 0) throw new IllegalArgumentException("complement dimension must be >= 0, got " + m);
        RandomStreams radius = new RandomStreams(seed).child("complement-radius");
        double logDet = m == 0 ? 0 : -0.5 * m * Math.log1p(rPerp), u = rPerp / (1 + rPerp);
        int n = logRatioPar.length;
        double sum = 0, sum2 = 0;
        for (int i = 0; i < n; i++) {
            double logRatio = logRatioPar[i];
            if (m > 0 && logRatio > Double.NEGATIVE_INFINITY) {
                logRatio += logDet + 0.5 * u * ChiSquareSampler.sample(radius.stream(i), m);
            }
            double v = logRatio >= 0 ? 0 : -Math.expm1(logRatio);
            sum += v;
            sum2 += v * v;
        }
        double mean = sum / n;
        double var = Math.max(0, (sum2 - n * mean * mean) / (n - 1));
        return new double[] {mean, Math.sqrt(var / n)};
    }
}
