package org.diffold.core.dimension;

import org.diffold.core.knn.Neighbors;

/**
 * {@code mom}: method-of-moments local intrinsic dimensionality (Amsaleg, Chelly, Furon, Girard, Houle,
 * Kawarabayashi &amp; Nett, KDD 2015), docs/math.md §8. Given w = r_k, the k-1 inner neighbour distances are
 * i.i.d. with the local law F(r) = (r / w)^d, so E[r] = w d / (d + 1); with m1 = (1/(k-1)) sum_{j&lt;k} r_j the
 * pointwise estimate is d(x) = m1 / (w - m1). The global estimate is the mean of the pointwise values. (Averaging over
 * the k-1 inner distances, rather than all k with r_k = w itself, is ours: it removes an upward bias of order 1/k.)
 */
public final class MomEstimator extends KnnEstimator {
    /** Default neighbourhood size (ours, as for {@link MleEstimator}). */
    public static final int DEFAULT_K = 20;

    /** k >= 2 neighbours. */
    public MomEstimator(int k) {
        super("mom", k);
    }

    @Override
    public IdEstimate estimate(PointCloud cloud) {
        checkSize(cloud);
        Neighbors nb = cloud.neighbors(k);
        int n = cloud.n();
        double[] pw = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double w = nb.distance(i, k - 1), m1 = 0;
            for (int j = 0; j < k - 1; j++) m1 += nb.distance(i, j);
            m1 /= k - 1;
            pw[i] = m1 / (w - m1);
            sum += pw[i];
        }
        return new IdEstimate(name(), sum / n, pw);
    }
}
