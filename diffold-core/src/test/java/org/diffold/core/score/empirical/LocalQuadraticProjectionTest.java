package org.diffold.core.score.empirical;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.diffold.core.linalg.DotKernel;
import org.junit.jupiter.api.Test;

/** The local quadratic fit projection of docs/math.md §6.1: exactness on quadrics, O(h^3) against PCA's O(h^2). */
class LocalQuadraticProjectionTest {

    /** N equally spaced points of the unit circle in the first two coordinates of R^3. */
    private static double[] circle(int n) {
        double[] x = new double[n * 3];
        for (int j = 0; j < n; j++) {
            double a = 2 * Math.PI * j / n + 0.3;
            x[j * 3] = Math.cos(a);
            x[j * 3 + 1] = Math.sin(a);
        }
        return x;
    }

    /** Queries at radius 1 +- off around the circle, with their exact projections. */
    private static double[][] circleQueries(int q, double off, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] x = new double[q * 3], p = new double[q * 3];
        for (int i = 0; i < q; i++) {
            double a = 2 * Math.PI * rng.nextDouble(), r = 1 + (i % 2 == 0 ? off : -off);
            x[i * 3] = r * Math.cos(a);
            x[i * 3 + 1] = r * Math.sin(a);
            x[i * 3 + 2] = 0.01 * rng.nextGaussian();
            p[i * 3] = Math.cos(a);
            p[i * 3 + 1] = Math.sin(a);
        }
        return new double[][] {x, p};
    }

    private static double rms(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += (a[i] - b[i]) * (a[i] - b[i]);
        return Math.sqrt(s / a.length);
    }

    /** Least-squares slope of log y against log x. */
    private static double slope(double[] x, double[] y) {
        int n = x.length;
        double mx = 0, my = 0;
        for (int i = 0; i < n; i++) {
            mx += Math.log(x[i]) / n;
            my += Math.log(y[i]) / n;
        }
        double sxy = 0, sxx = 0;
        for (int i = 0; i < n; i++) {
            sxy += (Math.log(x[i]) - mx) * (Math.log(y[i]) - my);
            sxx += (Math.log(x[i]) - mx) * (Math.log(x[i]) - mx);
        }
        return sxy / sxx;
    }

    private static double[] project(ManifoldProjection p, double[] q, int rows) {
        double[] out = new double[q.length];
        p.worker().project(q, out, 0, rows);
        return out;
    }

    @Test
    void onACircleTheErrorIsOrderH3AgainstLocalPcasH2() {
        int n = 4096, q = 40;
        TrainingPanels train = new TrainingPanels(circle(n), n, 3);
        double[][] qp = circleQueries(q, 0.05, 11);
        int[] ms = {16, 32, 64, 128, 256};
        double[] h = new double[ms.length], lpca = new double[ms.length], lqf = new double[ms.length];
        for (int i = 0; i < ms.length; i++) {
            h[i] = Math.PI * ms[i] / n; // half the neighbourhood's arc
            compare(train, 1, ms[i], qp[0], qp[1], q, 0.05, lpca, lqf, i);
        }
        assertOrders("circle", h, lpca, lqf, 2.7, 5);
    }

    @Test
    void onASphereTheQuadraticFitIsMarkedlyCloserAndOfHigherOrder() {
        int n = 20000, q = 40;
        double[] x = new double[n * 3];
        double golden = Math.PI * (3 - Math.sqrt(5));
        for (int j = 0; j < n; j++) { // Fibonacci lattice: quasi-uniform, neighbourhoods not symmetric
            double z = 1 - 2 * (j + 0.5) / n, r = Math.sqrt(1 - z * z);
            x[j * 3] = r * Math.cos(golden * j);
            x[j * 3 + 1] = r * Math.sin(golden * j);
            x[j * 3 + 2] = z;
        }
        TrainingPanels train = new TrainingPanels(x, n, 3);
        SplittableRandom rng = new SplittableRandom(4);
        double[] qs = new double[q * 3], exact = new double[q * 3];
        for (int i = 0; i < q; i++) {
            double nn = 0;
            for (int c = 0; c < 3; c++) {
                exact[i * 3 + c] = rng.nextGaussian();
                nn += exact[i * 3 + c] * exact[i * 3 + c];
            }
            double r = 1 + (i % 2 == 0 ? 0.03 : -0.03);
            for (int c = 0; c < 3; c++) {
                exact[i * 3 + c] /= Math.sqrt(nn);
                qs[i * 3 + c] = r * exact[i * 3 + c];
            }
        }
        int[] ms = {24, 48, 96, 192};
        double[] h = new double[ms.length], lpca = new double[ms.length], lqf = new double[ms.length];
        for (int i = 0; i < ms.length; i++) {
            h[i] = Math.sqrt(4.0 * ms[i] / n); // radius of a cap holding m of n uniform points
            compare(train, 2, ms[i], qs, exact, q, 0.1, lpca, lqf, i);
        }
        assertOrders("sphere", h, lpca, lqf, 2.7, 5);
    }

    /**
     * The circle and the sphere have no third-order term at the foot point, so there the fit does better than the bound
     * (order 4); the cubic y = u^3 has one, and the order is 3 against local PCA's 2 (queries at distance rho = h:
     * the fitted slope is off by O(h^2), which moves the foot point of a query at distance rho by O(rho h^2)).
     */
    @Test
    void onACubicCurveTheOrderIsThree() {
        int n = 8192, q = 30;
        double[] x = new double[n * 2];
        for (int j = 0; j < n; j++) {
            double u = -1.5 + 3.0 * j / (n - 1);
            x[j * 2] = u;
            x[j * 2 + 1] = u * u * u;
        }
        TrainingPanels train = new TrainingPanels(x, n, 2);
        int[] ms = {16, 32, 64, 128};
        double[] h = new double[ms.length], lpca = new double[ms.length], lqf = new double[ms.length];
        for (int i = 0; i < ms.length; i++) {
            h[i] = 1.5 * ms[i] / n; // half the neighbourhood's extent in u
            double[][] qe = cubicQueries(q, h[i]); // at distance rho = h: the error bound O(h^3 + rho h^2) is O(h^3)
            compare(train, 1, ms[i], qe[0], qe[1], q, 0.1, lpca, lqf, i);
        }
        assertOrders("cubic", h, lpca, lqf, 2.6, 3.5);
    }

    /** RMS errors of local PCA and the quadratic fit on m neighbours into lpca[i], lqf[i]; lqf below ratio x lpca. */
    private static void compare(TrainingPanels train, int k, int m, double[] qs, double[] exact, int q, double ratio,
                                double[] lpca, double[] lqf, int i) {
        lpca[i] = rms(project(new LocalPcaProjection(train, k, m, 2), qs, q), exact);
        lqf[i] = rms(project(new LocalQuadraticProjection(train, k, m, 8, 0), qs, q), exact);
        assertTrue(lqf[i] < ratio * lpca[i], "m = " + m + ": lqf " + lqf[i] + " vs lpca " + lpca[i]);
    }

    /** Local PCA's order in h within [1.6, 2.4], the quadratic fit's within [lo, hi]. */
    private static void assertOrders(String what, double[] h, double[] lpca, double[] lqf, double lo, double hi) {
        double sPca = slope(h, lpca), sLqf = slope(h, lqf);
        System.out.printf(java.util.Locale.ROOT, "%s: order lpca %.3f, lqf %.3f; errors lpca %s, lqf %s%n", what, sPca, sLqf,
                java.util.Arrays.toString(lpca), java.util.Arrays.toString(lqf));
        assertTrue(sPca > 1.6 && sPca < 2.4, what + ": local PCA order " + sPca);
        assertTrue(sLqf > lo && sLqf < hi, what + ": local quadratic order " + sLqf);
    }

    /** Queries at normal distance +-rho from y = u^3 (u in [0.3, 0.8]) and their exact foot points (Newton). */
    private static double[][] cubicQueries(int q, double rho) {
        SplittableRandom rng = new SplittableRandom(6);
        double[] qs = new double[q * 2], exact = new double[q * 2];
        for (int i = 0; i < q; i++) {
            double u0 = rng.nextDouble(0.3, 0.8), off = i % 2 == 0 ? rho : -rho;
            double nu = Math.hypot(1, 3 * u0 * u0);
            qs[i * 2] = u0 - off * 3 * u0 * u0 / nu;
            qs[i * 2 + 1] = u0 * u0 * u0 + off / nu;
            double u = u0; // foot point: (u - qx) + (u^3 - qy) 3u^2 = 0
            for (int it = 0; it < 60; it++) {
                double g = (u - qs[i * 2]) + (u * u * u - qs[i * 2 + 1]) * 3 * u * u;
                double dg = 1 + 9 * u * u * u * u + (u * u * u - qs[i * 2 + 1]) * 6 * u;
                u -= g / dg;
            }
            exact[i * 2] = u;
            exact[i * 2 + 1] = u * u * u;
        }
        return new double[][] {qs, exact};
    }

    /** A saddle z = (0.8 x^2 - 0.5 y^2) / 2 on a symmetric grid, rotated into R^4 by a fixed orthogonal matrix. */
    @Test
    void onAQuadricItIsTheExactProjection() {
        int g = 11, n = g * g, dim = 4;
        double[][] rot = rotation(dim, 8);
        double[] x = new double[n * dim];
        for (int i = 0; i < g; i++) {
            for (int j = 0; j < g; j++) {
                double u = -1 + 2.0 * i / (g - 1), v = -1 + 2.0 * j / (g - 1);
                embed(rot, new double[] {u, v, saddle(u, v), 0}, x, (i * g + j) * dim);
            }
        }
        TrainingPanels train = new TrainingPanels(x, n, dim);
        int q = 12;
        SplittableRandom rng = new SplittableRandom(5);
        double[] qs = new double[q * dim], exact = new double[q * dim];
        for (int i = 0; i < q; i++) {
            double[] local = {rng.nextDouble(-0.7, 0.7), rng.nextDouble(-0.7, 0.7), 0, 0.05 * rng.nextGaussian()};
            local[2] = saddle(local[0], local[1]) + 0.1 * rng.nextGaussian();
            embed(rot, local, qs, i * dim);
            double[] foot = footPoint(local);
            embed(rot, new double[] {foot[0], foot[1], saddle(foot[0], foot[1]), 0}, exact, i * dim);
        }
        for (DotKernel kernel : new DotKernel[] {DotKernel.best(), DotKernel.java()}) {
            double[] got = project(new LocalQuadraticProjection(train, 2, n, 8, 0, kernel), qs, q);
            assertArrayEquals(exact, got, 1e-10, kernel.name());
            // the default ridge moves it by rounding-sized amounts only
            double[] ridged = project(new LocalQuadraticProjection(train, 2, n, 8, LocalQuadraticProjection.DEFAULT_RIDGE, kernel), qs, q);
            assertArrayEquals(exact, ridged, 1e-7, kernel.name());
        }
    }

    private static double saddle(double u, double v) { return 0.5 * (0.8 * u * u - 0.5 * v * v); }

    /** argmin over (u, v) of |p - (u, v, saddle(u, v))|^2 (the 4th coordinate is normal) by 60 Newton steps. */
    private static double[] footPoint(double[] p) {
        double u = p[0], v = p[1];
        for (int it = 0; it < 60; it++) {
            double e = saddle(u, v) - p[2], fu = 0.8 * u, fv = -0.5 * v;
            double gu = (u - p[0]) + e * fu, gv = (v - p[1]) + e * fv;
            double huu = 1 + fu * fu + e * 0.8, hvv = 1 + fv * fv - e * 0.5, huv = fu * fv;
            double det = huu * hvv - huv * huv;
            u -= (hvv * gu - huv * gv) / det;
            v -= (huu * gv - huv * gu) / det;
        }
        return new double[] {u, v};
    }

    private static double[][] rotation(int dim, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] q = new double[dim * dim];
        for (int i = 0; i < q.length; i++) q[i] = rng.nextGaussian();
        org.diffold.core.linalg.Subspace.orthonormalizeColumns(q, dim, dim);
        double[][] r = new double[dim][dim];
        for (int i = 0; i < dim; i++) for (int j = 0; j < dim; j++) r[i][j] = q[i * dim + j];
        return r;
    }

    private static void embed(double[][] rot, double[] local, double[] out, int off) {
        for (int i = 0; i < rot.length; i++) {
            double s = 0;
            for (int j = 0; j < rot.length; j++) s += rot[i][j] * local[j];
            out[off + i] = s;
        }
    }

    @Test
    void aRowsResultDoesNotDependOnTheBatchSplit() {
        int n = 500, q = 45;
        TrainingPanels train = new TrainingPanels(circle(n), n, 3);
        double[] qs = circleQueries(q, 0.1, 3)[0];
        for (DotKernel kernel : new DotKernel[] {DotKernel.best(), DotKernel.java()}) {
            LocalQuadraticProjection p = new LocalQuadraticProjection(train, 1, 12, 8, LocalQuadraticProjection.DEFAULT_RIDGE, kernel);
            double[] whole = project(p, qs, q), split = new double[q * 3];
            ManifoldProjection.Worker w1 = p.worker(), w2 = p.worker();
            w1.project(qs, split, 0, 7);
            w2.project(qs, split, 7, 40);
            w1.project(qs, split, 40, q);
            assertArrayEquals(whole, split, 0, kernel.name());
            // and the coarse score on 1 and 3 threads, through a sampler
            double[] y1 = new double[q * 3], y3 = new double[q * 3];
            org.diffold.core.sampler.Sampler s = new org.diffold.core.sampler.ExponentialIntegratorScheme()
                    .sampler(org.diffold.core.grid.TimeGrids.benton(2, 1e-4, 20), true);
            s.sample(new CoarseScore(p), new org.diffold.core.random.RandomStreams(3), 0, q, y1, 1, null);
            s.sample(new CoarseScore(p), new org.diffold.core.random.RandomStreams(3), 0, q, y3, 3, null);
            assertArrayEquals(y1, y3, 0, kernel.name());
        }
    }

    @Test
    void badSettingsAreOneLineErrorsNamingTheParameter() {
        int n = 30;
        TrainingPanels train = new TrainingPanels(circle(n), n, 3);
        String[][] cases = {
            {"neighbours=31", "neighbours must be an integer in [k(k+1)/2+k+1 = 3, N = 30] for proj=lqf, got 31"},
            {"neighbours=2", "neighbours must be an integer in [k(k+1)/2+k+1 = 3, N = 30] for proj=lqf, got 2"},
            {"m=2", "neighbours must be an integer in [k(k+1)/2+k+1 = 3, N = 30] for proj=lqf, got 2"},
            {"m=5,neighbours=5", "give the neighbourhood size once"},
            {"iterations=101", "iterations must be an integer in [0, 100], got 101"},
            {"iterations=1.5", "iterations must be an integer in [0, 100], got 1.5"},
            {"ridge=-1", "ridge must be >= 0 and finite, got -1"},
            {"ridge=nan", "ridge must be a number, got 'nan'"},
            {"k=nan", "k must be a number, got 'nan'"},
        };
        for (String[] c : cases) {
            Map<String, String> p = parse("proj=lqf,k=1,switch=0," + c[0]);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ClosedFormScores.build("coarse", p, train, 1, 0), c[0]);
            assertTrue(e.getMessage().contains(c[1]) && !e.getMessage().contains("\n"), c[0] + ": " + e.getMessage());
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ClosedFormScores.build("coarse", parse("proj=pca,k=1"), train, 1, 0));
        assertEquals("score coarse: proj must be one of lpca, lqf, got 'pca'", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ClosedFormScores.build("coarse", parse("k=1,ridge=0"), train, 1, 0));
        assertEquals("score coarse: ridge applies to proj=lqf only, got proj=lpca", e.getMessage());
        // k = 2 needs 6 neighbours
        e = assertThrows(IllegalArgumentException.class, () -> new LocalQuadraticProjection(train, 2, 5, 8, 0));
        assertTrue(e.getMessage().contains("[k(k+1)/2+k+1 = 6, N = 30]"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new LocalQuadraticProjection(train, 3, 10, 8, 0));
        assertThrows(IllegalArgumentException.class, () -> new LocalQuadraticProjection(train, 1, 10, 8, Double.NaN));
        // and the spec builds a working coarse score
        assertEquals(3, ClosedFormScores.build("coarse", parse("proj=lqf,k=1,m=6,iterations=3"), train, 1, 0).dim());
    }

    private static Map<String, String> parse(String kv) {
        Map<String, String> m = new HashMap<>();
        for (String s : kv.split(",")) m.put(s.substring(0, s.indexOf('=')), s.substring(s.indexOf('=') + 1));
        return m;
    }
}
