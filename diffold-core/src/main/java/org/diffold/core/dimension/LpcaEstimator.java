package org.diffold.core.dimension;

import org.diffold.core.knn.Neighbors;
import org.diffold.core.linalg.DotKernel;
import org.diffold.core.linalg.Parallel;
import org.diffold.core.linalg.SymmetricEigenvalues;

/**
 * Local PCA (docs/math.md §8): the covariance eigenvalues lambda_1 >= ... of a neighbourhood (the point and its k
 * nearest neighbours, centred at their mean) and one of two criteria:
 * <ul>
 *   <li>{@code lpca} (Fukunaga &amp; Olsen, IEEE Trans. Comput. 1971): d = #{i : lambda_i > alpha lambda_1},
 *       alpha = 0.05 by default (scikit-dimension's default);</li>
 *   <li>{@code lpca-ev} (explained variance): the smallest d with sum_{i&lt;=d} lambda_i >= alpha sum_i lambda_i,
 *       alpha = 0.95 by default (ours).</li>
 * </ul>
 * Pointwise values are integers; the global estimate is their mean. With k = 0 the whole data set is one
 * neighbourhood (classic global PCA, no pointwise values). Eigenvalues come from the (m x m) Gram matrix of the m
 * centred points when m &lt;= D, otherwise from the D x D covariance: both have the same non-zero spectrum. Points are
 * processed in parallel ranges ({@link PointCloud#threads()}); results do not depend on the thread count.
 */
public final class LpcaEstimator implements IntrinsicDimensionEstimator {
    /** Default neighbourhood size (ours: large enough for the benchmark's d up to 70 at k + 1 > d). */
    public static final int DEFAULT_K = 100;
    /** Default Fukunaga–Olsen eigenvalue fraction. */
    public static final double DEFAULT_FO_ALPHA = 0.05;
    /** Default explained-variance fraction. */
    public static final double DEFAULT_EV_ALPHA = 0.95;

    /** The two eigenvalue criteria. */
    public enum Criterion {
        /** Fukunaga–Olsen: count eigenvalues above alpha times the largest. */
        FUKUNAGA_OLSEN("lpca"),
        /** Smallest d explaining at least the fraction alpha of the variance. */
        EXPLAINED_VARIANCE("lpca-ev");

        private final String estimatorName;
        Criterion(String estimatorName) { this.estimatorName = estimatorName; }
    }

    private final Criterion criterion;
    private final double alpha;
    private final int k;

    /** k = 0 (global) or k >= 1 neighbours; alpha in (0, 1). */
    public LpcaEstimator(Criterion criterion, double alpha, int k) {
        if (!(alpha > 0 && alpha < 1)) throw new IllegalArgumentException("lpca alpha must be in (0, 1), got " + alpha);
        if (k < 0) throw new IllegalArgumentException("lpca k must be >= 0 (0 = global PCA), got " + k);
        this.criterion = criterion;
        this.alpha = alpha;
        this.k = k;
    }

    @Override public String name() { return criterion.estimatorName; }
    @Override public int neighbors() { return k; }
    @Override public int minPoints() { return Math.max(2, k + 1); }

    @Override
    public IdEstimate estimate(PointCloud cloud) {
        checkSize(cloud);
        int n = cloud.n();
        if (k == 0) {
            int[] all = new int[n];
            for (int i = 0; i < n; i++) all[i] = i;
            return IdEstimate.global(name(), criterion(new Workspace(cloud.dim(), n).eigenvalues(cloud.data(), all)));
        }
        Neighbors nb = cloud.neighbors(k);
        double[] pw = new double[n];
        Parallel.forRanges(n, cloud.threads(), 1, (w, from, to) -> {
            Workspace ws = new Workspace(cloud.dim(), k + 1);
            int[] members = new int[k + 1];
            for (int i = from; i < to; i++) {
                members[0] = i;
                for (int j = 0; j < k; j++) members[j + 1] = nb.index(i, j);
                pw[i] = criterion(ws.eigenvalues(cloud.data(), members));
            }
        });
        double sum = 0;
        for (double v : pw) sum += v;
        return new IdEstimate(name(), sum / n, pw);
    }

    /** Applies the criterion to eigenvalues sorted in decreasing order. */
    int criterion(double[] lambda) {
        double top = Math.max(lambda[0], 0);
        if (criterion == Criterion.FUKUNAGA_OLSEN) {
            int d = 0;
            while (d < lambda.length && lambda[d] > alpha * top) d++;
            return Math.max(d, 1);
        }
        double total = 0;
        for (double l : lambda) total += Math.max(l, 0);
        double acc = 0;
        for (int d = 0; d < lambda.length; d++) {
            acc += Math.max(lambda[d], 0);
            if (acc >= alpha * total) return d + 1;
        }
        return lambda.length;
    }

    /** Per-thread buffers for neighbourhoods of m points in R^D. */
    private static final class Workspace {
        final int dim, m, size;
        final double[] mean, centred, eig, work;
        final double[][] matrix;

        Workspace(int dim, int m) {
            this.dim = dim;
            this.m = m;
            this.size = Math.min(m, dim);
            mean = new double[dim];
            centred = new double[m * dim];
            matrix = m <= dim ? null : new double[size][size];
            eig = new double[size];
            work = new double[size];
        }

        /**
         * Covariance eigenvalues (scaled by m; the criteria are scale-free) of the rows {@code members}, decreasing:
         * from the m x m Gram matrix by {@link DotKernel#gramEigenvalues} when m &lt;= D, else from the D x D
         * scatter matrix.
         */
        double[] eigenvalues(double[] x, int[] members) {
            // one pass over the (scattered) member rows copies them and sums the mean; the subtraction then runs on
            // the copy, which is in cache (the same operations in the same order as summing, then centring x)
            java.util.Arrays.fill(mean, 0);
            for (int a = 0; a < m; a++) {
                int o = members[a] * dim, c = a * dim;
                for (int j = 0; j < dim; j++) {
                    double v = x[o + j];
                    centred[c + j] = v;
                    mean[j] += v;
                }
            }
            for (int j = 0; j < dim; j++) mean[j] /= m;
            for (int a = 0; a < m; a++) {
                int c = a * dim;
                for (int j = 0; j < dim; j++) centred[c + j] -= mean[j];
            }
            if (m <= dim) {
                DotKernel.best().gramEigenvalues(centred, m, dim, eig);
                return eig;
            } else {
                for (double[] row : matrix) java.util.Arrays.fill(row, 0);
                for (int a = 0; a < m; a++) {
                    int o = a * dim;
                    for (int p = 0; p < dim; p++) {
                        double v = centred[o + p];
                        double[] row = matrix[p];
                        for (int q = 0; q <= p; q++) row[q] += v * centred[o + q];
                    }
                }
            }
            SymmetricEigenvalues.compute(matrix, size, eig, work);
            return eig;
        }
    }
}
