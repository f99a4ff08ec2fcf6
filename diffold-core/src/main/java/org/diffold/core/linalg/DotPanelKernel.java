package org.diffold.core.linalg;

/**
 * The register-blocked kernel behind every GEMM-shaped loop in core (kNN distances, empirical scores;
 * docs/math.md §6, §8): dot products of up to four rows x_i with a packed panel of references.
 *
 * <p>A panel holds {@code nb} reference rows transposed as row arrays, {@code panel[k][j] = y_{j0+j}[k]}, so the
 * inner loop {@code c[r][j] += x_rk y_kj + x_r(k+1) y_(k+1)j} runs over contiguous memory and the JIT turns it into
 * SIMD fused multiply-adds. Four rows times two k per pass keeps 8 broadcasts, 2 panel loads and 4 accumulators in
 * registers; measured at about 20 GFLOP/s per core in double precision (see {@code KnnBenchmark}), where a plain
 * flat-array triple loop reaches about 4. Pure Java, allocation-free.
 */
public final class DotPanelKernel {
    /** Rows per call of {@link #dot4}. */
    public static final int ROWS = 4;
    /** Default panel width (references per panel), chosen by measurement: 4 x 256 accumulators fit in L1. */
    public static final int PANEL = 256;

    private DotPanelKernel() {}

    /** A panel buffer for rows of length {@code dim} and up to {@code nb} references. */
    public static double[][] newPanel(int dim, int nb) {
        return new double[dim][nb];
    }

    /**
     * Packs rows [j0, j0 + nb) of the row-major matrix {@code y} (rows of length {@code dim}) into {@code panel}
     * (modified), transposed; also writes their squared norms into {@code norms[0..nb)} when non-null.
     */
    public static void pack(double[] y, int dim, int j0, int nb, double[][] panel, double[] norms) {
        for (int j = 0; j < nb; j++) {
            int off = (j0 + j) * dim;
            double s = 0;
            for (int k = 0; k < dim; k++) {
                double v = y[off + k];
                panel[k][j] = v;
                s += v * v;
            }
            if (norms != null) norms[j] = s;
        }
    }

    /**
     * c[r][j] = x_{i0+r} . y_{j0+j} for r &lt; rows (1..4) and j &lt; nb, where the x rows are rows of the
     * row-major matrix {@code x} and the y rows were packed by {@link #pack}. Overwrites c[r][0..nb); rows of
     * {@code c} past {@code rows} are used as scratch. {@code c} must have 4 rows of length >= nb.
     */
    public static void dot4(double[] x, int dim, int i0, int rows, double[][] panel, int nb, double[][] c) {
        double[] c0 = c[0], c1 = c[1], c2 = c[2], c3 = c[3];
        for (int j = 0; j < nb; j++) { c0[j] = 0; c1[j] = 0; c2[j] = 0; c3[j] = 0; }
        int o0 = i0 * dim;
        // rows past the end repeat the last valid row; their results land in scratch rows and are ignored
        int o1 = (rows > 1 ? i0 + 1 : i0) * dim, o2 = (rows > 2 ? i0 + 2 : i0) * dim, o3 = (rows > 3 ? i0 + 3 : i0) * dim;
        int k = 0;
        for (; k + 1 < dim; k += 2) {
            double[] ya = panel[k], yb = panel[k + 1];
            double a0 = x[o0 + k], a1 = x[o1 + k], a2 = x[o2 + k], a3 = x[o3 + k];
            double b0 = x[o0 + k + 1], b1 = x[o1 + k + 1], b2 = x[o2 + k + 1], b3 = x[o3 + k + 1];
            for (int j = 0; j < nb; j++) {
                double va = ya[j], vb = yb[j];
                c0[j] += a0 * va + b0 * vb;
                c1[j] += a1 * va + b1 * vb;
                c2[j] += a2 * va + b2 * vb;
                c3[j] += a3 * va + b3 * vb;
            }
        }
        if (k < dim) {
            double[] ya = panel[k];
            double a0 = x[o0 + k], a1 = x[o1 + k], a2 = x[o2 + k], a3 = x[o3 + k];
            for (int j = 0; j < nb; j++) {
                double va = ya[j];
                c0[j] += a0 * va;
                c1[j] += a1 * va;
                c2[j] += a2 * va;
                c3[j] += a3 * va;
            }
        }
    }
}
