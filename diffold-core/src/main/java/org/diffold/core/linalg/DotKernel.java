package org.diffold.core.linalg;

/**
 * The one interface behind GEMM-shaped work in core (kNN distances, local-PCA Grams, empirical scores;
 * docs/math.md §6, §8, §9): blocks of dot products C = X_I Y_J^T between rows of two row-major matrices.
 *
 * <p>{@link #best()} is OpenBLAS ({@code org.bytedeco:openblas}, single-threaded per call, the caller parallelises
 * over row blocks) when its native library loads, else the pure-Java {@link DotPanelKernel}. Each backend gives the
 * same bits for the same call shape; callers make shapes independent of the thread count (fixed blocks at fixed
 * offsets), so results do not depend on it. {@code -Ddiffold.blas=java} forces the Java backend.
 */
public interface DotKernel {
    /** Backend name ("openblas" or "java"). */
    String name();

    /** Prepares the n rows of length dim of {@code rows} (row-major) for products; the array must not change. */
    Matrix matrix(double[] rows, int n, int dim);

    /**
     * c[r * ldc + j] = x_{i0 + r} . y_{j0 + j} for r &lt; rows, j &lt; count. Thread-safe; scratch is per thread.
     */
    void dots(Matrix x, int i0, int rows, Matrix y, int j0, int count, double[] c, int ldc);

    /**
     * The same products with x's rows read from a plain row-major array (rows of length {@code y.dim()}), for a left
     * operand that changes every call (a block of queries or of weights): the OpenBLAS backend copies them into
     * per-thread native scratch that is reused, instead of allocating a {@link #matrix} per call. Same bits as
     * {@code dots(matrix(x, i0 + rows, dim), i0, rows, y, ...)}.
     */
    void dots(double[] x, int i0, int rows, Matrix y, int j0, int count, double[] c, int ldc);

    /**
     * The eigenvalues of the Gram matrix G = X X^T of the m rows of {@code x} (row-major m x dim; a plain array,
     * e.g. a neighbourhood's centred points), in decreasing order, into eig[0..m) (docs/math.md §8). Thread-safe.
     */
    void gramEigenvalues(double[] x, int m, int dim, double[] eig);

    /** Rows prepared by {@link #matrix}; {@link #close()} frees native copies (safe to call twice). */
    abstract class Matrix implements AutoCloseable {
        final double[] rows;
        final int n, dim;

        Matrix(double[] rows, int n, int dim) {
            if (n < 0 || dim < 1 || rows.length < (long) n * dim) {
                throw new IllegalArgumentException("matrix holds " + rows.length + " values, needs n*dim = " + (long) n * dim);
            }
            this.rows = rows;
            this.n = n;
            this.dim = dim;
        }

        /** Rows. */
        public int n() { return n; }

        /** Row length. */
        public int dim() { return dim; }

        @Override public void close() {}
    }

    /** OpenBLAS when it loads (and is not switched off), else Java. */
    static DotKernel best() { return Backends.BEST; }

    /** The pure-Java backend. */
    static DotKernel java() { return JavaDotKernel.INSTANCE; }

    /** Lazily chosen backend. */
    final class Backends {
        static final DotKernel BEST = choose();

        private Backends() {}

        private static DotKernel choose() {
            if ("java".equals(System.getProperty("diffold.blas"))) return JavaDotKernel.INSTANCE;
            try {
                return OpenBlasDotKernel.load();
            } catch (LinkageError | RuntimeException e) {
                return JavaDotKernel.INSTANCE;
            }
        }
    }
}
