package org.diffold.core.linalg;

import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.openblas.global.openblas;

/**
 * {@link DotKernel} on OpenBLAS's dgemm (C = X_I Y_J^T, row-major, no transposes copied): each matrix is copied once
 * into native memory, each call computes into a per-thread native buffer and copies C back. OpenBLAS runs one
 * thread per call (set explicitly: its default is all cores), so the caller's threads are the only parallelism and
 * a call's result depends only on its shape.
 */
final class OpenBlasDotKernel implements DotKernel {
    private final ThreadLocal<DoublePointer[]> buffer = ThreadLocal.withInitial(() -> new DoublePointer[1]);
    private final ThreadLocal<DoublePointer[]> left = ThreadLocal.withInitial(() -> new DoublePointer[1]);

    private OpenBlasDotKernel() {}

    static OpenBlasDotKernel load() {
        Loader.load(openblas.class);
        openblas.blas_set_num_threads(1);
        OpenBlasDotKernel k = new OpenBlasDotKernel();
        double[] a = {1, 2, 3, 4};
        double[] c = new double[4];
        try (Matrix m = k.matrix(a, 2, 2)) {
            k.dots(m, 0, 2, m, 0, 2, c, 2);
        }
        if (c[0] != 5 || c[1] != 11 || c[3] != 25) throw new IllegalStateException("OpenBLAS self-test failed");
        return k;
    }

    @Override public String name() { return "openblas"; }

    private static final class NativeMatrix extends Matrix {
        private DoublePointer data;

        NativeMatrix(double[] rows, int n, int dim) {
            super(rows, n, dim);
            data = new DoublePointer(Math.max(1L, (long) n * dim));
            data.put(rows, 0, n * dim);
        }

        @Override
        public synchronized void close() {
            if (data != null) { data.close(); data = null; }
        }
    }

    private static final class GramBuffers {
        long xCap = -1, gCap = -1;
        DoublePointer x, gram, w;
    }

    private final ThreadLocal<GramBuffers> gramBuffers = ThreadLocal.withInitial(GramBuffers::new);

    /** dsyrk (lower triangle of X X^T), then LAPACK dsyevd without eigenvectors (ascending, reversed here). */
    @Override
    public void gramEigenvalues(double[] x, int m, int dim, double[] eig) {
        GramBuffers g = gramBuffers.get();
        long nx = (long) m * dim, ng = (long) m * m;
        if (g.xCap < nx) { if (g.x != null) g.x.close(); g.x = new DoublePointer(nx); g.xCap = nx; }
        if (g.gCap < ng) {
            if (g.gram != null) { g.gram.close(); g.w.close(); }
            g.gram = new DoublePointer(ng);
            g.w = new DoublePointer(m);
            g.gCap = ng;
        }
        g.x.position(0).put(x, 0, (int) nx);
        openblas.cblas_dsyrk(openblas.CblasRowMajor, openblas.CblasLower, openblas.CblasNoTrans, m, dim, 1.0,
                g.x, dim, 0.0, g.gram, m);
        int info = openblas.LAPACKE_dsyevd(openblas.LAPACK_ROW_MAJOR, (byte) 'N', (byte) 'L', m, g.gram, m, g.w);
        if (info != 0) throw new IllegalStateException("LAPACK dsyevd failed (info " + info + ") on a " + m + " x " + m + " Gram matrix");
        for (int i = 0; i < m; i++) eig[i] = g.w.get(m - 1 - i);
    }

    @Override
    public Matrix matrix(double[] rows, int n, int dim) {
        return new NativeMatrix(rows, n, dim);
    }

    @Override
    public void dots(double[] x, int i0, int rows, Matrix y, int j0, int count, double[] c, int ldc) {
        if (rows == 0 || count == 0) return;
        int dim = y.dim;
        if (i0 < 0 || x.length < (long) (i0 + rows) * dim) {
            throw new IllegalArgumentException("left rows [" + i0 + ", " + (i0 + rows) + ") of length " + dim + " exceed an array of " + x.length);
        }
        DoublePointer a = scratch(left, (long) rows * dim);
        a.position(0).put(x, i0 * dim, rows * dim);
        gemm(a, rows, (NativeMatrix) y, j0, count, c, ldc);
    }

    @Override
    public void dots(Matrix x, int i0, int rows, Matrix y, int j0, int count, double[] c, int ldc) {
        if (rows == 0 || count == 0) return;
        NativeMatrix nx = (NativeMatrix) x;
        gemm(new DoublePointer(nx.data).position((long) i0 * x.dim), rows, (NativeMatrix) y, j0, count, c, ldc);
    }

    /** A per-thread native buffer of at least {@code need} doubles (grown, never shrunk). */
    private static DoublePointer scratch(ThreadLocal<DoublePointer[]> holder, long need) {
        DoublePointer[] h = holder.get();
        if (h[0] == null || h[0].capacity() < need) {
            if (h[0] != null) h[0].close();
            h[0] = new DoublePointer(need);
        }
        return h[0];
    }

    /** C = A Y_J^T for the rows x dim matrix at {@code a}, copied back into c with stride ldc. */
    private void gemm(DoublePointer a, int rows, NativeMatrix ny, int j0, int count, double[] c, int ldc) {
        int dim = ny.dim;
        DoublePointer out = scratch(buffer, (long) rows * count);
        DoublePointer b = new DoublePointer(ny.data).position((long) j0 * dim);
        openblas.cblas_dgemm(openblas.CblasRowMajor, openblas.CblasNoTrans, openblas.CblasTrans, rows, count, dim,
                1.0, a, dim, b, dim, 0.0, out, count);
        if (ldc == count) {
            out.position(0).get(c, 0, rows * count);
        } else {
            for (int r = 0; r < rows; r++) out.position((long) r * count).get(c, r * ldc, count);
            out.position(0);
        }
    }
}
