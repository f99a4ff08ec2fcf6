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

    private Subspace(int dim, int k, double[] u) {
        this.dim = dim;
        this.k = k;
        this.u = u;
        this.ut = new double[dim * k];
        for (int j = 0; j < dim; j++) {
            for (int r = 0; r < k; r++) ut[r * dim + j] = u[j * k + r];
        }
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

    /** y = U^T x for the row x[xOff .. xOff+D); writes y[0..k). Allocation-free. */
    public void project(double[] x, int xOff, double[] y) {
        projectInto(x, xOff, y, 0);
    }

    /**
     * y[i*k + r] = (U^T x_i)_r for rows i in [0, rows) of x starting at {@code xOff} (row stride D). Four rows share
     * each load of a basis vector. Allocation-free; the sums are ordered exactly as in {@link #project}, so a row's
     * result does not depend on which rows it is grouped with.
     */
    public void projectRows(double[] x, int xOff, int rows, double[] y) {
        int i = 0;
        for (; i + 3 < rows; i += 4) {
            int o0 = xOff + i * dim, o1 = o0 + dim, o2 = o1 + dim, o3 = o2 + dim;
            for (int r = 0; r < k; r++) {
                int uo = r * dim;
                double a0 = 0, a1 = 0, a2 = 0, a3 = 0, b0 = 0, b1 = 0, b2 = 0, b3 = 0;
                double c0 = 0, c1 = 0, c2 = 0, c3 = 0, d0 = 0, d1 = 0, d2 = 0, d3 = 0;
                int j = 0;
                for (; j + 3 < dim; j += 4) {
                    double u0 = ut[uo + j], u1 = ut[uo + j + 1], u2 = ut[uo + j + 2], u3 = ut[uo + j + 3];
                    a0 += u0 * x[o0 + j]; a1 += u1 * x[o0 + j + 1]; a2 += u2 * x[o0 + j + 2]; a3 += u3 * x[o0 + j + 3];
                    b0 += u0 * x[o1 + j]; b1 += u1 * x[o1 + j + 1]; b2 += u2 * x[o1 + j + 2]; b3 += u3 * x[o1 + j + 3];
                    c0 += u0 * x[o2 + j]; c1 += u1 * x[o2 + j + 1]; c2 += u2 * x[o2 + j + 2]; c3 += u3 * x[o2 + j + 3];
                    d0 += u0 * x[o3 + j]; d1 += u1 * x[o3 + j + 1]; d2 += u2 * x[o3 + j + 2]; d3 += u3 * x[o3 + j + 3];
                }
                for (; j < dim; j++) {
                    double u0 = ut[uo + j];
                    a0 += u0 * x[o0 + j]; b0 += u0 * x[o1 + j]; c0 += u0 * x[o2 + j]; d0 += u0 * x[o3 + j];
                }
                y[i * k + r] = (a0 + a1) + (a2 + a3);
                y[(i + 1) * k + r] = (b0 + b1) + (b2 + b3);
                y[(i + 2) * k + r] = (c0 + c1) + (c2 + c3);
                y[(i + 3) * k + r] = (d0 + d1) + (d2 + d3);
            }
        }
        for (; i < rows; i++) projectInto(x, xOff + i * dim, y, i * k);
    }

    private void projectInto(double[] x, int xOff, double[] y, int yOff) {
        for (int r = 0; r < k; r++) {
            int uo = r * dim;
            double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
            int j = 0;
            for (; j + 3 < dim; j += 4) {
                s0 += ut[uo + j] * x[xOff + j];
                s1 += ut[uo + j + 1] * x[xOff + j + 1];
                s2 += ut[uo + j + 2] * x[xOff + j + 2];
                s3 += ut[uo + j + 3] * x[xOff + j + 3];
            }
            for (; j < dim; j++) s0 += ut[uo + j] * x[xOff + j];
            y[yOff + r] = (s0 + s1) + (s2 + s3);
        }
    }

    /** out[outOff + j] = a * x[xOff + j] + (U h)_j, h read from h[hOff..hOff+k). Allocation-free; out may alias x. */
    public void axpyLift(double a, double[] x, int xOff, double[] h, int hOff, double[] out, int outOff) {
        int r = 0;
        if (k >= 4) {
            double h0 = h[hOff], h1 = h[hOff + 1], h2 = h[hOff + 2], h3 = h[hOff + 3];
            int u0 = 0, u1 = dim, u2 = 2 * dim, u3 = 3 * dim;
            for (int j = 0; j < dim; j++) {
                out[outOff + j] = a * x[xOff + j] + h0 * ut[u0 + j] + h1 * ut[u1 + j] + h2 * ut[u2 + j] + h3 * ut[u3 + j];
            }
            r = 4;
        } else {
            for (int j = 0; j < dim; j++) out[outOff + j] = a * x[xOff + j];
        }
        for (; r + 3 < k; r += 4) {
            double h0 = h[hOff + r], h1 = h[hOff + r + 1], h2 = h[hOff + r + 2], h3 = h[hOff + r + 3];
            int u0 = r * dim, u1 = u0 + dim, u2 = u1 + dim, u3 = u2 + dim;
            for (int j = 0; j < dim; j++) {
                out[outOff + j] += h0 * ut[u0 + j] + h1 * ut[u1 + j] + h2 * ut[u2 + j] + h3 * ut[u3 + j];
            }
        }
        for (; r < k; r++) {
            double hr = h[hOff + r];
            int uo = r * dim;
            for (int j = 0; j < dim; j++) out[outOff + j] += hr * ut[uo + j];
        }
    }

    /** out[outOff + j] = a * x[xOff + j] + (U h)_j. Allocation-free; out may alias x at the same offset. */
    public void axpyLift(double a, double[] x, int xOff, double[] h, double[] out, int outOff) {
        axpyLift(a, x, xOff, h, 0, out, outOff);
    }

    /** out[outOff + j] = (U z)_j: embeds subspace coordinates z[0..k). */
    public void lift(double[] z, double[] out, int outOff) {
        for (int j = 0, jk = 0; j < dim; j++, jk += k) {
            double acc = 0;
            for (int r = 0; r < k; r++) acc += u[jk + r] * z[r];
            out[outOff + j] = acc;
        }
    }
}
