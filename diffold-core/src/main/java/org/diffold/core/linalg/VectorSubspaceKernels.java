package org.diffold.core.linalg;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link SubspaceKernels} on 4-lane JDK Vector API vectors (the lane count is fixed, not the machine's preferred
 * one, so the sums are the same on every machine). Loaded only when {@code jdk.incubator.vector} is present.
 */
final class VectorSubspaceKernels {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_256;
    /** The machine's widest vectors, for element-wise kernels (their bits do not depend on the lane count). */
    private static final VectorSpecies<Double> P = DoubleVector.SPECIES_PREFERRED;

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

    /**
     * {@link #project} for two rows at once (rows at xOff and xOff + dim, results at yOff and yOff + k): each basis
     * load serves both rows; every (row, basis vector) sum runs in the same order as in {@link #project}.
     */
    static void project2(double[] ut, int dim, int k, double[] x, int xOff, double[] y, int yOff) {
        int bound = dim & ~3, r = 0, x1 = xOff + dim;
        for (; r + 3 < k; r += 4) {
            int u0 = r * dim, u1 = u0 + dim, u2 = u1 + dim, u3 = u2 + dim;
            DoubleVector a0 = DoubleVector.zero(S), a1 = a0, a2 = a0, a3 = a0, b0 = a0, b1 = a0, b2 = a0, b3 = a0;
            for (int j = 0; j < bound; j += 4) {
                DoubleVector xa = DoubleVector.fromArray(S, x, xOff + j), xb = DoubleVector.fromArray(S, x, x1 + j);
                DoubleVector v0 = DoubleVector.fromArray(S, ut, u0 + j), v1 = DoubleVector.fromArray(S, ut, u1 + j);
                DoubleVector v2 = DoubleVector.fromArray(S, ut, u2 + j), v3 = DoubleVector.fromArray(S, ut, u3 + j);
                a0 = v0.fma(xa, a0); a1 = v1.fma(xa, a1); a2 = v2.fma(xa, a2); a3 = v3.fma(xa, a3);
                b0 = v0.fma(xb, b0); b1 = v1.fma(xb, b1); b2 = v2.fma(xb, b2); b3 = v3.fma(xb, b3);
            }
            y[yOff + r] = finish(a0, ut, u0, x, xOff, bound, dim);
            y[yOff + r + 1] = finish(a1, ut, u1, x, xOff, bound, dim);
            y[yOff + r + 2] = finish(a2, ut, u2, x, xOff, bound, dim);
            y[yOff + r + 3] = finish(a3, ut, u3, x, xOff, bound, dim);
            y[yOff + k + r] = finish(b0, ut, u0, x, x1, bound, dim);
            y[yOff + k + r + 1] = finish(b1, ut, u1, x, x1, bound, dim);
            y[yOff + k + r + 2] = finish(b2, ut, u2, x, x1, bound, dim);
            y[yOff + k + r + 3] = finish(b3, ut, u3, x, x1, bound, dim);
        }
        for (; r < k; r++) {
            int u0 = r * dim;
            DoubleVector a0 = DoubleVector.zero(S), b0 = a0;
            for (int j = 0; j < bound; j += 4) {
                DoubleVector v0 = DoubleVector.fromArray(S, ut, u0 + j);
                a0 = v0.fma(DoubleVector.fromArray(S, x, xOff + j), a0);
                b0 = v0.fma(DoubleVector.fromArray(S, x, x1 + j), b0);
            }
            y[yOff + r] = finish(a0, ut, u0, x, xOff, bound, dim);
            y[yOff + k + r] = finish(b0, ut, u0, x, x1, bound, dim);
        }
    }

    private static double finish(DoubleVector acc, double[] ut, int uo, double[] x, int xOff, int bound, int dim) {
        return addTail((acc.lane(0) + acc.lane(1)) + (acc.lane(2) + acc.lane(3)), ut, uo, x, xOff, bound, dim);
    }

    /** s plus the D mod 4 tail of the dot product u_r . x, in order. */
    private static double addTail(double s, double[] ut, int uo, double[] x, int xOff, int bound, int dim) {
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

    /**
     * {@link SubspaceKernels#affineLiftRows} two rows at a time (each basis load serves both), on the widest vectors:
     * every element sees the same operations in the same order as the scalar kernel.
     */
    static double affineLiftRows(double[] ut, int dim, int k, double c, double[] g, int gOff, double a, double b,
                                 double nz, boolean noise, double[] y, int yOff, int rows, double[] z, int zOff) {
        int bound = P.loopBound(dim), vl = P.length();
        DoubleVector check = DoubleVector.zero(P);
        double tail = 0;
        for (int i = 0; i < rows; i += 2) {
            boolean two = i + 1 < rows;
            int y0 = yOff + i * dim, y1 = two ? y0 + dim : y0, g0 = gOff + i * k, g1 = two ? g0 + k : g0;
            int z0 = zOff + i * dim, z1 = two ? z0 + dim : z0;
            for (int j = 0; j < bound; j += vl) {
                DoubleVector ya = DoubleVector.fromArray(P, y, y0 + j), yb = DoubleVector.fromArray(P, y, y1 + j);
                DoubleVector va = ya.mul(c), vb = yb.mul(c);
                for (int r = 0, uo = j; r < k; r++, uo += dim) {
                    DoubleVector u = DoubleVector.fromArray(P, ut, uo);
                    va = u.fma(DoubleVector.broadcast(P, g[g0 + r]), va);
                    vb = u.fma(DoubleVector.broadcast(P, g[g1 + r]), vb);
                }
                DoubleVector oa = ya.mul(a).add(va.mul(b)), ob = yb.mul(a).add(vb.mul(b));
                if (noise) {
                    oa = oa.add(DoubleVector.fromArray(P, z, z0 + j).mul(nz));
                    ob = ob.add(DoubleVector.fromArray(P, z, z1 + j).mul(nz));
                }
                if (two) ob.intoArray(y, y1 + j); // row b first: when there is one row, row a's value is the one kept
                oa.intoArray(y, y0 + j);
                check = check.add(oa.mul(0.0)).add(ob.mul(0.0));
            }
            tail += SubspaceKernels.affineLiftRow(ut, dim, k, c, g, g0, a, b, nz, noise, y, y0, z, z0, bound);
            if (two) tail += SubspaceKernels.affineLiftRow(ut, dim, k, c, g, g1, a, b, nz, noise, y, y1, z, z1, bound);
        }
        return check.reduceLanes(VectorOperators.ADD) + tail;
    }

    /**
     * {@link SubspaceKernels#affineLiftProjectRows} for k = 8 and one row (y at y0, z at z0, g at g0): the fused lift
     * and update, and in the same pass h = U^T y_new with the basis vectors already loaded, summed exactly as
     * {@link #project2} sums the stored row (4 partial sums, then the tail). The basis comes from {@code panels}
     * ({@link SubspaceKernels#panels}), the D mod 4 tail from {@code ut}. One row at a time keeps the 8 sums, the 8
     * broadcast g_r and the 8 basis vectors in registers (two rows at once spill). The sums leave through
     * {@code lanes} (at least {@link SubspaceKernels#LANE_SCRATCH} doubles): {@code DoubleVector.lane} is a virtual
     * call the JIT does not inline here, so reading the 9 vectors with it boxed each of them, every row and step.
     */
    static double liftProject8(double[] ut, double[] panels, int dim, double c, double[] g, int g0, double a,
                               double b, double nz, boolean noise, double[] y, int y0, double[] z, int z0, double[] h,
                               int h0, double[] lanes) {
        int bound = dim & ~3;
        DoubleVector zero = DoubleVector.zero(S), check = zero;
        DoubleVector p0 = zero, p1 = zero, p2 = zero, p3 = zero, p4 = zero, p5 = zero, p6 = zero, p7 = zero;
        DoubleVector w0 = DoubleVector.broadcast(S, g[g0]), w1 = DoubleVector.broadcast(S, g[g0 + 1]);
        DoubleVector w2 = DoubleVector.broadcast(S, g[g0 + 2]), w3 = DoubleVector.broadcast(S, g[g0 + 3]);
        DoubleVector w4 = DoubleVector.broadcast(S, g[g0 + 4]), w5 = DoubleVector.broadcast(S, g[g0 + 5]);
        DoubleVector w6 = DoubleVector.broadcast(S, g[g0 + 6]), w7 = DoubleVector.broadcast(S, g[g0 + 7]);
        for (int j = 0, q = 0; j < bound; j += 4, q += 32) {
            DoubleVector ya = DoubleVector.fromArray(S, y, y0 + j);
            DoubleVector u0 = DoubleVector.fromArray(S, panels, q), u1 = DoubleVector.fromArray(S, panels, q + 4);
            DoubleVector u2 = DoubleVector.fromArray(S, panels, q + 8), u3 = DoubleVector.fromArray(S, panels, q + 12);
            DoubleVector u4 = DoubleVector.fromArray(S, panels, q + 16), u5 = DoubleVector.fromArray(S, panels, q + 20);
            DoubleVector u6 = DoubleVector.fromArray(S, panels, q + 24), u7 = DoubleVector.fromArray(S, panels, q + 28);
            DoubleVector va = ya.mul(c);
            va = u0.fma(w0, va); va = u1.fma(w1, va); va = u2.fma(w2, va); va = u3.fma(w3, va);
            va = u4.fma(w4, va); va = u5.fma(w5, va); va = u6.fma(w6, va); va = u7.fma(w7, va);
            DoubleVector oa = ya.mul(a).add(va.mul(b));
            if (noise) oa = oa.add(DoubleVector.fromArray(S, z, z0 + j).mul(nz));
            oa.intoArray(y, y0 + j);
            check = check.add(oa.mul(0.0));
            p0 = u0.fma(oa, p0); p1 = u1.fma(oa, p1); p2 = u2.fma(oa, p2); p3 = u3.fma(oa, p3);
            p4 = u4.fma(oa, p4); p5 = u5.fma(oa, p5); p6 = u6.fma(oa, p6); p7 = u7.fma(oa, p7);
        }
        p0.intoArray(lanes, 0); p1.intoArray(lanes, 4); p2.intoArray(lanes, 8); p3.intoArray(lanes, 12);
        p4.intoArray(lanes, 16); p5.intoArray(lanes, 20); p6.intoArray(lanes, 24); p7.intoArray(lanes, 28);
        check.intoArray(lanes, 32);
        double tail = SubspaceKernels.affineLiftRow(ut, dim, 8, c, g, g0, a, b, nz, noise, y, y0, z, z0, bound);
        for (int r = 0; r < 8; r++) h[h0 + r] = finish(lanes, 4 * r, ut, r * dim, y, y0, bound, dim);
        return (lanes[32] + lanes[33]) + (lanes[34] + lanes[35]) + tail;
    }

    /** {@link #finish(DoubleVector, double[], int, double[], int, int, int)} on a vector stored at lanes[o..o+4). */
    private static double finish(double[] lanes, int o, double[] ut, int uo, double[] x, int xOff, int bound, int dim) {
        return addTail((lanes[o] + lanes[o + 1]) + (lanes[o + 2] + lanes[o + 3]), ut, uo, x, xOff, bound, dim);
    }
}
