package org.diffold.core.knn;

import java.util.function.IntFunction;
import org.diffold.core.linalg.DotKernel;
import org.diffold.core.linalg.Parallel;

/**
 * Streams all squared distances |x_i - y_j|^2 = |x_i|^2 + |y_j|^2 - 2 x_i . y_j between the rows of two
 * row-major matrices, a block of references at a time, to per-worker {@link RowVisitor}s. The dot products come
 * from {@link DotKernel#best()} (OpenBLAS or pure Java; docs/math.md §9); nothing of size nx x ny is ever stored.
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
     * Rows of x per kernel call of {@link #scan} (fixed offsets, so call shapes do not depend on the thread count).
     * 512 x 4096 blocks ran OpenBLAS's dgemm at 49-50 GFLOP/s where 256 x 2048 ran at 44-46 (n = 10^4, D = 784,
     * 1 thread; numpy's one 10^4 x 10^4 product 51.6).
     */
    static final int SCAN_ROWS = 512;
    /** References per kernel call of {@link #scan} (the distance block is SCAN_ROWS x SCAN_COLUMNS, 16 MiB). */
    static final int SCAN_COLUMNS = 4096;
    /**
     * Rows per task of {@link #scanPairs}: a task on the diagonal computes its whole square but uses half, so larger
     * blocks waste a fraction ~ ROW_BLOCK / n of the work.
     */
    static final int ROW_BLOCK = 256;
    /** References per kernel call of {@link #scanPairs}. */
    static final int COLUMN_BLOCK = 2048;

    /**
     * Visits every pair (i, j), i &lt; nx, j &lt; ny. {@code visitorForWorker} is called once per worker (with the
     * worker index) before its rows are scanned; worker w receives exactly the rows of its contiguous range, each
     * row's references in increasing blocks.
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
        int workers = Math.max(1, Math.min(threads, (nx + SCAN_ROWS - 1) / SCAN_ROWS));
        RowVisitor[] visitors = new RowVisitor[workers];
        for (int w = 0; w < workers; w++) visitors[w] = visitorForWorker.apply(w);
        DotKernel kernel = DotKernel.best();
        double[] xNorm = norms(x, nx, dim), yNorm = x == y && nx == ny ? xNorm : norms(y, ny, dim);
        try (DotKernel.Matrix mx = kernel.matrix(x, nx, dim);
             DotKernel.Matrix my = x == y && nx == ny ? null : kernel.matrix(y, ny, dim)) {
            DotKernel.Matrix ref = my == null ? mx : my;
            Parallel.forRanges(nx, workers, SCAN_ROWS, (w, from, to) -> {
                double[] c = new double[Math.min(SCAN_ROWS, Math.max(1, nx)) * Math.min(SCAN_COLUMNS, Math.max(1, ny))];
                double[] d2 = new double[Math.min(SCAN_COLUMNS, Math.max(1, ny))];
                for (int i0 = from; i0 < to; i0 += SCAN_ROWS) {
                    int rows = Math.min(SCAN_ROWS, to - i0);
                    for (int j0 = 0; j0 < ny; j0 += SCAN_COLUMNS) {
                        int count = Math.min(SCAN_COLUMNS, ny - j0);
                        kernel.dots(mx, i0, rows, ref, j0, count, c, count);
                        for (int r = 0; r < rows; r++) {
                            double xn = xNorm[i0 + r];
                            for (int j = 0, o = r * count; j < count; j++) d2[j] = Math.max(0, xn + yNorm[j0 + j] - 2 * c[o + j]);
                            visitors[w].row(i0 + r, j0, d2, count);
                        }
                    }
                }
            });
        }
    }

    /**
     * Visits every unordered pair {i, j} of rows of x exactly once, half the work of {@link #scan}(x, x): row i
     * receives only references j > i. The work is a fixed list of tasks (row block, column block of the upper
     * triangle), split into contiguous chunks, one per worker; which tasks a worker gets depends on the thread count,
     * but each pair is computed by the same kernel call whatever the thread count, so its value does not.
     */
    public static void scanPairs(double[] x, int n, int dim, int threads, IntFunction<RowVisitor> visitorForWorker) {
        if (threads < 1) throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        if (dim < 1) throw new IllegalArgumentException("dim must be >= 1, got " + dim);
        if (n < 0 || x.length < (long) n * dim) {
            throw new IllegalArgumentException("matrix holds " + x.length + " values, needs n*dim = " + (long) n * dim);
        }
        // tasks: row block b covers columns [b * ROW_BLOCK, n) in chunks of COLUMN_BLOCK
        int blocks = (n + ROW_BLOCK - 1) / ROW_BLOCK;
        java.util.List<int[]> tasks = new java.util.ArrayList<>();
        for (int b = 0; b < blocks; b++) {
            for (int j0 = b * ROW_BLOCK; j0 < n; j0 += COLUMN_BLOCK) tasks.add(new int[] {b * ROW_BLOCK, j0});
        }
        int workers = Math.max(1, Math.min(threads, tasks.size()));
        RowVisitor[] visitors = new RowVisitor[workers];
        for (int w = 0; w < workers; w++) visitors[w] = visitorForWorker.apply(w);
        double[] norm = norms(x, n, dim);
        DotKernel kernel = DotKernel.best();
        try (DotKernel.Matrix mx = kernel.matrix(x, n, dim)) {
            Parallel.forRanges(tasks.size(), workers, 1, (w, from, to) -> {
                double[] c = new double[ROW_BLOCK * COLUMN_BLOCK];
                double[] d2 = new double[COLUMN_BLOCK];
                for (int t = from; t < to; t++) {
                    int i0 = tasks.get(t)[0], j0 = tasks.get(t)[1];
                    int rows = Math.min(ROW_BLOCK, n - i0), count = Math.min(COLUMN_BLOCK, n - j0);
                    kernel.dots(mx, i0, rows, mx, j0, count, c, count);
                    for (int r = 0; r < rows; r++) {
                        int row = i0 + r, start = Math.max(0, row - j0 + 1);
                        if (start >= count) continue;
                        double xn = norm[row];
                        for (int j = start, o = r * count; j < count; j++) {
                            d2[j - start] = Math.max(0, xn + norm[j0 + j] - 2 * c[o + j]);
                        }
                        visitors[w].row(row, j0 + start, d2, count - start);
                    }
                }
            });
        }
    }

    private static double[] norms(double[] x, int n, int dim) {
        double[] out = new double[n];
        for (int i = 0; i < n; i++) out[i] = squaredNorm(x, i * dim, dim);
        return out;
    }

    private static double squaredNorm(double[] x, int off, int dim) {
        double s = 0;
        for (int k = 0; k < dim; k++) s += x[off + k] * x[off + k];
        return s;
    }

    /**
     * out[outOff + p] = |x_i - y_{js[from + p]}|^2 for p &lt; count, each with the same bits as
     * {@link #squaredDistance}: four distances at a time, each its own sum in coordinate order, so the four
     * dependent chains of additions overlap instead of running one after another.
     */
    public static void squaredDistances(double[] x, int i, double[] y, int[] js, int from, int count, int dim,
                                        double[] out, int outOff) {
        int a = i * dim, p = 0;
        for (; p + 4 <= count; p += 4) {
            int b0 = js[from + p] * dim, b1 = js[from + p + 1] * dim, b2 = js[from + p + 2] * dim, b3 = js[from + p + 3] * dim;
            double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
            for (int k = 0; k < dim; k++) {
                double v = x[a + k];
                double d0 = v - y[b0 + k], d1 = v - y[b1 + k], d2 = v - y[b2 + k], d3 = v - y[b3 + k];
                s0 += d0 * d0;
                s1 += d1 * d1;
                s2 += d2 * d2;
                s3 += d3 * d3;
            }
            out[outOff + p] = s0;
            out[outOff + p + 1] = s1;
            out[outOff + p + 2] = s2;
            out[outOff + p + 3] = s3;
        }
        for (; p < count; p++) out[outOff + p] = squaredDistance(x, i, y, js[from + p], dim);
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
