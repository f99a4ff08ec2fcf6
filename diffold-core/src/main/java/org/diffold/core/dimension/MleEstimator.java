package org.diffold.core.dimension;

import org.diffold.core.knn.Neighbors;

/**
 * {@code mle}: Levina &amp; Bickel (NIPS 2004) maximum-likelihood estimator with MacKay &amp; Ghahramani's (2005)
 * averaging (docs/math.md §8). With T_j(x) the distance to the j-th nearest neighbour,
 * pointwise m_k(x) = [ (1/(k-1)) sum_{j=1}^{k-1} log(T_k(x) / T_j(x)) ]^{-1}, and the global estimate averages the
 * inverses, m = [ (1/n) sum_i m_k(x_i)^{-1} ]^{-1}: under the local Poisson model (k-1)/m_k(x) is a sum of k-1
 * Exp(d) variables, so the mean of the inverses is unbiased for 1/d, where the mean of m_k is biased upward.
 */
public final class MleEstimator extends KnnEstimator {
    /** Default neighbourhood size (Levina–Bickel recommend k in 10..20). */
    public static final int DEFAULT_K = 20;

    /** k >= 2 neighbours. */
    public MleEstimator(int k) {
        super("mle", k);
    }

    @Override
    public IdEstimate estimate(PointCloud cloud) {
        checkSize(cloud);
        Neighbors nb = cloud.neighbors(k);
        int n = cloud.n();
        double[] pw = new double[n];
        double inverseSum = 0;
        for (int i = 0; i < n; i++) {
            double logTk = Math.log(nb.distance(i, k - 1)), s = 0;
            for (int j = 0; j < k - 1; j++) s += logTk - Math.log(nb.distance(i, j));
            double inv = s / (k - 1);
            inverseSum += inv;
            pw[i] = 1 / inv;
        }
        return new IdEstimate(name(), n / inverseSum, pw);
    }
}
