package org.diffold.core.error.propagation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RealFftTest {
    /** Reference: circular convolution through the naive O(N^2) DFT with the same even multiplier. */
    private static double[] naive(double[] x, double[] h) {
        int n = x.length;
        double[] re = new double[n], im = new double[n], out = new double[n];
        for (int k = 0; k < n; k++) {
            for (int j = 0; j < n; j++) {
                double ang = -2 * Math.PI * (long) k * j / n;
                re[k] += x[j] * Math.cos(ang);
                im[k] += x[j] * Math.sin(ang);
            }
            double m = h[Math.min(k, n - k)];
            re[k] *= m;
            im[k] *= m;
        }
        for (int j = 0; j < n; j++) {
            double s = 0;
            for (int k = 0; k < n; k++) {
                double ang = 2 * Math.PI * (long) k * j / n;
                s += re[k] * Math.cos(ang) - im[k] * Math.sin(ang);
            }
            out[j] = s / n;
        }
        return out;
    }

    @Test
    void convolutionMatchesNaiveDft() {
        SplittableRandom rng = new SplittableRandom(7);
        for (int n : new int[] {8, 16, 64, 256}) {
            double[] x = new double[n], h = new double[n / 2 + 1];
            for (int j = 0; j < n; j++) x[j] = rng.nextGaussian();
            for (int k = 0; k <= n / 2; k++) h[k] = rng.nextDouble();
            double[] want = naive(x, h);
            new RealFft(n).convolve(x, h);
            for (int j = 0; j < n; j++) assertEquals(want[j], x[j], 1e-12, "n=" + n + " j=" + j);
        }
    }

    @Test
    void unitMultiplierIsIdentity() {
        int n = 128;
        double[] x = new double[n], h = new double[n / 2 + 1];
        java.util.Arrays.fill(h, 1);
        for (int j = 0; j < n; j++) x[j] = Math.sin(j) + j;
        double[] copy = x.clone();
        new RealFft(n).convolve(x, h);
        for (int j = 0; j < n; j++) assertEquals(copy[j], x[j], 1e-12);
    }

    @Test
    void rejectsBadLength() {
        assertThrows(IllegalArgumentException.class, () -> new RealFft(100));
    }
}
