package org.diffold.core.score.empirical;

import org.diffold.core.linalg.DotKernel;

/**
 * The local quadratic fit projection onto the manifold the training set lies near (docs/math.md §6.1) [estimator
 * ours]. At a query y: its m nearest training points y_1..y_m (m &gt;= P = k(k+1)/2 + k + 1), their mean mu and k
 * principal directions U (D x k, subspace iteration, {@link #PCA_ITERATIONS} steps) give tangent coordinates
 * t_i = U^T (y_i - mu) and normal residuals r_i = (y_i - mu) - U t_i. With h = max_i |t_i| and features
 * phi(t) = (1, t/h, (t_a t_b / h^2)_{a &lt;= b}) the normal part is fitted by ridge least squares,
 * C = argmin sum_i |r_i - C^T phi(t_i)|^2 + lambda tr(Phi^T Phi)/P |C|^2 (C is P x D; its rows lie in the normal
 * space), i.e. the surface f(t) = mu + U t + C^T phi(t). The query is projected onto it: t minimises
 * F(t) = |y - f(t)|^2 / 2 from the linear projection t_0 = U^T (y - mu), by Newton steps (the Hessian is
 * J_e^T J_e - sum_l (C e)_l Hess phi_l, exact for a quadratic surface), Gauss–Newton steps where it is not positive
 * definite, each step at most h long; the result is f(t). On data lying on a quadric graph over its tangent plane
 * the fit is exact, so the projection is the exact one; on a smooth manifold the error is O(h^3) against the local
 * PCA's O(h^2).
 *
 * <p>Each worker evaluates rows in zero-padded blocks of {@link PosteriorMean#BLOCK} through the fastest
 * {@link DotKernel} (the squared distances to the N training points are one GEMM per block), or through the pre-packed
 * panels without OpenBLAS; the neighbour selection orders by (distance, index), so a row's result depends on that row
 * alone (same bits for any batch split and thread count). Scratch is allocated once per worker.
 */
public final class LocalQuadraticProjection implements ManifoldProjection {
    /** Subspace-iteration steps of the local PCA. */
    public static final int PCA_ITERATIONS = 20;
    /** Default Newton steps [ours]. */
    public static final int DEFAULT_ITERATIONS = 8;
    /** Default ridge lambda, relative to the mean diagonal of Phi^T Phi [ours]. */
    public static final double DEFAULT_RIDGE = 1e-10;
    private static final int BLOCK = PosteriorMean.BLOCK;
    private final TrainingPanels train;
    private final int k, neighbours, iterations, p;
    private final double ridge;
    private final DotKernel kernel;

    /** On the fastest kernel. */
    public LocalQuadraticProjection(TrainingPanels train, int k, int neighbours, int iterations, double ridge) {
        this(train, k, neighbours, iterations, ridge, DotKernel.best());
    }

    /**
     * @param k intrinsic dimension, 1 &lt;= k &lt; D
     * @param neighbours m, the neighbourhood size, P = k(k+1)/2 + k + 1 &lt;= m &lt;= N
     * @param iterations Newton steps on the tangent coordinates, 0..100 (0: the point of the surface above t_0)
     * @param ridge lambda &gt;= 0, finite
     */
    public LocalQuadraticProjection(TrainingPanels train, int k, int neighbours, int iterations, double ridge, DotKernel kernel) {
        int n = train.size(), d = train.dim();
        if (k < 1 || k >= d) throw new IllegalArgumentException("coarse score: intrinsic dimension k must be in [1, D-1 = " + (d - 1) + "], got " + k);
        int pp = coefficients(k);
        if (neighbours < pp || neighbours > n) {
            throw new IllegalArgumentException("coarse score: neighbours must be in [k(k+1)/2+k+1 = " + pp + ", N = " + n + "] for proj=lqf, got " + neighbours);
        }
        if (iterations < 0 || iterations > 100) throw new IllegalArgumentException("coarse score: iterations must be in [0, 100], got " + iterations);
        if (!(ridge >= 0) || Double.isInfinite(ridge)) throw new IllegalArgumentException("coarse score: ridge must be >= 0 and finite, got " + ridge);
        this.train = train;
        this.k = k;
        this.neighbours = neighbours;
        this.iterations = iterations;
        this.ridge = ridge;
        this.p = pp;
        this.kernel = kernel;
    }

    /** P = k(k+1)/2 + k + 1, the coefficients per normal direction of a quadratic in k variables. */
    public static int coefficients(int k) { return k * (k + 1) / 2 + k + 1; }

    /** The default neighbourhood size max(10, 4k, 2P) [ours], at most N. */
    public static int defaultNeighbours(int k, int n) { return Math.min(n, Math.max(10, Math.max(4 * k, 2 * coefficients(k)))); }

    /** Intrinsic dimension k. */
    public int intrinsicDim() { return k; }

    /** Neighbourhood size m. */
    public int neighbours() { return neighbours; }

    @Override
    public int dim() { return train.dim(); }

    @Override
    public Worker worker() { return new Fit(); }

    /** Per-thread scratch and the evaluation. */
    private final class Fit implements Worker {
        private final int d = train.dim(), m = neighbours;
        private final boolean blas = !kernel.name().equals("java");
        private final DotKernel.Matrix[] trainMatrices = blas ? train.kernelMatrices(kernel) : null;
        private final double[] query = blas ? new double[BLOCK * d] : null, dots = blas ? new double[BLOCK * train.size()] : null;
        private final double[][] c4 = blas ? null : new double[4][train.panelWidth()];
        private final int[] best = new int[BLOCK * m];
        private final double[] bestVal = new double[BLOCK * m];
        private final double[] a = new double[m * d], mu = new double[d], v = new double[d * k], av = new double[m * k];
        private final double[] t = new double[m * k], phi = new double[m * p], gram = new double[p * p], coef = new double[p * d];
        private final double[] gc = new double[p * p], b = new double[p * k], y = new double[d], u = new double[k], w = new double[p];
        private final double[] tt = new double[k], f = new double[p], jac = new double[p * k], ce = new double[p];
        private final double[] hess = new double[k * k], gn = new double[k * k], grad = new double[k], step = new double[k], chol = new double[p * p];

        @Override
        public void project(double[] x, double[] out, int from, int to) {
            for (int i = from; i < to; i += BLOCK) {
                int rows = Math.min(BLOCK, to - i);
                java.util.Arrays.fill(bestVal, 0, rows * m, Double.POSITIVE_INFINITY);
                if (blas) scanBlas(x, i, rows);
                else scanPanels(x, i, rows);
                for (int r = 0; r < rows; r++) projectRow(x, (i + r) * d, r, out);
            }
        }

        /** Squared distances up to |x|^2: |x_j|^2/2 - x.x_j as one product per zero-padded block. */
        private void scanBlas(double[] x, int i0, int rows) {
            int n = train.size();
            System.arraycopy(x, i0 * d, query, 0, rows * d);
            java.util.Arrays.fill(query, rows * d, BLOCK * d, 0);
            kernel.dots(query, 0, BLOCK, trainMatrices[0], 0, n, dots, n);
            for (int r = 0; r < rows; r++) {
                for (int j = 0, o = r * n; j < n; j++) offer(r, j, 0.5 * train.norm2(j) - dots[o + j]);
            }
        }

        private void scanPanels(double[] x, int i0, int rows) {
            for (int i = 0; i < rows; i += 4) {
                int r4 = Math.min(4, rows - i);
                for (int pn = 0; pn < train.panels(); pn++) {
                    train.dots(x, i0 + i, r4, pn, c4);
                    int j0 = train.panelStart(pn), cnt = train.panelSize(pn);
                    for (int r = 0; r < r4; r++) {
                        for (int j = 0; j < cnt; j++) offer(i + r, j0 + j, 0.5 * train.norm2(j0 + j) - c4[r][j]);
                    }
                }
            }
        }

        /** Keeps the m smallest values of row r, ordered by (value, index): candidates come in index order. */
        private void offer(int r, int j, double s) {
            int o = r * m;
            if (!(s < bestVal[o + m - 1])) return;
            int q = m - 1;
            while (q > 0 && bestVal[o + q - 1] > s) {
                bestVal[o + q] = bestVal[o + q - 1];
                best[o + q] = best[o + q - 1];
                q--;
            }
            bestVal[o + q] = s;
            best[o + q] = j;
        }

        private void projectRow(double[] x, int off, int r, double[] out) {
            java.util.Arrays.fill(mu, 0);
            for (int i = 0; i < m; i++) {
                double[] row = train.row(best[r * m + i]);
                System.arraycopy(row, 0, a, i * d, d);
                for (int c = 0; c < d; c++) mu[c] += row[c];
            }
            for (int c = 0; c < d; c++) mu[c] /= m;
            for (int i = 0; i < m; i++) for (int c = 0; c < d; c++) a[i * d + c] -= mu[c];
            LocalPcaProjection.principal(a, m, d, k, PCA_ITERATIONS, v, av);
            // tangent coordinates t_i = U^T a_i, residuals a_i -= U t_i, radius h
            double h = 0;
            for (int i = 0; i < m; i++) {
                double n2 = 0;
                for (int q = 0; q < k; q++) {
                    double s = 0;
                    for (int c = 0; c < d; c++) s += a[i * d + c] * v[c * k + q];
                    t[i * k + q] = s;
                    n2 += s * s;
                }
                for (int c = 0; c < d; c++) {
                    double s = 0;
                    for (int q = 0; q < k; q++) s += v[c * k + q] * t[i * k + q];
                    a[i * d + c] -= s;
                }
                h = Math.max(h, Math.sqrt(n2));
            }
            for (int c = 0; c < d; c++) y[c] = x[off + c] - mu[c];
            if (!(h > 0) || !fitSurface(h)) { // all neighbours equal, or a degenerate fit: the local PCA projection
                linear(off, out);
                return;
            }
            // low-dimensional forms: u = U^T y, w = C y, B = C U, Gc = C C^T
            for (int q = 0; q < k; q++) {
                double s = 0;
                for (int c = 0; c < d; c++) s += v[c * k + q] * y[c];
                u[q] = s;
            }
            for (int l = 0; l < p; l++) {
                double s = 0;
                for (int c = 0; c < d; c++) s += coef[l * d + c] * y[c];
                w[l] = s;
                for (int q = 0; q < k; q++) {
                    double sb = 0;
                    for (int c = 0; c < d; c++) sb += coef[l * d + c] * v[c * k + q];
                    b[l * k + q] = sb;
                }
                for (int l2 = 0; l2 <= l; l2++) {
                    double sg = 0;
                    for (int c = 0; c < d; c++) sg += coef[l * d + c] * coef[l2 * d + c];
                    gc[l * p + l2] = sg;
                    gc[l2 * p + l] = sg;
                }
            }
            System.arraycopy(u, 0, tt, 0, k);
            for (int it = 0; it < iterations; it++) {
                if (!newtonStep(h)) break;
            }
            features(tt, 0, h, f);
            for (int c = 0; c < d; c++) {
                double s = mu[c];
                for (int q = 0; q < k; q++) s += v[c * k + q] * tt[q];
                for (int l = 0; l < p; l++) s += coef[l * d + c] * f[l];
                out[off + c] = s;
            }
            for (int c = 0; c < d; c++) {
                if (!Double.isFinite(out[off + c])) {
                    linear(off, out);
                    return;
                }
            }
        }

        /** mu + U U^T y. */
        private void linear(int off, double[] out) {
            for (int c = 0; c < d; c++) out[off + c] = mu[c];
            for (int q = 0; q < k; q++) {
                double s = 0;
                for (int c = 0; c < d; c++) s += v[c * k + q] * y[c];
                for (int c = 0; c < d; c++) out[off + c] += s * v[c * k + q];
            }
        }

        /** coef = (Phi^T Phi + lambda mean-diag I)^{-1} Phi^T R; false if not positive definite. */
        private boolean fitSurface(double h) {
            for (int i = 0; i < m; i++) features(t, i * k, h, phi, i * p);
            double trace = 0;
            for (int l = 0; l < p; l++) {
                for (int l2 = 0; l2 <= l; l2++) {
                    double s = 0;
                    for (int i = 0; i < m; i++) s += phi[i * p + l] * phi[i * p + l2];
                    gram[l * p + l2] = s;
                }
                trace += gram[l * p + l];
            }
            double lam = ridge * trace / p;
            for (int l = 0; l < p; l++) gram[l * p + l] += lam;
            if (!cholesky(gram, p, chol)) return false;
            java.util.Arrays.fill(coef, 0);
            for (int i = 0; i < m; i++) {
                for (int l = 0; l < p; l++) {
                    double s = phi[i * p + l];
                    if (s == 0) continue;
                    for (int c = 0; c < d; c++) coef[l * d + c] += s * a[i * d + c];
                }
            }
            for (int c = 0; c < d; c++) solveColumn(chol, p, coef, c, d);
            return true;
        }

        /**
         * One Newton step on F(t) = |y - U t - C^T phi(t)|^2 / 2 (Gauss–Newton where the Hessian is not positive
         * definite), at most h long; false when converged.
         */
        private boolean newtonStep(double h) {
            features(tt, 0, h, f);
            jacobian(tt, h);
            // C e = w - B t - Gc phi ; U^T e = u - t - B^T phi
            for (int l = 0; l < p; l++) {
                double s = w[l];
                for (int q = 0; q < k; q++) s -= b[l * k + q] * tt[q];
                for (int l2 = 0; l2 < p; l2++) s -= gc[l * p + l2] * f[l2];
                ce[l] = s;
            }
            for (int q = 0; q < k; q++) {
                double s = u[q] - tt[q];
                for (int l = 0; l < p; l++) s -= b[l * k + q] * f[l];
                for (int l = 0; l < p; l++) s += jac[l * k + q] * ce[l];
                grad[q] = s; // -dF/dt
            }
            // GN matrix I + B^T J + J^T B + J^T Gc J
            for (int q = 0; q < k; q++) {
                for (int q2 = 0; q2 < k; q2++) {
                    double s = q == q2 ? 1 : 0;
                    for (int l = 0; l < p; l++) {
                        s += b[l * k + q] * jac[l * k + q2] + jac[l * k + q] * b[l * k + q2];
                        double gj = 0;
                        for (int l2 = 0; l2 < p; l2++) gj += gc[l * p + l2] * jac[l2 * k + q2];
                        s += jac[l * k + q] * gj;
                    }
                    gn[q * k + q2] = s;
                }
            }
            // Newton: minus sum_l (C e)_l Hess phi_l; quadratic features t_a t_b / h^2 have constant Hessians
            System.arraycopy(gn, 0, hess, 0, k * k);
            double inv2 = 1 / (h * h);
            for (int a1 = 0, l = 1 + k; a1 < k; a1++) {
                for (int a2 = a1; a2 < k; a2++, l++) {
                    if (a1 == a2) hess[a1 * k + a1] -= 2 * inv2 * ce[l];
                    else {
                        hess[a1 * k + a2] -= inv2 * ce[l];
                        hess[a2 * k + a1] -= inv2 * ce[l];
                    }
                }
            }
            if (!solve(hess, grad) && !solve(gn, grad)) return false;
            double len = 0;
            for (int q = 0; q < k; q++) len += step[q] * step[q];
            len = Math.sqrt(len);
            double scale = len > h ? h / len : 1;
            for (int q = 0; q < k; q++) tt[q] += scale * step[q];
            return len > 1e-15 * h;
        }

        /** step = A^{-1} g (k x k) by Cholesky; false if not positive definite. */
        private boolean solve(double[] mat, double[] g) {
            if (!cholesky(mat, k, chol)) return false;
            System.arraycopy(g, 0, step, 0, k);
            solveColumn(chol, k, step, 0, 1);
            return true;
        }

        /** jac = d phi / d t at tt (p x k). */
        private void jacobian(double[] tv, double h) {
            java.util.Arrays.fill(jac, 0);
            double inv = 1 / h, inv2 = inv * inv;
            for (int q = 0; q < k; q++) jac[(1 + q) * k + q] = inv;
            for (int a1 = 0, l = 1 + k; a1 < k; a1++) {
                for (int a2 = a1; a2 < k; a2++, l++) {
                    jac[l * k + a1] += tv[a2] * inv2;
                    jac[l * k + a2] += tv[a1] * inv2;
                }
            }
        }
    }

    /** phi(t) = (1, t/h, (t_a t_b / h^2)_{a &lt;= b}) into out[o..o+P). */
    private void features(double[] tv, int to, double h, double[] out, int o) {
        double inv = 1 / h, inv2 = inv * inv;
        out[o] = 1;
        for (int q = 0; q < k; q++) out[o + 1 + q] = tv[to + q] * inv;
        for (int a1 = 0, l = o + 1 + k; a1 < k; a1++) {
            for (int a2 = a1; a2 < k; a2++, l++) out[l] = tv[to + a1] * tv[to + a2] * inv2;
        }
    }

    private void features(double[] tv, int to, double h, double[] out) { features(tv, to, h, out, 0); }

    /** Lower Cholesky factor of the symmetric n x n {@code a} (lower triangle read) into l; false if not positive definite. */
    static boolean cholesky(double[] a, int n, double[] l) {
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double s = a[i * n + j];
                for (int q = 0; q < j; q++) s -= l[i * n + q] * l[j * n + q];
                if (i == j) {
                    if (!(s > 0) || Double.isInfinite(s)) return false;
                    l[i * n + i] = Math.sqrt(s);
                } else {
                    l[i * n + j] = s / l[j * n + j];
                }
            }
        }
        return true;
    }

    /** Solves L L^T z = b in place for column c of the row-major (n x stride) {@code b}. */
    static void solveColumn(double[] l, int n, double[] b, int c, int stride) {
        for (int i = 0; i < n; i++) {
            double s = b[i * stride + c];
            for (int q = 0; q < i; q++) s -= l[i * n + q] * b[q * stride + c];
            b[i * stride + c] = s / l[i * n + i];
        }
        for (int i = n - 1; i >= 0; i--) {
            double s = b[i * stride + c];
            for (int q = i + 1; q < n; q++) s -= l[q * n + i] * b[q * stride + c];
            b[i * stride + c] = s / l[i * n + i];
        }
    }
}
