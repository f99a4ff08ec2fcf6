package org.diffold.core.linalg;

import java.util.SplittableRandom;

/**
 * A k-dimensional linear subspace of R^D with orthonormal basis U (D x k), stored row-major as u[j*k + r].
 *
 * <p>Provides y = U^T x and U y for single rows without forming the D x D projector: P_perp x = x - U (U^T x)
 * (docs/math.md §5).
 */
public final class Subspace {
    private final int dim;
    private final int k;
    private final double[] u;
    private final double[] ut; // U^T, k x D row-major: contiguous basis vectors for vectorisable loops
    private final double[] panels; // U^T in 4-column panels, see SubspaceKernels.panels

    private Subspace(int dim, int k, double[] u) {
        this.dim = dim;
        this.k = k;
        this.u = u;
        this.ut = new double[dim * k];
        for (int j = 0; j < dim; j++) {
            for (int r = 0; r < k; r++) ut[r * dim + j] = u[j * k + r];
        }
        this.panels = SubspaceKernels.panels(ut, dim, k);
    }

    /**
     * A uniformly random k-dimensional subspace of R^D: Gaussian D x k matrix orthonormalised by modified
     * Gram–Schmidt applied twice (numerically orthonormal to ~1e-15).
     */
    public static Subspace random(int dim, int k, SplittableRandom rng) {
        checkDims(dim, k);
        double[] u = new double[dim * k];
        for (int i = 0; i < u.length; i++) u[i] = rng.nextGaussian();
        orthonormalizeColumns(u, dim, k);
        return new Subspace(dim, k, u);
    }

    /**
     * Orthonormalises in place the k columns of the row-major D x k matrix u by modified Gram–Schmidt applied
     * twice (numerically orthonormal to ~1e-15); a column that vanishes becomes zero.
     */
    public static void orthonormalizeColumns(double[] u, int dim, int k) {
        for (int pass = 0; pass < 2; pass++) {
            for (int r = 0; r < k; r++) {
                for (int q = 0; q < r; q++) {
                    double dot = 0;
                    for (int j = 0; j < dim; j++) dot += u[j * k + r] * u[j * k + q];
                    for (int j = 0; j < dim; j++) u[j * k + r] -= dot * u[j * k + q];
                }
                double norm = 0;
                for (int j = 0; j < dim; j++) norm += u[j * k + r] * u[j * k + r];
                norm = Math.sqrt(norm);
                for (int j = 0; j < dim; j++) u[j * k + r] = norm > 0 ? u[j * k + r] / norm : 0;
            }
        }
    }

    /** The coordinate subspace spanned by the first k standard basis vectors. */
    public static Subspace coordinate(int dim, int k) {
        checkDims(dim, k);
        double[] u = new double[dim * k];
        for (int r = 0; r < k; r++) u[r * k + r] = 1;
        return new Subspace(dim, k, u);
    }

    /** Checks 1 <= k <= D with a one-line message. */
    public static void checkDims(int dim, int k) {
        if (k < 1) throw new IllegalArgumentException("k must be >= 1, got " + k);
        if (dim < 1) throw new IllegalArgumentException("dim must be >= 1, got " + dim);
        if (k > dim) throw new IllegalArgumentException("k must be <= dim (D), got k=" + k + " > dim=" + dim);
    }

    /** Ambient dimension D. */
    public int dim() { return dim; }

    /** Subspace dimension k. */
    public int k() { return k; }

    /** Basis entry U[j][r]. */
    public double basis(int j, int r) { return u[j * k + r]; }

    /** y = U^T x for the row x[xOff .. xOff+D); writes y[0..k). Allocation-free (summation order: docs/math.md §9). */
    public void project(double[] x, int xOff, double[] y) {
        SubspaceKernels.project(ut, dim, k, x, xOff, y, 0);
    }

    /**
     * y[i*k + r] = (U^T x_i)_r for rows i in [0, rows) of x starting at {@code xOff} (row stride D). Allocation-free;
     * each row is summed exactly as in {@link #project}, so a row's result does not depend on its neighbours.
     */
    public void projectRows(double[] x, int xOff, int rows, double[] y) {
        SubspaceKernels.projectRows(ut, dim, k, x, xOff, rows, y);
    }

    /** out[outOff + j] = a * x[xOff + j] + (U h)_j, h read from h[hOff..hOff+k). Allocation-free; out may alias x. */
    public void axpyLift(double a, double[] x, int xOff, double[] h, int hOff, double[] out, int outOff) {
        SubspaceKernels.axpyLift(ut, dim, k, a, x, xOff, h, hOff, out, outOff);
    }

    /** out[outOff + j] = a * x[xOff + j] + (U h)_j. Allocation-free; out may alias x at the same offset. */
    public void axpyLift(double a, double[] x, int xOff, double[] h, double[] out, int outOff) {
        axpyLift(a, x, xOff, h, 0, out, outOff);
    }

    /**
     * The sampler's fused step on rows [0, rows) of y from yOff (stride D): with s = c y + U g (g of row i at
     * g[gOff + i k ..)), y &lt;- (a y + b s) + nz z (z of row i at z[zOff + i D ..); without noise y &lt;- a y + b s). Same bits
     * as {@link #axpyLift} followed by the row update, without writing s (docs/math.md §9). Allocation-free.
     *
     * @return 0 when every new value is finite, else NaN
     */
    public double affineLiftRows(double c, double[] g, int gOff, double a, double b, double nz, boolean noise,
                                 double[] y, int yOff, int rows, double[] z, int zOff) {
        return SubspaceKernels.affineLiftRows(ut, dim, k, c, g, gOff, a, b, nz, noise, y, yOff, rows, z, zOff);
    }

    /**
     * {@link #affineLiftRows}, then h[hOff + i k ..) = U^T y_i of the new rows with the same bits as
     * {@link #projectRows} (for k = 8 in the same pass over U, docs/math.md §9). Allocation-free.
     *
     * @return 0 when every new value is finite, else NaN
     */
    public double affineLiftProjectRows(double c, double[] g, int gOff, double a, double b, double nz, boolean noise,
                                        double[] y, int yOff, int rows, double[] z, int zOff, double[] h, int hOff,
                                        double[] lanes) {
        if (lanes.length < LANE_SCRATCH) throw new IllegalArgumentException("lanes holds " + lanes.length + " doubles, needs " + LANE_SCRATCH);
        return SubspaceKernels.affineLiftProjectRows(ut, panels, dim, k, c, g, gOff, a, b, nz, noise, y, yOff, rows, z,
                zOff, h, hOff, lanes);
    }

    /** Scratch doubles {@link #affineLiftProjectRows} needs. */
    public static final int LANE_SCRATCH = SubspaceKernels.LANE_SCRATCH;

    /** out[outOff + j] = (U z)_j: embeds subspace coordinates z[0..k). */
    public void lift(double[] z, double[] out, int outOff) {
        for (int j = 0, jk = 0; j < dim; j++, jk += k) {
            double acc = 0;
            for (int r = 0; r < k; r++) acc += u[jk + r] * z[r];
            out[outOff + j] = acc;
        }
    }
}
