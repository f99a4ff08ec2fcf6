package org.diffold.nn.net;

import java.util.SplittableRandom;
import org.diffold.core.linalg.Subspace;
import org.diffold.core.random.RandomStreams;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.EigenDecompositionSymmetric;

/**
 * Estimates a {@link Whitening} from data rows [ours]: the mean mu, the top principal directions by a randomized
 * subspace iteration (Halko, Martinsson &amp; Tropp 2011, Alg. 4.4 with one power step; l = r_max + 8 columns, a
 * fixed Gaussian test matrix, so the result depends on the data only) and the eigen-decomposition of the l x l
 * covariance in that subspace. Work is O(n D l), no D x D matrix.
 *
 * <p>r is the smallest number of leading directions that hold a fraction 1 - {@value #TAIL} of the total variance
 * T = sum_i ||x_i - mu||^2 / n, at most r_max. The remainder variance s_rest^2 is the mean variance outside span Q,
 * (T - sum_{i <= r} s_i^2) / (D - r); values below {@value #FLOOR} T / D are rounding noise and are set to exactly
 * 0 (a positive floor s_rest would leave a complement score error s_rest |F| / sigma^2 that grows at small sigma,
 * the error this preconditioning exists to remove). Directions with variance below the same floor are not retained.
 */
public final class WhiteningEstimator {
    /** Variance fraction left outside the retained directions (ours). */
    public static final double TAIL = 1e-6;
    /** Relative floor (of the mean per-coordinate variance T / D) below which a variance counts as 0 (ours). */
    public static final double FLOOR = 1e-12;
    /** Default cap on r (ours). */
    public static final int DEFAULT_MAX_RANK = 32;
    private static final int OVERSAMPLE = 8;

    private WhiteningEstimator() {}

    /** Estimates from n x D row-major {@code rows} with r at most {@code maxRank}. */
    public static Whitening estimate(double[] rows, int dim, int maxRank) {
        if (dim < 1 || rows.length == 0 || rows.length % dim != 0) {
            throw new IllegalArgumentException("rows must be a non-empty n x D array with D = " + dim + ", got " + rows.length + " values");
        }
        if (maxRank < 0) throw new IllegalArgumentException("max rank must be >= 0, got " + maxRank);
        int n = rows.length / dim;
        double[] mu = new double[dim];
        for (int r = 0; r < n; r++) for (int j = 0; j < dim; j++) mu[j] += rows[r * dim + j];
        for (int j = 0; j < dim; j++) mu[j] /= n;
        double total = 0;
        for (int r = 0; r < n; r++) for (int j = 0; j < dim; j++) { double v = rows[r * dim + j] - mu[j]; total += v * v; }
        total /= n;
        double floor = FLOOR * total / dim;
        int l = Math.min(dim, Math.min(maxRank, dim) + OVERSAMPLE);
        double[] u = new double[dim * l];
        SplittableRandom rng = new RandomStreams(0x9CAL).child("whitening").stream(0);
        for (int i = 0; i < u.length; i++) u[i] = rng.nextGaussian();
        double[] y = new double[n * l];
        for (int pass = 0; pass < 2; pass++) {
            times(rows, mu, n, dim, u, l, y);
            timesTransposed(rows, mu, n, dim, y, l, u);
            Subspace.orthonormalizeColumns(u, dim, l);
        }
        times(rows, mu, n, dim, u, l, y);
        double[][] cov = new double[l][l];
        for (int r = 0; r < n; r++) {
            for (int a = 0; a < l; a++) {
                double ya = y[r * l + a];
                for (int b = a; b < l; b++) cov[a][b] += ya * y[r * l + b];
            }
        }
        for (int a = 0; a < l; a++) for (int b = a; b < l; b++) { cov[a][b] /= n; cov[b][a] = cov[a][b]; }
        EigenDecompositionSymmetric eig = new EigenDecompositionSymmetric(new Array2DRowRealMatrix(cov, false));
        double[] lambda = eig.getEigenvalues();
        Integer[] order = new Integer[l];
        for (int i = 0; i < l; i++) order[i] = i;
        java.util.Arrays.sort(order, (a, b) -> Double.compare(lambda[b], lambda[a]));
        int rank = 0;
        double kept = 0;
        while (rank < Math.min(maxRank, l) && kept < (1 - TAIL) * total && lambda[order[rank]] > floor) kept += lambda[order[rank++]];
        double[] q = new double[dim * rank], var = new double[rank];
        for (int i = 0; i < rank; i++) {
            var[i] = lambda[order[i]];
            double[] v = eig.getEigenvector(order[i]).toArray();
            for (int j = 0; j < dim; j++) {
                double s = 0;
                for (int a = 0; a < l; a++) s += u[j * l + a] * v[a];
                q[j * rank + i] = s;
            }
        }
        Subspace.orthonormalizeColumns(q, dim, rank);
        double rest = dim == rank ? 0 : Math.max(0, total - kept) / (dim - rank);
        return new Whitening(mu, q, var, rest < floor ? 0 : rest);
    }

    /** y (n x l) = (X - 1 mu^T) u with u D x l. */
    private static void times(double[] x, double[] mu, int n, int d, double[] u, int l, double[] y) {
        java.util.Arrays.fill(y, 0);
        for (int r = 0; r < n; r++) {
            for (int j = 0; j < d; j++) {
                double v = x[r * d + j] - mu[j];
                for (int a = 0; a < l; a++) y[r * l + a] += v * u[j * l + a];
            }
        }
    }

    /** u (D x l) = (X - 1 mu^T)^T y. */
    private static void timesTransposed(double[] x, double[] mu, int n, int d, double[] y, int l, double[] u) {
        java.util.Arrays.fill(u, 0);
        for (int r = 0; r < n; r++) {
            for (int j = 0; j < d; j++) {
                double v = x[r * d + j] - mu[j];
                for (int a = 0; a < l; a++) u[j * l + a] += v * y[r * l + a];
            }
        }
    }
}
