package org.diffold.core.dimension;

import org.diffold.core.knn.Neighbors;
import org.diffold.core.linalg.Parallel;
import org.hipparchus.special.Gamma;

/**
 * {@code ess}: expected simplex skewness, version a with 1-simplices (Johnsson, Soneson &amp; Fontes, IEEE TPAMI 37,
 * 2015), docs/math.md §8. For the vectors v_j = x_j - x from a point to its k nearest neighbours,
 * ess(x) = sum_{a&lt;b} |v_a| |v_b| sin(theta_ab) / sum_{a&lt;b} |v_a| |v_b|.
 * For any spherically symmetric law in R^m (so for the uniform law of a kNN ball around x) norms and directions are
 * independent and the ratio tends to E[sin theta] = Gamma(m/2)^2 / (Gamma((m+1)/2) Gamma((m-1)/2)) (Wallis integrals;
 * 0 for m = 1, 2/pi for m = 2). The pointwise estimate interpolates m linearly between the two reference values that
 * bracket ess(x) (capped at D); the global estimate is their mean. Centring at x rather than at the neighbourhood mean
 * keeps the v_j independent, so the reference values are exact (ours; the paper centres at the mean).
 */
public final class EssEstimator implements IntrinsicDimensionEstimator {
    /** Default neighbourhood size (ours). */
    public static final int DEFAULT_K = 20;
    private final int k;

    /** k >= 2 neighbours. */
    public EssEstimator(int k) {
        if (k < 2) throw new IllegalArgumentException("ess k must be >= 2, got " + k);
        this.k = k;
    }

    @Override public String name() { return "ess"; }
    @Override public int neighbors() { return k; }

    /** E[sin theta] for two independent uniform directions in R^m (m >= 1). */
    public static double reference(int m) {
        if (m < 1) throw new IllegalArgumentException("m must be >= 1, got " + m);
        if (m == 1) return 0;
        return Math.exp(2 * Gamma.logGamma(m / 2.0) - Gamma.logGamma((m + 1) / 2.0) - Gamma.logGamma((m - 1) / 2.0));
    }

    /** The fractional dimension whose reference value is {@code ess}, by linear interpolation in m, capped at maxDim. */
    static double invert(double ess, double[] ref, int maxDim) {
        for (int m = 1; m < maxDim; m++) {
            if (ess < ref[m + 1]) return m + Math.max(0, ess - ref[m]) / (ref[m + 1] - ref[m]);
        }
        return maxDim;
    }

    @Override
    public IdEstimate estimate(PointCloud cloud) {
        checkSize(cloud);
        Neighbors nb = cloud.neighbors(k);
        int n = cloud.n(), dim = cloud.dim();
        double[] x = cloud.data();
        double[] ref = new double[dim + 2];
        for (int m = 1; m <= dim + 1; m++) ref[m] = reference(m);
        double[] pw = new double[n];
        Parallel.forRanges(n, cloud.threads(), 1, (w, from, to) -> {
            double[][] v = new double[k][dim];
            double[] norm2 = new double[k];
            for (int i = from; i < to; i++) {
                for (int a = 0; a < k; a++) {
                    int o = nb.index(i, a) * dim, oi = i * dim;
                    double s = 0;
                    for (int j = 0; j < dim; j++) { double d = x[o + j] - x[oi + j]; v[a][j] = d; s += d * d; }
                    norm2[a] = s;
                }
                double num = 0, den = 0;
                for (int a = 0; a < k; a++) {
                    for (int b = 0; b < a; b++) {
                        double dot = 0;
                        double[] va = v[a], vb = v[b];
                        for (int j = 0; j < dim; j++) dot += va[j] * vb[j];
                        double pp = norm2[a] * norm2[b];
                        num += Math.sqrt(Math.max(0, pp - dot * dot));
                        den += Math.sqrt(pp);
                    }
                }
                pw[i] = invert(num / den, ref, dim);
            }
        });
        double sum = 0;
        for (double v : pw) sum += v;
        return new IdEstimate(name(), sum / n, pw);
    }
}
