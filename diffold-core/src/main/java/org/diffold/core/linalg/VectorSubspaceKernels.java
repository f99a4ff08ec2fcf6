package org.diffold.core.linalg;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link SubspaceKernels} on 4-lane JDK Vector API vectors (the lane count is fixed, not the machine's preferred
 * one, so the sums are the same on every machine). Loaded only when {@code jdk.incubator.vector} is present.
 */
final class VectorSubspaceKernels {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_256;

    private VectorSubspaceKernels() {}

    /** Runs both kernels once on a tiny input (fails when the module is missing). */
    static boolean selfTest() {
        double[] ut = {1, 0, 0, 0, 0}, x = {2, 0, 0, 0, 0}, y = new double[1], out = new double[5];
        project(ut, 5, 1, x, 0, y, 0);
        axpyLift(ut, 5, 1, 1, x, 0, y, 0, out, 0);
        return y[0] == 2 && out[0] == 4;
    }

    static void project(double[] ut, int dim, int k, double[] x, int xOff, double[] y, int yOff) {
        int bound = dim & ~3, r = 0;
        for (; r + 3 < k; r += 4) {
            int u0 = r * dim, u1 = u0 + dim, u2 = u1 + dim, u3 = u2 + dim;
            DoubleVector a0 = DoubleVector.zero(S), a1 = a0, a2 = a0, a3 = a0;
            for (int j = 0; j < bound; j += 4) {
                DoubleVector xv = DoubleVector.fromArray(S, x, xOff + j);
                a0 = DoubleVector.fromArray(S, ut, u0 + j).fma(xv, a0);
                a1 = DoubleVector.fromArray(S, ut, u1 + j).fma(xv, a1);
                a2 = DoubleVector.fromArray(S, ut, u2 + j).fma(xv, a2);
                a3 = DoubleVector.fromArray(S, ut, u3 + j).fma(xv, a3);
            }
            y[yOff + r] = finish(a0, ut, u0, x, xOff, bound, dim);
            y[yOff + r + 1] = finish(a1, ut, u1, x, xOff, bound, dim);
            y[yOff + r + 2] = finish(a2, ut, u2, x, xOff, bound, dim);
            y[yOff + r + 3] = finish(a3, ut, u3, x, xOff, bound, dim);
        }
        for (; r < k; r++) {
            int u0 = r * dim;
            DoubleVector a0 = DoubleVector.zero(S);
            for (int j = 0; j < bound; j += 4) {
                a0 = DoubleVector.fromArray(S, ut, u0 + j).fma(DoubleVector.fromArray(S, x, xOff + j), a0);
            }
            y[yOff + r] = finish(a0, ut, u0, x, xOff, bound, dim);
        }
    }

    private static double finish(DoubleVector acc, double[] ut, int uo, double[] x, int xOff, int bound, int dim) {
        double s = (acc.lane(0) + acc.lane(1)) + (acc.lane(2) + acc.lane(3));
        for (int j = bound; j < dim; j++) s = Math.fma(ut[uo + j], x[xOff + j], s);
        return s;
    }

    static void axpyLift(double[] ut, int dim, int k, double a, double[] x, int xOff, double[] h, int hOff,
                         double[] out, int outOff) {
        int bound = dim & ~3;
        // basis vectors in groups of up to 4; each element still sees the FMAs in the order r = 0, 1, ..., k-1
        for (int r = 0; r < k; r += 4) {
            int g = Math.min(4, k - r);
            boolean first = r == 0;
            double[] src = first ? x : out;
            int so = first ? xOff : outOff;
            double sa = first ? a : 1;
            DoubleVector h0 = DoubleVector.broadcast(S, g > 0 ? h[hOff + r] : 0);
            DoubleVector h1 = DoubleVector.broadcast(S, g > 1 ? h[hOff + r + 1] : 0);
            DoubleVector h2 = DoubleVector.broadcast(S, g > 2 ? h[hOff + r + 2] : 0);
            DoubleVector h3 = DoubleVector.broadcast(S, g > 3 ? h[hOff + r + 3] : 0);
            int u0 = r * dim, u1 = u0 + dim, u2 = u1 + dim, u3 = u2 + dim;
            for (int j = 0; j < bound; j += 4) {
                DoubleVector v = DoubleVector.fromArray(S, src, so + j);
                if (first) v = v.mul(sa);
                if (g == 4) {
                    v = DoubleVector.fromArray(S, ut, u0 + j).fma(h0, v);
                    v = DoubleVector.fromArray(S, ut, u1 + j).fma(h1, v);
                    v = DoubleVector.fromArray(S, ut, u2 + j).fma(h2, v);
                    v = DoubleVector.fromArray(S, ut, u3 + j).fma(h3, v);
                } else {
                    if (g > 0) v = DoubleVector.fromArray(S, ut, u0 + j).fma(h0, v);
                    if (g > 1) v = DoubleVector.fromArray(S, ut, u1 + j).fma(h1, v);
                    if (g > 2) v = DoubleVector.fromArray(S, ut, u2 + j).fma(h2, v);
                }
                v.intoArray(out, outOff + j);
            }
        }
        for (int j = bound; j < dim; j++) {
            double v = a * x[xOff + j];
            for (int r = 0; r < k; r++) v = Math.fma(h[hOff + r], ut[r * dim + j], v);
            out[outOff + j] = v;
        }
    }
}
