package org.diffold.core.sampler;

import org.diffold.core.random.NormalStream;

/**
 * The fused per-row sampler update y_j &lt;- (a y_j + b s_j) + nz z_j (docs/math.md §3.1, §9), in place, returning
 * sum_j 0 * y_j: 0 when the row is finite, NaN otherwise (order-free, so the vector and scalar paths agree).
 * The JDK Vector API path is used when {@code jdk.incubator.vector} is present; both give the same bits.
 */
final class RowKernels {
    private static final boolean VECTOR = NormalStream.vectorised();

    private RowKernels() {}

    /** y[off..off+d) = (a y + b s) + nz z[0..d); returns 0 when finite, else NaN. */
    static double affineNoise(double a, double b, double nz, double[] y, double[] s, double[] z, int off, int d) {
        if (VECTOR) return VectorRowKernels.affineNoise(a, b, nz, y, s, z, off, d);
        double check = 0;
        for (int j = 0; j < d; j++) {
            double v = a * y[off + j] + b * s[off + j] + nz * z[j];
            y[off + j] = v;
            check += v * 0;
        }
        return check;
    }

    /** y[off..off+d) = a y + b s; returns 0 when finite, else NaN. */
    static double affine(double a, double b, double[] y, double[] s, int off, int d) {
        if (VECTOR) return VectorRowKernels.affine(a, b, y, s, off, d);
        double check = 0;
        for (int j = off, end = off + d; j < end; j++) {
            double v = a * y[j] + b * s[j];
            y[j] = v;
            check += v * 0;
        }
        return check;
    }
}
