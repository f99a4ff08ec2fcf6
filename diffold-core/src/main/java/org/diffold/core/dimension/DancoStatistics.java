package org.diffold.core.dimension;

import org.diffold.core.knn.Neighbors;
import org.diffold.core.linalg.Parallel;
import org.diffold.core.special.Bessel;
import org.diffold.core.special.Digamma;
import org.hipparchus.special.Gamma;

/**
 * The three statistics DANCo compares (Ceruti, Bassis, Rozza, Lombardi, Casiraghi &amp; Campadelli, Pattern
 * Recognition 47, 2014), docs/math.md §8, with their closed-form Kullback–Leibler divergences.
 * <ul>
 *   <li>dHat: the MIND_ML estimate ({@link MindMlEstimator}), uncapped.</li>
 *   <li>nu, tau: the von Mises mean direction and concentration fitted by maximum likelihood to the angles between
 *       the vectors from each x_i to its k nearest neighbours, pooled over all points (nu = atan2(sum sin, sum cos),
 *       tau = A^{-1}(Rbar)). Pooling is ours: per-point fits, averaged, are dominated by points whose neighbours all
 *       lie on one side (Rbar = 1, tau infinite), e.g. the ends of a segment, the d = 1 calibration set.</li>
 * </ul>
 *
 * @param dHat MIND_ML estimate
 * @param nu mean von Mises mean direction of the neighbour angles
 * @param tau mean von Mises concentration
 */
record DancoStatistics(double dHat, double nu, double tau) {
    /** Mean resultant lengths are capped here, so that a degenerate set of angles (all equal) stays finite. */
    private static final double MAX_RBAR = 1 - 1e-9;

    /** The statistics of a point set with neighbours at least k+1 deep; per-point work split over threads. */
    static DancoStatistics of(double[] x, int n, int dim, Neighbors nb, int k, int threads) {
        double dHat = MindMlEstimator.maximiser(MindMlEstimator.logRho(nb, n, k), k);
        double[] cosSum = new double[n], sinSum = new double[n];
        Parallel.forRanges(n, threads, 1, (w, from, to) -> {
            double[][] u = new double[k][dim];
            for (int i = from; i < to; i++) {
                for (int a = 0; a < k; a++) {
                    int o = nb.index(i, a) * dim, oi = i * dim;
                    double len2 = 0;
                    for (int j = 0; j < dim; j++) { double d = x[o + j] - x[oi + j]; u[a][j] = d; len2 += d * d; }
                    double inv = 1 / Math.sqrt(len2);
                    for (int j = 0; j < dim; j++) u[a][j] *= inv;
                }
                double c = 0, s = 0;
                for (int a = 0; a < k; a++) {
                    for (int b = 0; b < a; b++) {
                        double dot = 0;
                        for (int j = 0; j < dim; j++) dot += u[a][j] * u[b][j];
                        double theta = Math.acos(Math.max(-1, Math.min(1, dot)));
                        c += Math.cos(theta);
                        s += Math.sin(theta);
                    }
                }
                cosSum[i] = c;
                sinSum[i] = s;
            }
        });
        double c = 0, s = 0;
        for (int i = 0; i < n; i++) { c += cosSum[i]; s += sinSum[i]; }
        double rBar = Math.min(MAX_RBAR, Math.hypot(c, s) / ((double) n * k * (k - 1) / 2));
        return new DancoStatistics(dHat, Math.atan2(s, c), Bessel.inverseA1(rBar));
    }

    /**
     * KL(g_{d1} || g_{d2}) for g_d(r) = k d r^{d-1} (1 - r^d)^{k-1} on [0, 1] [derived: with w = r^{d1} ~ Beta(1, k),
     * E log w = -H_k, E log(1 - w) = -1/k, and, for q = d2/d1,
     * E log(1 - w^q) = -sum_{m=1}^{k} C(k, m) (-1)^{m-1} (psi(1 + m/q) + gamma)]:
     * KL = log(d1/d2) - (1 - q) H_k + (k - 1) (-1/k - E log(1 - w^q)).
     */
    static double klMindMl(double d1, double d2, int k) {
        double q = d2 / d1, hk = 0;
        for (int m = 1; m <= k; m++) hk += 1.0 / m;
        double e = 0, binom = 1;
        for (int m = 1; m <= k; m++) {
            binom = binom * (k - m + 1) / m;
            double sign = (m % 2 == 1) ? 1 : -1;
            e -= sign * binom * (Digamma.value(1 + m / q) + Gamma.GAMMA);
        }
        return Math.log(d1 / d2) - (1 - q) * hk + (k - 1) * (-1.0 / k - e);
    }

    /** KL(vM(nu1, tau1) || vM(nu2, tau2)) = log I0(tau2) - log I0(tau1) + A(tau1) (tau1 - tau2 cos(nu1 - nu2)). */
    static double klVonMises(double nu1, double tau1, double nu2, double tau2) {
        return Bessel.logI0(tau2) - Bessel.logI0(tau1) + Bessel.ratio(1, tau1) * (tau1 - tau2 * Math.cos(nu1 - nu2));
    }
}
