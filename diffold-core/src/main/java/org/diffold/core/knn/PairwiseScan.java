package org.diffold.core.knn;

import java.util.function.IntFunction;
import org.diffold.core.linalg.DotPanelKernel;
import org.diffold.core.linalg.Parallel;

/**
 * Streams all squared distances |x_i - y_j|^2 = |x_i|^2 + |y_j|^2 - 2 x_i . y_j between the rows of two
 * row-major matrices, a panel of references at a time, to per-worker {@link RowVisitor}s. The dot products come
 * from {@link DotPanelKernel}; nothing of size nx x ny is ever stored.
 *
 * <p>Rows of x are split into one contiguous range per worker, and each row sees the panels in the same order
 * whatever the thread count, so results are identical for any number of threads. Values are clamped at 0
 * (the expansion can round to tiny negatives); callers needing full accuracy for the few pairs they keep recompute
 * those distances directly ({@link #squaredDistance}).
 */
public final class PairwiseScan {
    /** Receives the squared distances of one x row to one panel of y rows; one visitor per worker thread. */
    public interface RowVisitor {
        /** d2[j] = |x_i - y_{j0+j}|^2 for j &lt; count; {@code d2} is reused after the call returns. */
        void row(int i, int j0, double[] d2, int count);
    }

    private PairwiseScan() {}

    /**
     * Visits every pair (i, j), i &lt; nx, j &lt; ny. {@code visitorForWorker} is called once per worker (with the
     * worker index) before its rows are scanned; worker w receives exactly the rows of its contiguous range.
     *
     * @param threads worker threads, >= 1
     */
    public static void scan(double[] x, int nx, double[] y, int ny, int dim, int threads,
                            IntFunction<RowVisitor> visitorForWorker) {
        if (threads < 1) throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        if (dim < 1) throw new IllegalArgumentException("dim must be >= 1, got " + dim);
        if (nx < 0 || ny < 0 || x.length < (long) nx * dim || y.length < (long) ny * dim) {
            throw new IllegalArgumentException("matrices hold " + x.length + " and " + y.length
                    + " values, need nx*dim = " + (long) nx * dim + " and ny*dim = " + (long) ny * dim);
        }
        int workers = Math.max(1, Math.min(threads, (nx + DotPanelKernel.ROWS - 1) / DotPanelKernel.ROWS));
        RowVisitor[] visitors = new RowVisitor[workers];
        for (int w = 0; w < workers; w++) visitors[w] = visitorForWorker.apply(w);
        Parallel.forRanges(nx, workers, DotPanelKernel.ROWS, (w, from, to) -> scanRange(x, from, to, y, ny, dim, visitors[w]));
    }

    /**
     * Visits every unordered pair {i, j} of rows of x exactly once, half the work of {@link #scan}(x, x): row i
     * receives only references j > i. The (row block, panel) pairs of the upper triangle are split into contiguous
     * chunks, one per worker, so a worker sees both the rows and the references of its pairs; which pairs a worker gets
     * depends on the thread count, but the value computed for each pair does not (the kernel is symmetric in its
     * arguments).
     */
    public static void scanPairs(double[] x, int n, int dim, int threads, IntFunction<RowVisitor> visitorForWorker) {
        if (threads < 1) throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        if (dim < 1) throw new IllegalArgumentException("dim must be >= 1, got " + dim);
        if (n < 0 || x.length < (long) n * dim) {
            throw new IllegalArgumentException("matrix holds " + x.length + " values, needs n*dim = " + (long) n * dim);
        }
        int nb = DotPanelKernel.PANEL, blocks = (n + nb - 1) / nb;
        int pairs = blocks * (blocks + 1) / 2;
        int workers = Math.max(1, Math.min(threads, pairs));
        RowVisitor[] visitors = new RowVisitor[workers];
        for (int w = 0; w < workers; w++) visitors[w] = visitorForWorker.apply(w);
        double[] norm = new double[n];
        for (int i = 0; i < n; i++) norm[i] = squaredNorm(x, i * dim, dim);
        Parallel.forRanges(pairs, workers, 1, (w, from, to) -> {
            double[][] panel = DotPanelKernel.newPanel(dim, nb);
            double[][] c = new double[DotPanelKernel.ROWS][nb];
            double[] d2 = new double[nb];
            int bi = 0, bj = 0, p = 0;
            while (p < from) { if (++bj == blocks) { bi++; bj = bi; } p++; }
            for (; p < to; p++) {
                int i0 = bi * nb, rowsEnd = Math.min(n, i0 + nb), j0 = bj * nb, count = Math.min(nb, n - j0);
                DotPanelKernel.pack(x, dim, j0, count, panel, null);
                for (int i = i0; i < rowsEnd; i += DotPanelKernel.ROWS) {
                    int rows = Math.min(DotPanelKernel.ROWS, rowsEnd - i);
                    DotPanelKernel.dot4(x, dim, i, rows, panel, count, c);
                    for (int r = 0; r < rows; r++) {
                        int row = i + r, start = bi == bj ? row - j0 + 1 : 0;
                        if (start >= count) continue;
                        double xn = norm[row];
                        double[] cr = c[r];
                        for (int j = start; j < count; j++) d2[j - start] = Math.max(0, xn + norm[j0 + j] - 2 * cr[j]);
                        visitors[w].row(row, j0 + start, d2, count - start);
                    }
                }
                if (++bj == blocks) { bi++; bj = bi; }
            }
        });
    }

    private static void scanRange(double[] x, int from, int to, double[] y, int ny, int dim, RowVisitor visitor) {
        int nb = DotPanelKernel.PANEL;
        double[][] panel = DotPanelKernel.newPanel(dim, nb);
        double[][] c = new double[DotPanelKernel.ROWS][nb];
        double[] yNorm = new double[nb];
        double[] xNorm = new double[to - from];
        for (int i = from; i < to; i++) xNorm[i - from] = squaredNorm(x, i * dim, dim);
        double[] d2 = new double[nb];
        for (int j0 = 0; j0 < ny; j0 += nb) {
            int count = Math.min(nb, ny - j0);
            DotPanelKernel.pack(y, dim, j0, count, panel, yNorm);
            for (int i = from; i < to; i += DotPanelKernel.ROWS) {
                int rows = Math.min(DotPanelKernel.ROWS, to - i);
                DotPanelKernel.dot4(x, dim, i, rows, panel, count, c);
                for (int r = 0; r < rows; r++) {
                    double[] cr = c[r];
                    double xn = xNorm[i + r - from];
                    for (int j = 0; j < count; j++) d2[j] = Math.max(0, xn + yNorm[j] - 2 * cr[j]);
                    visitor.row(i + r, j0, d2, count);
                }
            }
        }
    }

    private static double squaredNorm(double[] x, int off, int dim) {
        double s = 0;
        for (int k = 0; k < dim; k++) s += x[off + k] * x[off + k];
        return s;
    }

    /** |x_i - y_j|^2 computed directly from the differences (accurate for close pairs). */
    public static double squaredDistance(double[] x, int i, double[] y, int j, int dim) {
        double s = 0;
        for (int k = 0, a = i * dim, b = j * dim; k < dim; k++) {
            double d = x[a + k] - y[b + k];
            s += d * d;
        }
        return s;
    }
}
