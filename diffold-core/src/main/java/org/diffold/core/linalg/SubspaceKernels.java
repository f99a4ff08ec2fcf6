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

    static void axpyLift(double[] ut, int dim, int k, double a, double[] x, int xOff, double[] h, int hOff,
                         double[] out, int outOff) {
        if (Simd.available()) { VectorSubspaceKernels.axpyLift(ut, dim, k, a, x, xOff, h, hOff, out, outOff); return; }
        for (int j = 0; j < dim; j++) {
            double v = a * x[xOff + j];
            for (int r = 0; r < k; r++) v = Math.fma(h[hOff + r], ut[r * dim + j], v);
            out[outOff + j] = v;
        }
    }
}
