package org.diffold.core.random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.hipparchus.special.Erf;
import org.junit.jupiter.api.Test;

/** The bulk normal stream (docs/math.md §9): same bits on both kernels and any split, and the N(0, 1) law. */
class NormalStreamTest {
    private static final int N = 10_000_000;

    private static double[] draws(long seed, int n) {
        double[] z = new double[n];
        new NormalStream(seed).fill(z, 0, n);
        return z;
    }

    @Test
    void vectorAndScalarKernelsGiveTheSameBits() {
        assertTrue(NormalStream.vectorised(), "the test JVM runs with --add-modules jdk.incubator.vector");
        for (long seed : new long[] {0, 1, -7, 0x123456789L}) {
            double[] v = new double[100_003], s = new double[100_003];
            new NormalStream(seed, NormalKernel.best()).fill(v, 0, v.length);
            new NormalStream(seed, new ScalarNormalKernel()).fill(s, 0, s.length);
            for (int i = 0; i < v.length; i++) {
                if (Double.doubleToRawLongBits(v[i]) != Double.doubleToRawLongBits(s[i])) {
                    throw new AssertionError("seed " + seed + " draw " + i + ": vector " + v[i] + " scalar " + s[i]);
                }
            }
        }
    }

    @Test
    void theSequenceDoesNotDependOnHowRequestsAreSplit() {
        double[] whole = draws(42, 1000);
        double[] parts = new double[1000];
        NormalStream s = new NormalStream(42);
        int[] sizes = {3, 1, 8, 17, 0, 100, 5};
        int p = 0, i = 0;
        while (p < 990) {
            int len = Math.min(sizes[i++ % sizes.length], 990 - p);
            s.fill(parts, p, len);
            p += len;
        }
        while (p < 1000) parts[p++] = s.next();
        assertTrue(Arrays.equals(whole, parts));
        // reseeding restarts the stream
        double[] again = new double[1000];
        s.reseed(42).fill(again, 0, 1000);
        assertTrue(Arrays.equals(whole, again));
    }

    @Test
    void momentsAndKolmogorovSmirnovOnTenMillionDraws() {
        double[] z = draws(2026, N);
        double m1 = 0, m2 = 0, m3 = 0, m4 = 0;
        for (double v : z) { double v2 = v * v; m1 += v; m2 += v2; m3 += v2 * v; m4 += v2 * v2; }
        m1 /= N; m2 /= N; m3 /= N; m4 /= N;
        double se = 1 / Math.sqrt(N);
        assertEquals(0, m1, 5 * se, "mean");
        assertEquals(1, m2, 5 * Math.sqrt(2) * se, "E Z^2");
        assertEquals(0, m3, 5 * Math.sqrt(15) * se, "E Z^3");
        assertEquals(3, m4, 5 * Math.sqrt(96) * se, "E Z^4");
        Arrays.sort(z);
        double d = 0;
        for (int i = 0; i < N; i++) {
            double f = 0.5 * Erf.erfc(-z[i] / Math.sqrt(2));
            d = Math.max(d, Math.max(f - (double) i / N, (i + 1.0) / N - f));
        }
        // Kolmogorov distribution: P(sqrt(n) D > 1.95) = 0.001
        assertTrue(Math.sqrt(N) * d < 1.95, "KS sqrt(n) D = " + Math.sqrt(N) * d);
        // tail counts P(|Z| > t) against the binomial
        for (double t : new double[] {2, 3, 4, 4.5, 5}) {
            double p = Erf.erfc(t / Math.sqrt(2));
            int lo = lowerIndexAbove(z, t), hi = N - lowerIndexAbove(z, -t) ;
            long count = (N - lo) + (N - hi);
            double mean = N * p;
            assertEquals(mean, count, 5 * Math.sqrt(mean) + 3, "draws with |Z| > " + t);
        }
    }

    /** Number of sorted values <= t. */
    private static int lowerIndexAbove(double[] sorted, double t) {
        int i = Arrays.binarySearch(sorted, t);
        return i >= 0 ? i + 1 : -i - 1;
    }

    @Test
    void theTransformIsAccurateFarIntoTheTails() {
        // rho(a) = sqrt(-2 ln u) to ~1 ulp for u down to 2^-52, i.e. rho up to 8.5: the tail P(rho > t) = exp(-t^2/2)
        // is exact on the 2^-52 grid of u, so P(|Z| > 6) = 2e-9 is represented with about 10^7 grid points.
        long[] as = new long[4000];
        java.util.SplittableRandom r = new java.util.SplittableRandom(5);
        for (int i = 0; i < as.length; i++) {
            int shift = i % 64; // u = 2 - [1.a]: small u when the top bits of a are all ones
            as[i] = shift == 0 ? r.nextLong() : (-1L << (64 - shift)) | (r.nextLong() >>> shift);
        }
        as[0] = -1L; // smallest u = 2^-52
        as[1] = 0L;  // u = 1, rho = 0
        double maxRho = 0;
        for (long a : as) {
            double u = 2.0 - Double.longBitsToDouble(0x3FF0000000000000L | (a >>> 12));
            double want = Math.sqrt(-2 * Math.log(u)), got = ScalarNormalKernel.radius(a);
            assertEquals(want, got, 4e-16 * Math.max(1, want), "rho for u = " + u);
            maxRho = Math.max(maxRho, got);
        }
        assertTrue(maxRho > 8.4, "largest radius " + maxRho);
        for (int i = -1000; i <= 1000; i++) {
            double phi = Math.PI / 4 * i / 1000.0, p2 = phi * phi;
            assertEquals(Math.sin(phi), Math.fma(phi * p2, ScalarNormalKernel.sinPoly(p2), phi), 2.3e-16, "sin " + phi);
            assertEquals(Math.cos(phi), Math.fma(p2, ScalarNormalKernel.cosPoly(p2), 1.0), 2.3e-16, "cos " + phi);
        }
    }

    @Test
    void theRadialTailIsExactOnTheGridBeyondSixSigma() {
        // u = 1 - k 2^-52 for k = a >>> 12; rho grows with k, so P(rho > t) = #{k : rho > t} / 2^52, found by
        // bisection over all 2^52 values of k; the law asks P(rho > t) = exp(-t^2 / 2) (Rayleigh), to within the grid.
        for (double t : new double[] {1, 2, 4, 6, 7, 8}) {
            long lo = 0, hi = 1L << 52; // first k with rho > t
            while (lo < hi) {
                long mid = (lo + hi) >>> 1;
                if (ScalarNormalKernel.radius(mid << 12) > t) hi = mid; else lo = mid + 1;
            }
            double p = ((1L << 52) - lo) * 0x1p-52, want = Math.exp(-t * t / 2);
            assertEquals(want, p, 0x1p-52 + 1e-13 * want, "P(rho > " + t + ")");
        }
    }

    @Test
    void streamsAndLanesAreUncorrelated() {
        int n = 1_000_000;
        RandomStreams streams = new RandomStreams(9);
        double[] a = new double[n], b = new double[n], c = new double[n];
        streams.normals(0).fill(a, 0, n);
        streams.normals(1).fill(b, 0, n);
        streams.normals(1L << 32).fill(c, 0, n);
        double tol = 5 / Math.sqrt(n);
        assertEquals(0, corr(a, 0, b, 0, n, false), tol, "adjacent streams");
        assertEquals(0, corr(a, 0, c, 0, n, false), tol, "distant streams");
        assertEquals(0, corr(a, 0, b, 0, n, true), tol, "adjacent streams, squares");
        // within one stream: neighbours (adjacent lanes), the cos/sin partner (lag 8) and the next block (lag 16)
        for (int lag : new int[] {1, 8, 16}) {
            assertEquals(0, corr(a, 0, a, lag, n - lag, false), tol, "lag " + lag);
            assertEquals(0, corr(a, 0, a, lag, n - lag, true), tol, "lag " + lag + ", squares");
        }
    }

    /** Sample correlation of x[xo + i] and y[yo + i] (or of their squares). */
    private static double corr(double[] x, int xo, double[] y, int yo, int n, boolean squares) {
        double sx = 0, sy = 0, sxx = 0, syy = 0, sxy = 0;
        for (int i = 0; i < n; i++) {
            double u = x[xo + i], v = y[yo + i];
            if (squares) { u *= u; v *= v; }
            sx += u; sy += v; sxx += u * u; syy += v * v; sxy += u * v;
        }
        double cov = sxy / n - (sx / n) * (sy / n);
        return cov / Math.sqrt((sxx / n - (sx / n) * (sx / n)) * (syy / n - (sy / n) * (sy / n)));
    }
}
