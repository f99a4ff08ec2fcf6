package org.diffold.core.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Both {@link DotKernel} backends compute X_I Y_J^T (docs/math.md §9), on odd shapes and offsets. */
class DotKernelTest {
    @Test
    void theTestJvmLoadsOpenBlas() {
        assertEquals("openblas", DotKernel.best().name(), "org.bytedeco:openblas should load on linux-x86_64");
    }

    @Test
    void bothBackendsMatchPlainDotProducts() {
        SplittableRandom r = new SplittableRandom(3);
        int nx = 37, ny = 301, dim = 29;
        double[] x = new double[nx * dim], y = new double[ny * dim];
        for (int i = 0; i < x.length; i++) x[i] = r.nextGaussian();
        for (int i = 0; i < y.length; i++) y[i] = r.nextGaussian();
        for (DotKernel k : new DotKernel[] {DotKernel.best(), DotKernel.java()}) {
            try (DotKernel.Matrix mx = k.matrix(x, nx, dim); DotKernel.Matrix my = k.matrix(y, ny, dim)) {
                int i0 = 5, rows = 30, j0 = 11, count = 283, ldc = 290;
                double[] c = new double[rows * ldc];
                k.dots(mx, i0, rows, my, j0, count, c, ldc);
                for (int a = 0; a < rows; a++) {
                    for (int b = 0; b < count; b++) {
                        double want = 0;
                        for (int q = 0; q < dim; q++) want += x[(i0 + a) * dim + q] * y[(j0 + b) * dim + q];
                        assertEquals(want, c[a * ldc + b], 1e-12 * Math.max(1, Math.abs(want)), k.name() + " (" + a + ", " + b + ")");
                    }
                    for (int b = count; b < ldc; b++) assertEquals(0, c[a * ldc + b], k.name() + ": wrote past count");
                }
            }
        }
    }

    @Test
    void aPlainLeftArrayGivesTheSameBitsAsAPreparedMatrix() {
        SplittableRandom r = new SplittableRandom(4);
        int nx = 40, ny = 97, dim = 23;
        double[] x = new double[nx * dim], y = new double[ny * dim];
        for (int i = 0; i < x.length; i++) x[i] = r.nextGaussian();
        for (int i = 0; i < y.length; i++) y[i] = r.nextGaussian();
        for (DotKernel k : new DotKernel[] {DotKernel.best(), DotKernel.java()}) {
            try (DotKernel.Matrix mx = k.matrix(x, nx, dim); DotKernel.Matrix my = k.matrix(y, ny, dim)) {
                for (int[] call : new int[][] {{7, 30, 3, 90}, {0, 12, 0, 97}, {7, 30, 3, 90}}) { // the scratch is reused
                    int i0 = call[0], rows = call[1], j0 = call[2], count = call[3];
                    double[] want = new double[rows * count], got = new double[rows * count];
                    k.dots(mx, i0, rows, my, j0, count, want, count);
                    k.dots(x, i0, rows, my, j0, count, got, count);
                    org.junit.jupiter.api.Assertions.assertArrayEquals(want, got, k.name());
                }
            }
            assertThrowsIae(() -> k.dots(x, 30, 11, k.matrix(y, ny, dim), 0, 5, new double[55], 5));
        }
    }

    private static void assertThrowsIae(org.junit.jupiter.api.function.Executable e) {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, e);
    }

    @Test
    void gramEigenvaluesAreTheSquaredSingularValues() {
        // rows s_i R e_i for a rotation R: G = diag(s_i^2), eigenvalues s_i^2 in decreasing order, then zeros
        int m = 7, dim = 12;
        double[] s = {0.5, 3, 1, 2.5, 0.1, 2, 1.5};
        Subspace q = Subspace.random(dim, m, new SplittableRandom(8));
        double[] x = new double[m * dim];
        for (int i = 0; i < m; i++) for (int j = 0; j < dim; j++) x[i * dim + j] = s[i] * q.basis(j, i);
        double[] want = java.util.Arrays.stream(s).map(v -> v * v).sorted().toArray();
        for (DotKernel k : new DotKernel[] {DotKernel.best(), DotKernel.java()}) {
            double[] eig = new double[m];
            k.gramEigenvalues(x, m, dim, eig);
            for (int i = 0; i < m; i++) assertEquals(want[m - 1 - i], eig[i], 1e-12, k.name() + " eigenvalue " + i);
        }
        // both backends agree on a random neighbourhood with more rows than the rank would allow to ignore
        SplittableRandom r = new SplittableRandom(4);
        int m2 = 40, d2 = 90;
        double[] y = new double[m2 * d2];
        for (int i = 0; i < y.length; i++) y[i] = r.nextGaussian();
        double[] a = new double[m2], b = new double[m2];
        DotKernel.best().gramEigenvalues(y, m2, d2, a);
        DotKernel.java().gramEigenvalues(y, m2, d2, b);
        for (int i = 0; i < m2; i++) assertEquals(b[i], a[i], 1e-10 * b[0], "eigenvalue " + i);
    }

    @Test
    void closingTwiceIsHarmless() {
        DotKernel.Matrix m = DotKernel.best().matrix(new double[] {1, 2}, 1, 2);
        m.close();
        m.close();
        assertTrue(m.n() == 1);
    }
}
