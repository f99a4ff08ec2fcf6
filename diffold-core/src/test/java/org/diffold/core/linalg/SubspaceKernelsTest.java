package org.diffold.core.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The subspace kernels (docs/math.md §9): U^T x and a x + U h, vector paths against the scalar order, bit for bit. */
class SubspaceKernelsTest {
    @Test
    void vectorPathsRepeatTheScalarOrderBitForBit() {
        assertTrue(Simd.available(), "the test JVM runs with --add-modules jdk.incubator.vector");
        SplittableRandom r = new SplittableRandom(2);
        for (int[] shape : new int[][] {{1031, 8}, {1024, 5}, {7, 3}, {50, 4}}) {
            int dim = shape[0], k = shape[1], rows = 5;
            Subspace u = Subspace.random(dim, k, r);
            double[] ut = new double[k * dim];
            for (int j = 0; j < dim; j++) for (int q = 0; q < k; q++) ut[q * dim + j] = u.basis(j, q);
            double[] x = new double[rows * dim], h = new double[k];
            for (int i = 0; i < x.length; i++) x[i] = r.nextGaussian();
            for (int i = 0; i < k; i++) h[i] = r.nextGaussian();
            double[] rowsOut = new double[rows * k], single = new double[k];
            u.projectRows(x, 0, rows, rowsOut);
            for (int i = 0; i < rows; i++) {
                // scalar reference order, written out
                for (int q = 0; q < k; q++) {
                    double p0 = 0, p1 = 0, p2 = 0, p3 = 0;
                    int bound = dim & ~3;
                    for (int j = 0; j < bound; j += 4) {
                        p0 = Math.fma(ut[q * dim + j], x[i * dim + j], p0);
                        p1 = Math.fma(ut[q * dim + j + 1], x[i * dim + j + 1], p1);
                        p2 = Math.fma(ut[q * dim + j + 2], x[i * dim + j + 2], p2);
                        p3 = Math.fma(ut[q * dim + j + 3], x[i * dim + j + 3], p3);
                    }
                    double s = (p0 + p1) + (p2 + p3);
                    for (int j = bound; j < dim; j++) s = Math.fma(ut[q * dim + j], x[i * dim + j], s);
                    assertEquals(Double.doubleToRawLongBits(s), Double.doubleToRawLongBits(rowsOut[i * k + q]), "row " + i + " r " + q);
                }
                u.project(x, i * dim, single);
                for (int q = 0; q < k; q++) assertEquals(rowsOut[i * k + q], single[q], 0.0, "project vs projectRows");
            }
            double[] out = new double[dim];
            u.axpyLift(-0.7, x, dim, h, out, 0);
            for (int j = 0; j < dim; j++) {
                double v = -0.7 * x[dim + j];
                for (int q = 0; q < k; q++) v = Math.fma(h[q], ut[q * dim + j], v);
                assertEquals(Double.doubleToRawLongBits(v), Double.doubleToRawLongBits(out[j]), "lift " + j);
            }
        }
    }
}
