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
    void closingTwiceIsHarmless() {
        DotKernel.Matrix m = DotKernel.best().matrix(new double[] {1, 2}, 1, 2);
        m.close();
        m.close();
        assertTrue(m.n() == 1);
    }
}
