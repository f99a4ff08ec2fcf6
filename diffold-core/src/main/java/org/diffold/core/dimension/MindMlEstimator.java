package org.diffold.core.dimension;

import org.diffold.core.knn.Neighbors;

/**
 * {@code mind-ml}: MiND_MLk, the minimum-neighbour-distance maximum-likelihood estimator (Rozza, Lombardi, Ceruti,
 * Casiraghi &amp; Campadelli, Machine Learning 89, 2012), docs/math.md §8.1. With rho_i = r_1(x_i) / r_{k+1}(x_i), the
 * ratio of the distances to the nearest and the (k+1)-th neighbour, rho^d ~ Beta(1, k) under local uniformity, so
 * rho has density k d r^{d-1} (1 - r^d)^{k-1} and the estimate maximises the log-likelihood
 * L(d) = sum_i [log(k d) + (d-1) log rho_i + (k-1) log(1 - rho_i^d)] over d &gt; 0 (L is concave; its root of
 * L'(d) = n/d + sum log rho_i - (k-1) sum rho_i^d log rho_i / (1 - rho_i^d) is found by bisection). Global only.
 *
 * <p>Unlike scikit-dimension, which bounds the maximiser by its parameter D = 10 (so every estimate above 10 reads
 * 10), the search range here is (0, 10^4): the estimate is the likelihood's maximiser.
 */
public final class MindMlEstimator extends KnnEstimator {
    /** Default neighbourhood size (scikit-dimension's k = 20). */
    public static final int DEFAULT_K = 20;

    /** k >= 2: rho uses the nearest and the (k+1)-th neighbour. */
    public MindMlEstimator(int k) {
        super("mind-ml", k);
    }

    @Override public int neighbors() { return k + 1; }

    @Override
    public IdEstimate estimate(PointCloud cloud) {
        checkSize(cloud);
        Neighbors nb = cloud.neighbors(k + 1);
        return IdEstimate.global(name(), maximiser(logRho(nb, cloud.n(), k), k));
    }

    /** log rho_i = log(r_1(x_i) / r_{k+1}(x_i)) from neighbour lists at least k+1 deep. */
    static double[] logRho(Neighbors nb, int n, int k) {
        double[] out = new double[n];
        for (int i = 0; i < n; i++) out[i] = Math.log(nb.distance(i, 0) / nb.distance(i, k));
        return out;
    }

    /** The maximiser over d in (1e-6, 1e4) of the MiND_ML likelihood of the log rho_i (bisection on L'). */
    static double maximiser(double[] logRho, int k) {
        double lo = 1e-6, hi = 1e4;
        for (int it = 0; it < 200 && hi - lo > 1e-12 * hi; it++) {
            double d = 0.5 * (lo + hi);
            if (slope(logRho, k, d) > 0) lo = d; else hi = d;
        }
        return 0.5 * (lo + hi);
    }

    /** L'(d). */
    private static double slope(double[] logRho, int k, double d) {
        double g = logRho.length / d;
        for (double lr : logRho) {
            double p = Math.exp(d * lr); // rho^d
            g += lr - (k - 1) * p * lr / (-Math.expm1(d * lr));
        }
        return g;
    }
}
