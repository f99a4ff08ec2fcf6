package org.diffold.core.score.empirical;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.diffold.core.manifold.DataManifold;
import org.diffold.core.manifold.Manifolds;
import org.diffold.core.process.NoiseLevel;
import org.diffold.core.score.Score;
import org.junit.jupiter.api.Test;

/** Coarse and weight-smoothed closed-form scores of docs/math.md §6. */
class CoarseAndSmoothedScoreTest {
    private static final int D = 5;

    private static double[] near(DataManifold m, int n, double off, long seed) {
        double[] x = m.sample(seed, n);
        SplittableRandom rng = new SplittableRandom(seed + 1);
        for (int i = 0; i < x.length; i++) x[i] += off * rng.nextGaussian();
        return x;
    }

    @Test
    void coarseScoreWithTheExactCircleProjection() {
        DataManifold circle = Manifolds.parse("circle", D, 2);
        Score coarse = new CoarseScore(ManifoldProjection.exact(circle));
        int n = 20;
        double[] x = near(circle, n, 0.3, 5), out = new double[n * D], p = new double[D], y = new double[D];
        for (double t : new double[] {1e-6, 1e-3, 0.1}) {
            NoiseLevel level = NoiseLevel.ofOuTime(t);
            coarse.evaluator().score(level, x, out, 0, n);
            double c = level.c(), v = level.sigma2();
            for (int i = 0; i < n; i++) {
                for (int k = 0; k < D; k++) y[k] = x[i * D + k] / c;
                circle.project(y, 0, p, 0);
                for (int k = 0; k < D; k++) {
                    double expect = -(x[i * D + k] - c * p[k]) / v;
                    assertEquals(expect, out[i * D + k], 1e-9 * Math.abs(expect) + 1e-9);
                }
            }
        }
        // at t -> 0 (c -> 1) it is -(x - proj(x)) / sigma^2
        NoiseLevel small = NoiseLevel.ofOuTime(1e-9);
        coarse.evaluator().score(small, x, out, 0, 1);
        circle.project(x, 0, p, 0);
        for (int k = 0; k < D; k++) assertEquals(-(x[k] - p[k]) / small.sigma2(), out[k], 1e-6 * Math.abs(out[k]) + 1e-6);
    }

    @Test
    void localPcaProjectionConvergesToTheExactOne() {
        DataManifold circle = Manifolds.parse("circle", D, 3);
        double prev = Double.POSITIVE_INFINITY;
        double[] q = near(circle, 50, 0.05, 9), exact = new double[50 * D], est = new double[50 * D];
        ManifoldProjection.exact(circle).worker().project(q, exact, 0, 50);
        for (int n : new int[] {100, 1000}) {
            TrainingPanels train = new TrainingPanels(circle.sample(n, n), n, D);
            new LocalPcaProjection(train, 1, 8, 2).worker().project(q, est, 0, 50);
            double err = 0;
            for (int j = 0; j < est.length; j++) err = Math.max(err, Math.abs(est[j] - exact[j]));
            assertTrue(err < prev / 5, "N=" + n + " error " + err + " after " + prev);
            prev = err;
        }
        assertTrue(prev < 2e-3, "error " + prev);
    }

    @Test
    void localPcaFitsAreTheSameForAnyThreadCount() {
        DataManifold torus = Manifolds.parse("torus", 6, 4);
        TrainingPanels train = new TrainingPanels(torus.sample(1, 700), 700, 6);
        double[] q = near(torus, 30, 0.1, 2), a = new double[30 * 6], b = new double[30 * 6];
        new LocalPcaProjection(train, 2, 12, 1).worker().project(q, a, 0, 30);
        new LocalPcaProjection(train, 2, 12, 3).worker().project(q, b, 0, 30);
        assertArrayEquals(a, b);
    }

    @Test
    void neighbourhoodLargerThanNIsRejected() {
        TrainingPanels train = new TrainingPanels(new double[] {0, 0, 1, 0, 0, 1}, 3, 2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new LocalPcaProjection(train, 1, 4, 1));
        assertTrue(e.getMessage().contains("neighbourhood size must be in [k+1 = 2, N = 3], got 4"), e.getMessage());
    }

    @Test
    void smoothedScoreTendsToTheEmpiricalOneAsSmoothingVanishes() {
        SplittableRandom rng = new SplittableRandom(1);
        int n = 300, q = 40;
        double[] train = new double[n * D], x = new double[q * D];
        for (int i = 0; i < train.length; i++) train[i] = rng.nextGaussian();
        for (int i = 0; i < x.length; i++) x[i] = rng.nextGaussian();
        TrainingPanels panels = new TrainingPanels(train, n, D);
        NoiseLevel level = NoiseLevel.ofOuTime(0.05);
        double[] a = new double[x.length], b = new double[x.length], c = new double[x.length];
        EmpiricalScore.exact(panels).evaluator().score(level, x, a, 0, q);
        new SmoothedClosedFormScore(panels, 1e-9, 3, 7).evaluator().score(level, x, b, 0, q);
        for (int j = 0; j < a.length; j++) assertEquals(a[j], b[j], 1e-5 * (1 + Math.abs(a[j])));
        // a real smoothing changes it, and its bits do not depend on the batch split
        Score smooth = new SmoothedClosedFormScore(panels, 0.3, 2, 7);
        smooth.evaluator().score(level, x, b, 0, q);
        Score.Evaluator e = smooth.evaluator();
        e.score(level, x, c, 0, 7);
        e.score(level, x, c, 7, q);
        assertArrayEquals(b, c);
        double diff = 0;
        for (int j = 0; j < a.length; j++) diff = Math.max(diff, Math.abs(a[j] - b[j]));
        assertTrue(diff > 1e-3, "smoothing had no effect: " + diff);
    }

    @Test
    void largeNoiseScoreAboveTheSwitch() {
        DataManifold circle = Manifolds.parse("circle", D, 2);
        TrainingPanels panels = new TrainingPanels(circle.sample(3, 64), 64, D);
        Score emp = EmpiricalScore.exact(panels);
        Score hybrid = new CoarseScore(new LocalPcaProjection(panels, 1, 6, 1), emp, 0.5);
        double[] x = near(circle, 4, 0.2, 4), a = new double[4 * D], b = new double[4 * D];
        NoiseLevel big = NoiseLevel.ofOuTime(1.0);
        emp.evaluator().score(big, x, a, 0, 4);
        hybrid.evaluator().score(big, x, b, 0, 4);
        assertArrayEquals(a, b);
        // samplers step the empirical score's block for the hybrid too; alone the projection keeps the default
        org.junit.jupiter.api.Assertions.assertEquals(emp.chunkRows(), hybrid.chunkRows());
        org.junit.jupiter.api.Assertions.assertEquals(Score.DEFAULT_CHUNK_ROWS, new CoarseScore(new LocalPcaProjection(panels, 1, 6, 1)).chunkRows());
        org.junit.jupiter.api.Assertions.assertEquals(emp.chunkRows(), new org.diffold.core.score.PerturbedScore(emp, new org.diffold.core.score.SineField(0.1)).chunkRows());
    }
}
