package org.diffold.core.score.empirical;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.diffold.core.grid.TimeGrids;
import org.diffold.core.knn.BruteForceKnn;
import org.diffold.core.knn.Neighbors;
import org.diffold.core.linalg.Subspace;
import org.diffold.core.process.NoiseLevel;
import org.diffold.core.random.RandomStreams;
import org.diffold.core.sampler.ExponentialIntegratorScheme;
import org.diffold.core.score.Score;
import org.diffold.core.target.GmmSubspaceTarget;
import org.junit.jupiter.api.Test;

/** The empirical score of docs/math.md §6 against the exact Gaussian-mixture score, and its memorization. */
class EmpiricalScoreTest {
    private static final int D = 9, K = 3;

    /** N training points in a k-dim subspace, their latent coordinates in {@code latent}. */
    private static double[] points(Subspace u, int n, double[] latent, SplittableRandom rng) {
        double[] x = new double[n * D];
        for (int i = 0; i < n * K; i++) latent[i] = 2 * rng.nextGaussian();
        double[] z = new double[K];
        for (int i = 0; i < n; i++) {
            System.arraycopy(latent, i * K, z, 0, K);
            u.lift(z, x, i * D);
        }
        return x;
    }

    @Test
    void equalsTheGaussianMixtureScoreWithPointComponents() {
        SplittableRandom rng = new SplittableRandom(3);
        Subspace u = Subspace.random(D, K, rng);
        // N = 300 crosses a panel boundary (256)
        int n = 300, q = 37;
        double[] latent = new double[n * K];
        double[] train = points(u, n, latent, rng);
        double[] w = new double[n];
        java.util.Arrays.fill(w, 1);
        // lambda -> 0: a mixture of N equal point masses; 1e-14 changes m_t by a relative 1e-14 / sigma^2
        Score exact = new GmmSubspaceTarget(u, w, latent, 1e-14).score();
        Score empirical = EmpiricalScore.exact(new TrainingPanels(train, n, D));
        double[] x = new double[q * D];
        for (int i = 0; i < x.length; i++) x[i] = 3 * rng.nextGaussian();
        for (double t : new double[] {1e-3, 0.02, 0.3, 2, 8}) {
            NoiseLevel level = NoiseLevel.ofOuTime(t);
            double[] a = new double[q * D], b = new double[q * D];
            exact.evaluator().score(level, x, a, 0, q);
            empirical.evaluator().score(level, x, b, 0, q);
            double scale = 0;
            for (double v : a) scale = Math.max(scale, Math.abs(v));
            for (int j = 0; j < a.length; j++) assertEquals(a[j], b[j], 1e-9 * scale, "t=" + t + " j=" + j);
        }
    }

    @Test
    void kdeIsTheEmpiricalScoreAtInflatedVariance() {
        SplittableRandom rng = new SplittableRandom(4);
        Subspace u = Subspace.random(D, K, rng);
        int n = 40;
        double[] train = points(u, n, new double[n * K], rng);
        TrainingPanels panels = new TrainingPanels(train, n, D);
        double[] x = new double[5 * D];
        for (int i = 0; i < x.length; i++) x[i] = rng.nextGaussian();
        NoiseLevel level = NoiseLevel.ofOuTime(0.01);
        double h = 0.3, c = level.c(), v = level.sigma2() + h * h;
        double[] kde = new double[x.length];
        EmpiricalScore.kde(panels, h).evaluator().score(level, x, kde, 0, 5);
        // direct two-pass sum over the points
        for (int r = 0; r < 5; r++) {
            double[] logit = new double[n];
            double mx = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                double s = 0;
                for (int k = 0; k < D; k++) { double e = x[r * D + k] - c * train[i * D + k]; s += e * e; }
                logit[i] = -s / (2 * v);
                mx = Math.max(mx, logit[i]);
            }
            double z = 0;
            double[] m = new double[D];
            for (int i = 0; i < n; i++) {
                double e = Math.exp(logit[i] - mx);
                z += e;
                for (int k = 0; k < D; k++) m[k] += e * train[i * D + k];
            }
            for (int k = 0; k < D; k++) assertEquals((c * m[k] / z - x[r * D + k]) / v, kde[r * D + k], 1e-10);
        }
    }

    @Test
    void stableAtTinyNoiseFarFromTheData() {
        double[] train = {0, 0, 1, 0, 0, 1};
        TrainingPanels panels = new TrainingPanels(train, 3, 2);
        double[] x = {1e3, 1e3}, out = new double[2];
        EmpiricalScore.exact(panels).evaluator().score(NoiseLevel.ofOuTime(1e-8), x, out, 0, 1);
        assertTrue(Double.isFinite(out[0]) && Double.isFinite(out[1]));
    }

    @Test
    void samplingAtSmallFinalNoiseReturnsTrainingPoints() {
        SplittableRandom rng = new SplittableRandom(8);
        Subspace u = Subspace.random(D, K, rng);
        int n = 20, samples = 64;
        double[] train = points(u, n, new double[n * K], rng);
        Score score = EmpiricalScore.exact(new TrainingPanels(train, n, D));
        double[] out = new double[samples * D];
        new ExponentialIntegratorScheme().sampler(TimeGrids.benton(6, 1e-4, 60), true)
                .sample(score, new RandomStreams(11), 0, samples, out, 1, null);
        Neighbors nb = new BruteForceKnn(1).search(out, samples, train, n, D, 2);
        for (int i = 0; i < samples; i++) {
            assertTrue(nb.distance(i, 0) < nb.distance(i, 1) / 3, "sample " + i + " not memorized");
            assertTrue(nb.distance(i, 0) < 1e-3, "sample " + i + " is " + nb.distance(i, 0) + " from its training point");
        }
    }

    @Test
    void sameBitsForAnySplit() {
        SplittableRandom rng = new SplittableRandom(9);
        int n = 600, q = 300; // a 300-row call uses a 256-row block and 32-row blocks; the splits shift rows between them
        double[] train = new double[n * D], x = new double[q * D];
        for (int i = 0; i < train.length; i++) train[i] = rng.nextGaussian();
        for (int i = 0; i < x.length; i++) x[i] = rng.nextGaussian();
        Score s = EmpiricalScore.exact(new TrainingPanels(train, n, D));
        NoiseLevel level = NoiseLevel.ofOuTime(0.05);
        double[] all = new double[x.length], parts = new double[x.length];
        s.evaluator().score(level, x, all, 0, q);
        Score.Evaluator e = s.evaluator();
        e.score(level, x, parts, 0, 3);
        e.score(level, x, parts, 3, 41);
        e.score(level, x, parts, 41, q);
        assertArrayEquals(all, parts);
        e.score(level, x, parts, 0, 260);
        e.score(level, x, parts, 260, q);
        assertArrayEquals(all, parts);
    }

    @Test
    void theOpenBlasBlockGrowsWithTheRoomForItsWeights() {
        assertEquals(256, PosteriorMean.blasRows(600));
        assertEquals(256, PosteriorMean.blasRows(16384));
        assertEquals(128, PosteriorMean.blasRows(60000)); // 128 x 60000 <= 2^23 < 256 x 60000
        assertEquals(PosteriorMean.BLOCK, PosteriorMean.blasRows(10_000_000));
        TrainingPanels panels = new TrainingPanels(new double[] {0, 0, 1, 1, 2, 0}, 3, 2);
        assertEquals(PosteriorMean.BLOCK, PosteriorMean.blockRows(panels, org.diffold.core.linalg.DotKernel.java()));
        assertEquals(new PosteriorMean(panels).blockRows(), EmpiricalScore.exact(panels).chunkRows());
    }

    @Test
    void samplersGiveTheSameBitsWhateverChunkTheScoreAsksFor() {
        SplittableRandom rng = new SplittableRandom(12);
        int n = 300, samples = 290;
        double[] train = new double[n * D];
        for (int i = 0; i < train.length; i++) train[i] = rng.nextGaussian();
        Score big = EmpiricalScore.kde(new TrainingPanels(train, n, D), 0.1);
        assertEquals(256, big.chunkRows());
        Score small = new Score() { // the same score, stepped 32 rows at a time
            @Override public int dim() { return big.dim(); }
            @Override public Evaluator evaluator() { return big.evaluator(); }
        };
        assertEquals(Score.DEFAULT_CHUNK_ROWS, small.chunkRows());
        var affine = new ExponentialIntegratorScheme().sampler(TimeGrids.benton(8, 1e-3, 30), true);
        var solver = new org.diffold.core.solver.SolverSampler(org.diffold.core.solver.Solvers.parse("dpmpp-2m-sde")
                .program(org.diffold.core.sigma.SigmaGrids.parse("karras:sigma_min=0.05,sigma_max=10,final=none", 8)), false);
        for (org.diffold.core.sampler.Sampler sampler : new org.diffold.core.sampler.Sampler[] {affine, solver}) {
            double[] a = new double[samples * D], b = new double[samples * D];
            sampler.sample(big, new RandomStreams(3), 5, samples, a, 2, null);
            sampler.sample(small, new RandomStreams(3), 5, samples, b, 1, null);
            assertArrayEquals(b, a, sampler.name());
        }
    }

    @Test
    void rejectsBadTrainingSetsAndBandwidths() {
        assertThrows(IllegalArgumentException.class, () -> new TrainingPanels(new double[0], 0, 2));
        assertThrows(IllegalArgumentException.class, () -> new TrainingPanels(new double[2], 1, 2));
        assertThrows(IllegalArgumentException.class, () -> new TrainingPanels(new double[] {0, 1, Double.NaN, 0}, 2, 2));
        TrainingPanels p = new TrainingPanels(new double[] {0, 1, 1, 0}, 2, 2);
        assertThrows(IllegalArgumentException.class, () -> EmpiricalScore.kde(p, 0));
        assertThrows(IllegalArgumentException.class, () -> EmpiricalScore.kde(p, -1));
    }
}
