package org.diffold.core.metrics;

import org.diffold.core.knn.PairwiseScan;

/**
 * (alpha, delta)-coverage of a manifold by generated samples (docs/math.md §6) [estimator ours]: anchors y_j on the
 * manifold and a dense reference sample of the true law stand in for mu_data. Anchor y is covered at scale delta when
 * the reference puts at least one point in B(y, delta) and the generated mass there is at least c times the true one,
 * n_gen(delta) / n &gt;= c n_ref(delta) / m (ambient balls: samples sit near, not on, the manifold). The coverage scale
 * delta*(alpha) is the smallest delta of a geometric grid at which a fraction &gt;= 1 - alpha of the anchors is covered.
 * Below the reference's resolution no anchor counts as covered, so delta* is bounded below by it.
 */
public final class Coverage {
    /** Default tolerated uncovered fraction alpha [ours]. */
    public static final double DEFAULT_ALPHA = 0.1;
    /** Default mass factor c [ours]. */
    public static final double DEFAULT_C = 0.5;
    /** Grid points of delta. */
    public static final int GRID = 64;

    /** The covered fraction of anchors at each delta of the grid. */
    public record Result(double[] deltas, double[] coveredFraction, double alpha) {
        /** The smallest grid delta with covered fraction >= 1 - alpha (the largest delta if none). */
        public double coverageDelta() {
            for (int g = 0; g < deltas.length; g++) if (coveredFraction[g] >= 1 - alpha - 1e-12) return deltas[g];
            return deltas[deltas.length - 1];
        }
    }

    private Coverage() {}

    /**
     * Coverage of the manifold sampled by {@code reference} (m rows) by {@code generated} (n rows), at anchors
     * ({@code a} rows), all of width dim. The delta grid runs geometrically from the median anchor-to-nearest-reference
     * distance / 4 (floored at 1e-12) to the largest anchor-reference distance.
     */
    public static Result measure(double[] anchors, int a, double[] reference, int m, double[] generated, int n, int dim,
                                 double alpha, double c, int threads) {
        SampleSets.check("anchors", anchors, a, dim, 1);
        SampleSets.check("reference set", reference, m, dim, 1);
        SampleSets.check("samples", generated, n, dim, 1);
        if (!(alpha >= 0 && alpha < 1)) throw new IllegalArgumentException("coverage alpha must be in [0, 1), got " + alpha);
        if (!(c > 0) || Double.isInfinite(c)) throw new IllegalArgumentException("coverage c must be > 0 and finite, got " + c);
        double[][] ref = sortedDistances(anchors, a, reference, m, dim, threads);
        double[][] gen = sortedDistances(anchors, a, generated, n, dim, threads);
        double[] nearest = new double[a];
        double hi = 0;
        for (int j = 0; j < a; j++) {
            int first = countBelow(ref[j], 0);
            nearest[j] = ref[j][Math.min(first, m - 1)];
            hi = Math.max(hi, ref[j][m - 1]);
        }
        double lo = Math.max(1e-12, SampleSets.quantile(nearest, 0.5) / 4);
        hi = Math.max(hi, 2 * lo);
        double[] deltas = new double[GRID], frac = new double[GRID];
        for (int g = 0; g < GRID; g++) {
            double delta = lo * Math.pow(hi / lo, (double) g / (GRID - 1));
            if (g == GRID - 1) delta = hi * (1 + 1e-12);
            int covered = 0;
            for (int j = 0; j < a; j++) {
                int nr = countBelow(ref[j], delta), ng = countBelow(gen[j], delta);
                if (nr >= 1 && (double) ng / n >= c * nr / m) covered++;
            }
            deltas[g] = delta;
            frac[g] = (double) covered / a;
        }
        return new Result(deltas, frac, alpha);
    }

    /** Number of values &lt;= delta in the ascending array. */
    private static int countBelow(double[] sorted, double delta) {
        int lo = 0, hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] <= delta) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    /**
     * Per anchor, the ascending distances to all rows of y; distances the |x|^2 + |y|^2 - 2 x.y expansion puts below
     * 1e-6 of the data's scale are recomputed from the differences (a point's distance to itself is then exactly 0).
     */
    private static double[][] sortedDistances(double[] x, int a, double[] y, int ny, int dim, int threads) {
        double[][] out = new double[a][ny];
        double scale = 0;
        for (double v : x) scale = Math.max(scale, v * v * dim);
        for (double v : y) scale = Math.max(scale, v * v * dim);
        double tiny = 1e-6 * scale;
        PairwiseScan.scan(x, a, y, ny, dim, threads, w -> (i, j0, d2, count) -> {
            for (int j = 0; j < count; j++) {
                double v = d2[j] < tiny ? PairwiseScan.squaredDistance(x, i, y, j0 + j, dim) : d2[j];
                out[i][j0 + j] = Math.sqrt(v);
            }
        });
        for (double[] row : out) java.util.Arrays.sort(row);
        return out;
    }
}
