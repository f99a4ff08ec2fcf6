package org.diffold.core.score.empirical;

import org.diffold.core.linalg.DotKernel;
import org.diffold.core.linalg.DotPanelKernel;

/**
 * A training set x_1..x_N in R^D packed once for the GEMM-shaped score evaluations of docs/math.md §6: panels of
 * {@link DotPanelKernel#PANEL} points, each held twice, transposed ({@code dim x nb}, for the dot products
 * x . x_i) and as row arrays ({@code nb x dim}, for the weighted sums sum_i w_i x_i), plus |x_i|^2.
 * Memory is 2 N D doubles. Immutable and shared by all evaluators.
 */
public final class TrainingPanels {
    private final int n, dim, panelWidth;
    private final double[][][] transposed;
    private final double[][][] rows;
    private final double[] norms;
    private volatile DotKernel.Matrix[] blas;

    /**
     * Packs the row-major n x dim matrix {@code x} (copied). Needs n >= 2 and finite values; errors name the row.
     */
    public TrainingPanels(double[] x, int n, int dim) {
        if (dim < 1) throw new IllegalArgumentException("training set: dimension must be >= 1, got " + dim);
        if (n < 2) throw new IllegalArgumentException("training set: needs at least 2 rows, got " + n);
        if (x.length < (long) n * dim) throw new IllegalArgumentException("training set: holds " + x.length + " values, needs n*D = " + (long) n * dim);
        for (int i = 0; i < n; i++) {
            for (int k = 0, o = i * dim; k < dim; k++) {
                if (!Double.isFinite(x[o + k])) {
                    throw new IllegalArgumentException("training set: row " + i + " has a non-finite value (" + x[o + k] + ") in column " + k);
                }
            }
        }
        this.n = n;
        this.dim = dim;
        this.panelWidth = DotPanelKernel.PANEL;
        int panels = (n + panelWidth - 1) / panelWidth;
        transposed = new double[panels][][];
        rows = new double[panels][][];
        norms = new double[n];
        double[] nb = new double[panelWidth];
        for (int p = 0; p < panels; p++) {
            int j0 = p * panelWidth, count = Math.min(panelWidth, n - j0);
            transposed[p] = DotPanelKernel.newPanel(dim, count);
            DotPanelKernel.pack(x, dim, j0, count, transposed[p], nb);
            System.arraycopy(nb, 0, norms, j0, count);
            rows[p] = new double[count][];
            for (int j = 0; j < count; j++) rows[p][j] = java.util.Arrays.copyOfRange(x, (j0 + j) * dim, (j0 + j + 1) * dim);
        }
    }

    /**
     * The training rows (N x D) and their transpose (D x N) prepared for {@code kernel}, made once on first use (for
     * OpenBLAS a native copy of 2 N D doubles, kept for the life of this object).
     */
    DotKernel.Matrix[] kernelMatrices(DotKernel kernel) {
        DotKernel.Matrix[] m = blas;
        if (m == null) {
            synchronized (this) {
                m = blas;
                if (m == null) {
                    double[] x = toMatrix(), t = new double[n * dim];
                    for (int j = 0; j < n; j++) for (int k = 0; k < dim; k++) t[k * n + j] = x[j * dim + k];
                    m = new DotKernel.Matrix[] {kernel.matrix(x, n, dim), kernel.matrix(t, dim, n)};
                    blas = m;
                }
            }
        }
        return m;
    }

    /** Number of training points N. */
    public int size() { return n; }

    /** Dimension D. */
    public int dim() { return dim; }

    /** Number of panels. */
    public int panels() { return transposed.length; }

    /** Points per full panel. */
    public int panelWidth() { return panelWidth; }

    /** Index of the first point of panel p. */
    public int panelStart(int p) { return p * panelWidth; }

    /** Points in panel p. */
    public int panelSize(int p) { return rows[p].length; }

    /** |x_j|^2. */
    public double norm2(int j) { return norms[j]; }

    /** Row j (a shared array: do not modify). */
    public double[] row(int j) { return rows[j / panelWidth][j % panelWidth]; }

    /** A copy of the training set as a row-major N x D matrix. */
    public double[] toMatrix() {
        double[] out = new double[n * dim];
        for (int j = 0; j < n; j++) System.arraycopy(row(j), 0, out, j * dim, dim);
        return out;
    }

    /** c[r][j] = x_{i0+r} . x_{panelStart(p)+j} for r &lt; rows (1..4); see {@link DotPanelKernel#dot4}. */
    public void dots(double[] x, int i0, int rows, int p, double[][] c) {
        DotPanelKernel.dot4(x, dim, i0, rows, transposed[p], panelSize(p), c);
    }

    /**
     * c[r][k] = sum_j w[(r0 + r) * m + j] x_{panelStart(p)+j}[k] for r &lt; rows (1..4), k &lt; D, m = panelSize(p):
     * weighted sums of the panel's points, weights row-major with stride m. {@code c} needs 4 rows of length >= D.
     */
    public void weightedSums(double[] w, int r0, int rows, int p, double[][] c) {
        DotPanelKernel.dot4(w, panelSize(p), r0, rows, this.rows[p], dim, c);
    }
}
