package org.diffold.core.score.empirical;

import org.diffold.core.linalg.DotKernel;

/**
 * The posterior mean of the empirical mixture (docs/math.md §6): for a query x,
 * m(x) = sum_i w_i x_i with w_i ∝ exp(-|x - c x_i|^2 / (2 v)), computed as a softmax of the logits
 * (c x . x_i - c^2 |x_i|^2 / 2) / v (the |x|^2 term cancels) with the row maximum subtracted (log-sum-exp stable).
 * Both the logits and the weighted sums are GEMM-shaped: with OpenBLAS ({@link DotKernel#best()}) each block of
 * {@link #blockRows()} rows (zero-padded, so every call has the same shape and a row's bits do not depend on the
 * split) is two dgemm calls, (B x D)(D x N) and (B x N)(N x D); without it they go through the pre-packed
 * {@code DotPanelKernel} panels of {@link TrainingPanels}, {@link #BLOCK} rows at a time. The OpenBLAS block is as
 * large as {@link #MAX_LOGITS} allows, up to {@link #MAX_BLAS_ROWS}: with B = 32 OpenBLAS re-packs all N D training
 * values for every 32 queries, and the two products ran at 27 GFLOP/s against 45 with B = 256 (N = 16384, D = 784). Weights below e^-60 of the largest are exactly 0 (see {@link #CUTOFF}).
 *
 * <p>One instance per thread: it owns the scratch (a block of {@link #blockRows()} rows times N weights), allocated once, so
 * evaluation allocates nothing. A row's result depends on that row alone (fixed panel order, fixed summation order),
 * so it is bit-identical for any batch split and thread count.
 */
public final class PosteriorMean {
    /** Rows per block of the Java path, and the smallest OpenBLAS block (a block's B x N weights are held at once). */
    public static final int BLOCK = 32;
    /** Largest OpenBLAS block (rows evaluated, and padded to, together) [ours]. */
    public static final int MAX_BLAS_ROWS = 256;
    /** Cap on the OpenBLAS block's weights, B x N doubles (64 MiB per evaluator) [ours]. */
    public static final long MAX_LOGITS = 1L << 23;
    /**
     * Weights below e^-CUTOFF times the largest are set to exactly 0; their total relative share is below
     * N e^-60 &lt; 1e-17 for N &lt;= 10^9, under double rounding, so the result is the exact softmax to rounding.
     */
    public static final double CUTOFF = 60;
    private final TrainingPanels train;
    private final double[][] weights;
    private final double[][] c;
    private final double[] rowMax = new double[BLOCK], rowSum;
    private final DotKernel kernel;
    private final DotKernel.Matrix[] trainMatrices;
    private final int blockRows;
    private final double[] query, logits, means;

    /** An engine for the training set on the fastest kernel. */
    public PosteriorMean(TrainingPanels train) { this(train, DotKernel.best()); }

    /** An engine for the training set; the Java backend uses the pre-packed panels. */
    public PosteriorMean(TrainingPanels train, DotKernel kernel) {
        this.train = train;
        boolean blas = !kernel.name().equals("java");
        this.kernel = blas ? kernel : null;
        trainMatrices = blas ? train.kernelMatrices(kernel) : null;
        int n = train.size(), d = train.dim();
        blockRows = blockRows(train, kernel);
        rowSum = new double[blockRows];
        query = blas ? new double[blockRows * d] : null;
        logits = blas ? new double[blockRows * n] : null;
        means = blas ? new double[blockRows * d] : null;
        weights = new double[blas ? 0 : train.panels()][];
        for (int p = 0; p < weights.length; p++) weights[p] = new double[BLOCK * train.panelSize(p)];
        c = new double[4][Math.max(train.panelWidth(), train.dim())];
    }

    /** The training set. */
    public TrainingPanels train() { return train; }

    /**
     * Rows evaluated together: calls covering a multiple of this many rows run at full speed (a shorter tail is
     * padded with zero rows on the OpenBLAS path).
     */
    public int blockRows() { return blockRows; }

    /** The {@link #blockRows()} an engine for {@code train} on {@code kernel} has, without building one. */
    public static int blockRows(TrainingPanels train, DotKernel kernel) {
        return kernel.name().equals("java") ? BLOCK : blasRows(train.size());
    }

    /** The OpenBLAS block for N training rows: the largest power of two in [BLOCK, MAX_BLAS_ROWS] with B N &lt;= MAX_LOGITS. */
    static int blasRows(int n) {
        int rows = MAX_BLAS_ROWS;
        while (rows > BLOCK && (long) rows * n > MAX_LOGITS) rows /= 2;
        return rows;
    }

    /**
     * Writes m(x) for rows [from, to) of {@code x} into the same rows of {@code out} (must not alias x).
     *
     * @param scale c > 0, the factor on the training points
     * @param variance v > 0
     */
    public void mean(double scale, double variance, double[] x, double[] out, int from, int to) {
        for (int b = from; b < to; b += blockRows) {
            if (kernel != null) blasBlock(scale, variance, x, out, b, Math.min(to, b + blockRows));
            else block(scale, variance, x, out, b, Math.min(to, b + blockRows));
        }
    }

    /** One block on the kernel: logits = Q X^T, softmax per row, means = W X. */
    private void blasBlock(double scale, double variance, double[] x, double[] out, int from, int to) {
        int d = train.dim(), n = train.size(), rows = to - from;
        double a = scale / variance, q = 0.5 * scale * scale / variance;
        System.arraycopy(x, from * d, query, 0, rows * d);
        java.util.Arrays.fill(query, rows * d, blockRows * d, 0);
        kernel.dots(query, 0, blockRows, trainMatrices[0], 0, n, logits, n);
        for (int r = 0; r < rows; r++) {
            int o = r * n;
            double mx = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < n; j++) {
                double l = a * logits[o + j] - q * train.norm2(j);
                logits[o + j] = l;
                if (l > mx) mx = l;
            }
            double cut = mx - CUTOFF, s = 0;
            for (int j = o, end = o + n; j < end; j++) {
                double l = logits[j];
                double e = l > cut ? Math.exp(l - mx) : 0;
                logits[j] = e;
                s += e;
            }
            rowSum[r] = s;
        }
        java.util.Arrays.fill(logits, rows * n, blockRows * n, 0);
        kernel.dots(logits, 0, blockRows, trainMatrices[1], 0, d, means, d);
        for (int r = 0; r < rows; r++) {
            double inv = 1 / rowSum[r];
            for (int k = 0, o = (from + r) * d; k < d; k++) out[o + k] = means[r * d + k] * inv;
        }
    }

    private void block(double scale, double variance, double[] x, double[] out, int from, int to) {
        int d = train.dim(), rows = to - from;
        double a = scale / variance, q = 0.5 * scale * scale / variance;
        java.util.Arrays.fill(rowMax, 0, rows, Double.NEGATIVE_INFINITY);
        for (int p = 0; p < train.panels(); p++) {
            int m = train.panelSize(p), j0 = train.panelStart(p);
            double[] w = weights[p];
            for (int i = from; i < to; i += 4) {
                int r4 = Math.min(4, to - i);
                train.dots(x, i, r4, p, c);
                for (int r = 0; r < r4; r++) {
                    int rr = i - from + r, o = rr * m;
                    double[] cr = c[r];
                    double mx = rowMax[rr];
                    for (int j = 0; j < m; j++) {
                        double l = a * cr[j] - q * train.norm2(j0 + j);
                        w[o + j] = l;
                        if (l > mx) mx = l;
                    }
                    rowMax[rr] = mx;
                }
            }
        }
        java.util.Arrays.fill(rowSum, 0, rows, 0);
        for (int p = 0; p < train.panels(); p++) {
            int m = train.panelSize(p);
            double[] w = weights[p];
            for (int rr = 0; rr < rows; rr++) {
                double cut = rowMax[rr] - CUTOFF, mx = rowMax[rr], s = 0;
                for (int j = rr * m, end = j + m; j < end; j++) {
                    double l = w[j];
                    // below the cut-off exp would be < e^-60 of the largest weight (often subnormal, which is slow): 0
                    double e = l > cut ? Math.exp(l - mx) : 0;
                    w[j] = e;
                    s += e;
                }
                rowSum[rr] += s;
            }
        }
        java.util.Arrays.fill(out, from * d, to * d, 0);
        for (int p = 0; p < train.panels(); p++) {
            for (int rr = 0; rr < rows; rr += 4) {
                int r4 = Math.min(4, rows - rr);
                train.weightedSums(weights[p], rr, r4, p, c);
                for (int r = 0; r < r4; r++) {
                    double[] cr = c[r];
                    for (int k = 0, o = (from + rr + r) * d; k < d; k++) out[o + k] += cr[k];
                }
            }
        }
        for (int rr = 0; rr < rows; rr++) {
            double inv = 1 / rowSum[rr];
            for (int k = 0, o = (from + rr) * d; k < d; k++) out[o + k] *= inv;
        }
    }
}
