package org.diffold.core.linalg;

/**
 * The reference (scalar) subspace kernels behind {@link Subspace} (docs/math.md §5, §9), with U^T stored k x D
 * row-major. y_r = (U^T x)_r sums x_j U_jr in 4 interleaved FMA partial sums p_l over j = l (mod 4), reduced as
 * (p_0 + p_1) + (p_2 + p_3), then the D mod 4 tail by FMA; (a x + U h)_j = fma(h_{k-1}, U_j(k-1), ...
 * fma(h_0, U_j0, a x_j)). {@link VectorSubspaceKernels} repeats both orders with 4-lane vectors: same bits.
 */
final class SubspaceKernels {
    private SubspaceKernels() {}

    static void project(double[] ut, int dim, int k, double[] x, int xOff, double[] y, int yOff) {
        if (Simd.available()) { VectorSubspaceKernels.project(ut, dim, k, x, xOff, y, yOff); return; }
        int bound = dim & ~3;
        for (int r = 0; r < k; r++) {
            int uo = r * dim;
            double p0 = 0, p1 = 0, p2 = 0, p3 = 0;
            for (int j = 0; j < bound; j += 4) {
                p0 = Math.fma(ut[uo + j], x[xOff + j], p0);
                p1 = Math.fma(ut[uo + j + 1], x[xOff + j + 1], p1);
                p2 = Math.fma(ut[uo + j + 2], x[xOff + j + 2], p2);
                p3 = Math.fma(ut[uo + j + 3], x[xOff + j + 3], p3);
            }
            double s = (p0 + p1) + (p2 + p3);
            for (int j = bound; j < dim; j++) s = Math.fma(ut[uo + j], x[xOff + j], s);
            y[yOff + r] = s;
        }
    }

    /** {@link #project} for rows [0, rows) of x from xOff (stride dim) into y[i * k ..); same bits per row. */
    static void projectRows(double[] ut, int dim, int k, double[] x, int xOff, int rows, double[] y) {
        int i = 0;
        if (Simd.available()) {
            for (; i + 1 < rows; i += 2) VectorSubspaceKernels.project2(ut, dim, k, x, xOff + i * dim, y, i * k);
        }
        for (; i < rows; i++) project(ut, dim, k, x, xOff + i * dim, y, i * k);
    }

    static void axpyLift(double[] ut, int dim, int k, double a, double[] x, int xOff, double[] h, int hOff,
                         double[] out, int outOff) {
        if (Simd.available()) { VectorSubspaceKernels.axpyLift(ut, dim, k, a, x, xOff, h, hOff, out, outOff); return; }
        for (int j = 0; j < dim; j++) {
            double v = a * x[xOff + j];
            for (int r = 0; r < k; r++) v = Math.fma(h[hOff + r], ut[r * dim + j], v);
            out[outOff + j] = v;
        }
    }

    /**
     * The sampler's fused step on rows [0, rows) of y from yOff (stride dim), docs/math.md §9: with
     * s_j = (c y + U g)_j summed as in {@link #axpyLift} (g of row i at g[gOff + i k ..)), y_j &lt;- (a y_j + b s_j) + nz z_j,
     * z of row i at z[zOff + i dim ..) ({@code noise} false: y_j &lt;- a y_j + b s_j, z unused). Same bits as axpyLift then
     * the row update; s never goes to memory. Returns sum 0 * y (0 when finite, else NaN).
     */
    static double affineLiftRows(double[] ut, int dim, int k, double c, double[] g, int gOff, double a, double b,
                                 double nz, boolean noise, double[] y, int yOff, int rows, double[] z, int zOff) {
        if (Simd.available()) return VectorSubspaceKernels.affineLiftRows(ut, dim, k, c, g, gOff, a, b, nz, noise, y, yOff, rows, z, zOff);
        double check = 0;
        for (int i = 0; i < rows; i++) {
            check += affineLiftRow(ut, dim, k, c, g, gOff + i * k, a, b, nz, noise, y, yOff + i * dim, z, zOff + i * dim, 0);
        }
        return check;
    }

    /** {@link #affineLiftRows} for one row (g at go, y at yo, z at zo), elements [from, dim). */
    static double affineLiftRow(double[] ut, int dim, int k, double c, double[] g, int go, double a, double b,
                                double nz, boolean noise, double[] y, int yo, double[] z, int zo, int from) {
        double check = 0;
        for (int j = from; j < dim; j++) {
            double yj = y[yo + j];
            double v = c * yj;
            for (int r = 0; r < k; r++) v = Math.fma(g[go + r], ut[r * dim + j], v);
            double out = noise ? a * yj + b * v + nz * z[zo + j] : a * yj + b * v;
            y[yo + j] = out;
            check += out * 0;
        }
        return check;
    }

    /**
     * U^T re-laid in panels of 4 coordinates for the k = 8 fused sampler step: entry (r, j) for j &lt; D - D mod 4 at
     * (j / 4) 4k + 4r + j mod 4, so one step of 4 coordinates reads its k basis vectors from 4k consecutive doubles.
     * In the k x D layout those k loads are D doubles apart; at D a multiple of 512 they all fall in the same L1
     * cache sets and evict each other. Null when k != 8 (no kernel reads it).
     */
    static double[] panels(double[] ut, int dim, int k) {
        if (k != 8) return null;
        int bound = dim & ~3;
        double[] p = new double[bound * k];
        for (int j = 0; j < bound; j++) {
            for (int r = 0; r < k; r++) p[(j >> 2) * 4 * k + 4 * r + (j & 3)] = ut[r * dim + j];
        }
        return p;
    }

    /**
     * {@link #affineLiftRows}, then h[hOff + i k ..) = U^T y_i of the new rows, the same bits as
     * {@link #projectRows} on them; for k = 8 on the Vector API both happen in one pass over U, row by row, reading
     * the basis from {@code panels} ({@link #panels}); {@code lanes} is scratch of {@link #LANE_SCRATCH} doubles.
     */
    static double affineLiftProjectRows(double[] ut, double[] panels, int dim, int k, double c, double[] g, int gOff,
                                        double a, double b, double nz, boolean noise, double[] y, int yOff, int rows,
                                        double[] z, int zOff, double[] h, int hOff, double[] lanes) {
        if (k != 8 || !Simd.available()) {
            double check = affineLiftRows(ut, dim, k, c, g, gOff, a, b, nz, noise, y, yOff, rows, z, zOff);
            projectRowsInto(ut, dim, k, y, yOff, rows, h, hOff);
            return check;
        }
        double check = 0;
        for (int i = 0; i < rows; i++) {
            check += VectorSubspaceKernels.liftProject8(ut, panels, dim, c, g, gOff + i * k, a, b, nz, noise, y,
                    yOff + i * dim, z, zOff + i * dim, h, hOff + i * k, lanes);
        }
        return check;
    }

    /** Scratch doubles {@link #affineLiftProjectRows} needs (nine 4-lane sums). */
    static final int LANE_SCRATCH = 36;

    private static void projectRowsInto(double[] ut, int dim, int k, double[] x, int xOff, int rows, double[] h, int hOff) {
        if (hOff == 0) { projectRows(ut, dim, k, x, xOff, rows, h); return; }
        for (int i = 0; i < rows; i++) project(ut, dim, k, x, xOff + i * dim, h, hOff + i * k);
    }
}
