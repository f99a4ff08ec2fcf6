package org.diffold.core.score.empirical;

import org.diffold.core.knn.BruteForceKnn;
import org.diffold.core.knn.Neighbors;
import org.diffold.core.linalg.Parallel;
import org.diffold.core.linalg.Subspace;

/**
 * An estimated projection onto the manifold the training set lies near (docs/math.md §6) [estimator ours]: at every
 * training point x_j a local PCA of its K nearest training points (itself included) gives a mean mu_j and k principal
 * directions U_j (D x k; subspace iteration, {@link #ITERATIONS} steps from the neighbours' own differences); a query y is
 * projected with the affine fit of its nearest training point, proj_hat(y) = mu_j + U_j U_j^T (y - mu_j). The fits
 * are computed once (N (k + 1) D doubles); a query costs one nearest-neighbour scan through the
 * {@code DotPanelKernel} and O(k D).
 */
public final class LocalPcaProjection implements ManifoldProjection {
    /** Subspace-iteration steps per local fit. */
    public static final int ITERATIONS = 10;
    private final TrainingPanels train;
    private final int k, neighbours;
    private final double[] mu, basis;

    /**
     * Fits at every training point.
     *
     * @param k intrinsic dimension, 1 &lt;= k &lt; D
     * @param neighbours K, the local neighbourhood size, k + 1 &lt;= K &lt;= N
     */
    public LocalPcaProjection(TrainingPanels train, int k, int neighbours, int threads) {
        int n = train.size(), d = train.dim();
        if (k < 1 || k >= d) throw new IllegalArgumentException("coarse score: intrinsic dimension k must be in [1, D-1 = " + (d - 1) + "], got " + k);
        if (neighbours < k + 1 || neighbours > n) {
            throw new IllegalArgumentException("coarse score: neighbourhood size must be in [k+1 = " + (k + 1) + ", N = " + n + "], got " + neighbours);
        }
        this.train = train;
        this.k = k;
        this.neighbours = neighbours;
        this.mu = new double[n * d];
        this.basis = new double[n * k * d];
        double[] x = train.toMatrix();
        Neighbors nb = neighbours > 1 ? new BruteForceKnn(threads).selfSearch(x, n, d, neighbours - 1) : null;
        Parallel.forRanges(n, threads, 1, (w, from, to) -> {
            double[] a = new double[neighbours * d], av = new double[neighbours * k], v = new double[k * d];
            for (int j = from; j < to; j++) fit(x, j, nb, a, av, v);
        });
    }

    /** Intrinsic dimension k. */
    public int intrinsicDim() { return k; }

    /** Neighbourhood size K. */
    public int neighbours() { return neighbours; }

    private void fit(double[] x, int j, Neighbors nb, double[] a, double[] av, double[] v) {
        int d = train.dim(), kk = neighbours;
        double[] m = new double[d];
        for (int r = 0; r < kk; r++) {
            int idx = r == 0 ? j : nb.index(j, r - 1);
            System.arraycopy(x, idx * d, a, r * d, d);
            for (int c = 0; c < d; c++) m[c] += x[idx * d + c];
        }
        for (int c = 0; c < d; c++) m[c] /= kk;
        for (int r = 0; r < kk; r++) for (int c = 0; c < d; c++) a[r * d + c] -= m[c];
        principal(a, kk, d, k, ITERATIONS, v, av);
        System.arraycopy(m, 0, mu, j * d, d);
        System.arraycopy(v, 0, basis, j * k * d, k * d);
    }

    /**
     * The k leading principal directions of the kk centred rows {@code a} (row-major kk x d) into the columns of
     * {@code v} (d x k, v[c * k + q], orthonormal) by subspace iteration: start from the rows' own differences (rows
     * 1..k, padded by coordinate axes if too few), then {@code iterations} times V = orth(A^T A V). {@code av} is
     * kk x k scratch.
     */
    static void principal(double[] a, int kk, int d, int k, int iterations, double[] v, double[] av) {
        for (int q = 0; q < k; q++) {
            for (int c = 0; c < d; c++) v[c * k + q] = (q + 1 < kk ? a[(q + 1) * d + c] : 0) + (c == q ? 1e-3 : 0);
        }
        Subspace.orthonormalizeColumns(v, d, k);
        for (int it = 0; it < iterations; it++) {
            // av = A V^T, then V = (A^T av)^T
            for (int r = 0; r < kk; r++) {
                for (int q = 0; q < k; q++) {
                    double s = 0;
                    for (int c = 0; c < d; c++) s += a[r * d + c] * v[c * k + q];
                    av[r * k + q] = s;
                }
            }
            java.util.Arrays.fill(v, 0);
            for (int r = 0; r < kk; r++) {
                for (int q = 0; q < k; q++) {
                    double s = av[r * k + q];
                    for (int c = 0; c < d; c++) v[c * k + q] += s * a[r * d + c];
                }
            }
            Subspace.orthonormalizeColumns(v, d, k);
        }
    }

    @Override
    public int dim() { return train.dim(); }

    @Override
    public Worker worker() {
        double[][] c = new double[4][train.panelWidth()];
        int[] best = new int[4];
        double[] bestVal = new double[4];
        int d = train.dim();
        return (x, out, from, to) -> {
            for (int i = from; i < to; i += 4) {
                int rows = Math.min(4, to - i);
                java.util.Arrays.fill(bestVal, Double.NEGATIVE_INFINITY);
                for (int p = 0; p < train.panels(); p++) {
                    train.dots(x, i, rows, p, c);
                    int j0 = train.panelStart(p), m = train.panelSize(p);
                    for (int r = 0; r < rows; r++) {
                        double[] cr = c[r];
                        for (int j = 0; j < m; j++) {
                            // nearest = argmax of x . x_j - |x_j|^2 / 2; first index wins ties
                            double s = cr[j] - 0.5 * train.norm2(j0 + j);
                            if (s > bestVal[r]) { bestVal[r] = s; best[r] = j0 + j; }
                        }
                    }
                }
                for (int r = 0; r < rows; r++) apply(best[r], x, (i + r) * d, out);
            }
        };
    }

    /** out = mu_j + U_j U_j^T (x - mu_j) for the row at off. */
    private void apply(int j, double[] x, int off, double[] out) {
        int d = train.dim(), mo = j * d;
        for (int c = 0; c < d; c++) out[off + c] = mu[mo + c];
        int bo = j * k * d;
        for (int q = 0; q < k; q++) {
            double s = 0;
            for (int c = 0; c < d; c++) s += basis[bo + c * k + q] * (x[off + c] - mu[mo + c]);
            for (int c = 0; c < d; c++) out[off + c] += s * basis[bo + c * k + q];
        }
    }
}
