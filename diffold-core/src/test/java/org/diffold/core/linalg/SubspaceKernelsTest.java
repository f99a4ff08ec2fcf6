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

    @Test
    void theFusedSamplerStepEqualsLiftThenUpdateBitForBit() {
        SplittableRandom r = new SplittableRandom(3);
        for (int[] shape : new int[][] {{1031, 8}, {1024, 5}, {7, 3}, {50, 4}}) {
            for (int rows : new int[] {1, 2, 5}) {
                int dim = shape[0], k = shape[1];
                Subspace u = Subspace.random(dim, k, r);
                double[] y = new double[rows * dim], g = new double[rows * k + 3], z = new double[rows * dim + 2];
                for (int i = 0; i < y.length; i++) y[i] = r.nextGaussian();
                for (int i = 0; i < g.length; i++) g[i] = r.nextGaussian();
                for (int i = 0; i < z.length; i++) z[i] = r.nextGaussian();
                double c = -1.7, a = 0.98, b = 0.013, nz = 0.11;
                for (boolean noise : new boolean[] {true, false}) {
                    double[] want = y.clone(), s = new double[dim];
                    for (int i = 0; i < rows; i++) {
                        u.axpyLift(c, want, i * dim, g, 3 + i * k, s, 0);
                        for (int j = 0; j < dim; j++) {
                            double yj = want[i * dim + j];
                            want[i * dim + j] = noise ? a * yj + b * s[j] + nz * z[2 + i * dim + j] : a * yj + b * s[j];
                        }
                    }
                    double[] got = y.clone();
                    double check = u.affineLiftRows(c, g, 3, a, b, nz, noise, got, 0, rows, z, 2);
                    assertEquals(0.0, check, "finite rows");
                    for (int i = 0; i < got.length; i++) {
                        assertEquals(Double.doubleToRawLongBits(want[i]), Double.doubleToRawLongBits(got[i]),
                                "dim " + dim + " rows " + rows + " noise " + noise + " element " + i);
                    }
                    double[] scalar = y.clone();
                    SubspaceKernels.affineLiftRow(utOf(u), dim, k, c, g, 3, a, b, nz, noise, scalar, 0, z, 2, 0);
                    for (int j = 0; j < dim; j++) assertEquals(want[j], scalar[j], 0.0, "scalar row, element " + j);
                }
                double[] bad = y.clone();
                bad[rows * dim - 1] = Double.NaN;
                assertTrue(Double.isNaN(u.affineLiftRows(c, g, 3, a, b, nz, true, bad, 0, rows, z, 2)), "NaN is reported");
            }
        }
    }

    @Test
    void theStepWithTheNextProjectionEqualsStepThenProjectBitForBit() {
        SplittableRandom r = new SplittableRandom(5);
        for (int[] shape : new int[][] {{1031, 8}, {1024, 8}, {10, 8}, {50, 4}}) {
            for (int rows : new int[] {1, 2, 5}) {
                int dim = shape[0], k = shape[1];
                Subspace u = Subspace.random(dim, k, r);
                double[] y = new double[rows * dim], g = new double[rows * k + 1], z = new double[rows * dim];
                for (int i = 0; i < y.length; i++) y[i] = r.nextGaussian();
                for (int i = 0; i < g.length; i++) g[i] = r.nextGaussian();
                for (int i = 0; i < z.length; i++) z[i] = r.nextGaussian();
                double[] want = y.clone(), got = y.clone(), hWant = new double[rows * k], hGot = new double[rows * k + 2];
                u.affineLiftRows(-0.9, g, 1, 0.97, 0.02, 0.2, true, want, 0, rows, z, 0);
                u.projectRows(want, 0, rows, hWant);
                double check = u.affineLiftProjectRows(-0.9, g, 1, 0.97, 0.02, 0.2, true, got, 0, rows, z, 0, hGot, 2, new double[Subspace.LANE_SCRATCH]);
                assertEquals(0.0, check, "finite");
                for (int i = 0; i < got.length; i++) assertEquals(want[i], got[i], 0.0, "y " + i);
                for (int i = 0; i < hWant.length; i++) {
                    assertEquals(Double.doubleToRawLongBits(hWant[i]), Double.doubleToRawLongBits(hGot[2 + i]),
                            "dim " + dim + " k " + k + " rows " + rows + " h " + i);
                }
            }
        }
    }

    private static double[] utOf(Subspace u) {
        double[] ut = new double[u.k() * u.dim()];
        for (int j = 0; j < u.dim(); j++) for (int q = 0; q < u.k(); q++) ut[q * u.dim() + j] = u.basis(j, q);
        return ut;
    }
}
