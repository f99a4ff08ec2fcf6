package org.diffold.core.dimension;

import org.diffold.core.knn.Neighbors;

/**
 * {@code mada}: manifold-adaptive dimension estimation (Farahmand, Szepesvári &amp; Audibert, ICML 2007),
 * docs/math.md §8.1. The local estimate compares the distances to the ceil(k/2)-th and the k-th neighbour,
 * d(x) = ln 2 / ln(r_k(x) / r_{ceil(k/2)}(x)), since the mass of a ball grows as r^d. The global estimate is the
 * mean of the local values ({@link Combine#MEAN}, the paper's and scikit-dimension's) or their median
 * ({@link Combine#MEDIAN}, Benkő et al. 2020): under local uniformity with k even, (r_{k/2} / r_k)^d ~ Beta(k/2, k/2),
 * whose median is 1/2, so the median of d(x) is d exactly, while the mean is biased upward by the heavy upper tail
 * (ratios near 1). The paper rounds the global value; here it is left fractional, as for the other estimators.
 */
public final class MadaEstimator extends KnnEstimator {
    /** Default neighbourhood size (scikit-dimension's 20). */
    public static final int DEFAULT_K = 20;

    /** How the local values are combined. */
    public enum Combine {
        /** Arithmetic mean (Farahmand et al.; scikit-dimension). */
        MEAN,
        /** Median (Benkő et al. 2020). */
        MEDIAN
    }

    private final Combine combine;

    /** The published mean of local values; k >= 2. */
    public MadaEstimator(int k) {
        this(k, Combine.MEAN);
    }

    /** k >= 2 neighbours, local values combined by {@code combine}. */
    public MadaEstimator(int k, Combine combine) {
        super("mada", k);
        if (combine == null) throw new IllegalArgumentException("mada combine must be MEAN or MEDIAN, got null");
        this.combine = combine;
    }

    /** The local estimate ln 2 / ln(rK / rHalf). */
    static double local(double rHalf, double rK) {
        return Math.log(2) / Math.log(rK / rHalf);
    }

    @Override
    public IdEstimate estimate(PointCloud cloud) {
        checkSize(cloud);
        Neighbors nb = cloud.neighbors(k);
        int n = cloud.n(), half = (k + 1) / 2;
        double[] pw = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double rHalf = nb.distance(i, half - 1), rK = nb.distance(i, k - 1);
            if (!(rK > rHalf)) {
                throw new IllegalArgumentException("mada: row " + i + " has equal distances to its " + half + "-th and "
                        + k + "-th neighbours (" + rK + "); needs distinct distances, try a larger k");
            }
            pw[i] = local(rHalf, rK);
            sum += pw[i];
        }
        double global = combine == Combine.MEAN ? sum / n : CorrelationDimensionEstimator.median(pw);
        return new IdEstimate(name(), global, pw);
    }
}
