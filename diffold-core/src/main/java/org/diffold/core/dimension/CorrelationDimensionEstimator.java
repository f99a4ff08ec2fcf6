package org.diffold.core.dimension;

import java.util.Arrays;
import org.diffold.core.knn.Neighbors;
import org.diffold.core.knn.PairwiseScan;

/**
 * {@code corrint}: the correlation dimension of Grassberger &amp; Procaccia (Phys. Rev. Lett. 50, 1983), docs/math.md
 * §8, at two scales chosen as in scikit-dimension's CorrInt: r_1, r_2 = the medians over points of the distances to
 * the k1-th and k2-th nearest neighbours, C(r) = (2 / (n(n-1))) #{i &lt; j : |x_i - x_j| &lt; r}, and
 * d = (log C(r_2) - log C(r_1)) / log(r_2 / r_1). Global only.
 *
 * <p>The pairs are counted exactly, from one pass of {@link PairwiseScan#scanPairs} over the n(n-1)/2 pairs, without
 * storing distances. scikit-dimension also counts all pairs, of the full distance matrix in chunks (ordered pairs over
 * n^2; the normalisation cancels in the ratio), so the two agree to rounding.
 */
public final class CorrelationDimensionEstimator implements IntrinsicDimensionEstimator {
    /** Default scales (scikit-dimension's defaults). */
    public static final int DEFAULT_K1 = 10, DEFAULT_K2 = 20;
    private final int k1, k2;

    /** 1 &lt;= k1 &lt; k2. */
    public CorrelationDimensionEstimator(int k1, int k2) {
        if (k1 < 1 || k2 <= k1) throw new IllegalArgumentException("corrint needs 1 <= k1 < k2, got k1=" + k1 + ", k2=" + k2);
        this.k1 = k1;
        this.k2 = k2;
    }

    @Override public String name() { return "corrint"; }
    @Override public int neighbors() { return k2; }

    @Override
    public IdEstimate estimate(PointCloud cloud) {
        checkSize(cloud);
        Neighbors nb = cloud.neighbors(k2);
        int n = cloud.n();
        double[] a = new double[n], b = new double[n];
        for (int i = 0; i < n; i++) { a[i] = nb.distance(i, k1 - 1); b[i] = nb.distance(i, k2 - 1); }
        double r1 = median(a), r2 = median(b);
        if (!(r2 > r1)) throw new IllegalArgumentException("corrint: the two scales coincide (r1 = r2 = " + r1 + "); increase k2");
        double r1sq = r1 * r1, r2sq = r2 * r2;
        int threads = cloud.threads();
        long[][] counts = new long[threads][2];
        PairwiseScan.scanPairs(cloud.data(), n, cloud.dim(), threads, w -> (i, j0, d2, count) -> {
            long c1 = 0, c2 = 0;
            for (int j = 0; j < count; j++) {
                double v = d2[j];
                if (v < r2sq) { c2++; if (v < r1sq) c1++; }
            }
            counts[w][0] += c1;
            counts[w][1] += c2;
        });
        long s1 = 0, s2 = 0;
        for (long[] c : counts) { s1 += c[0]; s2 += c[1]; }
        if (s1 == 0) throw new IllegalArgumentException("corrint: no pair closer than r1 = " + r1);
        return IdEstimate.global(name(), Math.log((double) s2 / s1) / Math.log(r2 / r1));
    }

    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        int m = s.length;
        return m % 2 == 1 ? s[m / 2] : 0.5 * (s[m / 2 - 1] + s[m / 2]);
    }
}
