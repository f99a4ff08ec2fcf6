package org.diffold.core.dimension;

import org.diffold.core.knn.Neighbors;
import org.diffold.core.linalg.Parallel;

/**
 * {@code tle}: tight local intrinsic-dimensionality estimation (Amsaleg, Chelly, Houle, Kawarabayashi, Radovanović
 * &amp; Treeratanajaru, SDM 2019), docs/math.md §8. Inside the ball of radius r = u_k around x, the k neighbours at
 * distances u_i and mutual distances v_ij each yield two extra distance samples from every other neighbour's point of
 * view, s_ij (with v_ij) and t_ij (with the reflected z_ij^2 = 2u_i^2 + 2u_j^2 - v_ij^2):
 * s = r (sqrt(b^2 + 4 v^2 (r^2 - u_i^2)) - b) / (2 (r^2 - u_i^2)), b = u_i^2 + v^2 - u_j^2, evaluated in the
 * cancellation-free form 2 r v^2 / (sqrt(b^2 + 4 v^2 (r^2 - u_i^2)) + b) when b > 0 (which is also the limit at
 * u_i = r). The maximum-likelihood estimate over all 2k^2 samples is
 * d(x) = -2k^2 / (sum_{i != j} [log(s_ij / r) + log(t_ij / r)] + 2 sum_i log(u_i / r)).
 * Samples below {@code 1e-4 r} are dropped with their partners, and counted out of 2k^2 (as in the paper's
 * implementation, but relative to r so that the estimator is scale-free: ours). Global = mean of pointwise.
 */
public final class TleEstimator extends KnnEstimator {
    /** Default neighbourhood size (scikit-dimension's default). */
    public static final int DEFAULT_K = 20;
    private static final double EPS = 1e-4;

    /** k >= 2 neighbours. */
    public TleEstimator(int k) {
        super("tle", k);
    }

    @Override
    public IdEstimate estimate(PointCloud cloud) {
        checkSize(cloud);
        Neighbors nb = cloud.neighbors(k);
        int n = cloud.n();
        double[] pw = new double[n];
        Parallel.forRanges(n, cloud.threads(), 1, (w, from, to) -> {
            double[] u = new double[k];
            double[][] v2 = new double[k][k];
            for (int i = from; i < to; i++) {
                for (int a = 0; a < k; a++) {
                    u[a] = nb.distance(i, a);
                    for (int b = 0; b < a; b++) {
                        double d2 = cloud.squaredDistance(nb.index(i, a), nb.index(i, b));
                        v2[a][b] = d2;
                        v2[b][a] = d2;
                    }
                }
                pw[i] = local(u, v2, k);
            }
        });
        double sum = 0;
        for (double v : pw) sum += v;
        return new IdEstimate(name(), sum / n, pw);
    }

    /** The TLE estimate for one neighbourhood: distances u (ascending, u[k-1] = r), squared mutual distances v2. */
    static double local(double[] u, double[][] v2, int k) {
        double r = u[k - 1], r2 = r * r, eps = EPS * r;
        double logSum = 0;
        long count = 0;
        for (int a = 0; a < k; a++) {
            double ua2 = u[a] * u[a], room = r2 - ua2;
            for (int b = 0; b < k; b++) {
                if (a == b) continue;
                double ub2 = u[b] * u[b], w2 = v2[a][b];
                double z2 = Math.max(0, 2 * ua2 + 2 * ub2 - w2);
                double s = sample(r, room, ua2, ub2, w2), t = sample(r, room, ua2, ub2, z2);
                if (s < eps || t < eps) continue;
                logSum += Math.log(s / r) + Math.log(t / r);
                count += 2;
            }
            if (u[a] >= eps) {
                logSum += 2 * Math.log(u[a] / r);
                count += 2;
            }
        }
        return -count / logSum;
    }

    /** The distance sample for squared mutual distance w2 (s_ij for v^2, t_ij for z^2). */
    private static double sample(double r, double room, double ua2, double ub2, double w2) {
        if (w2 == 0) return 0;
        double b = ua2 + w2 - ub2;
        double root = Math.sqrt(b * b + 4 * w2 * room);
        if (b > 0) return 2 * r * w2 / (root + b);
        return r * (root - b) / (2 * room);
    }
}
