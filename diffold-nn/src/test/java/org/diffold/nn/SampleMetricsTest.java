package org.diffold.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.diffold.core.linalg.Subspace;
import org.diffold.core.process.NoiseLevel;
import org.diffold.core.random.RandomStreams;
import org.diffold.core.target.GaussianSubspaceTarget;
import org.diffold.nn.eval.ComplementKl;
import org.diffold.core.metrics.SampleDistances;
import org.junit.jupiter.api.Test;

/** Sample metrics against cases with known answers (no engine needed). */
class SampleMetricsTest {
    private static final int D = 12, K = 2, M = D - K, N = 6000;

    private static double[] noisedSamples(GaussianSubspaceTarget t, NoiseLevel level, double complementScale, long seed) {
        double[] x = new double[N * D];
        t.sampleNoised(level, new RandomStreams(seed), 0, N, x);
        if (complementScale != 1) { // scale the complement block: y -> U U^T y + a P_perp y
            double[] y = new double[K];
            for (int i = 0; i < N; i++) {
                t.subspace().project(x, i * D, y);
                for (int r = 0; r < K; r++) y[r] *= 1 - complementScale;
                t.subspace().axpyLift(complementScale, x, i * D, y, x, i * D);
            }
        }
        return x;
    }

    @Test
    void complementKlIsZeroForExactSamplesAndMatchesGaussianFormula() {
        Subspace u = Subspace.random(D, K, new SplittableRandom(1));
        GaussianSubspaceTarget t = new GaussianSubspaceTarget(u, 1.0);
        NoiseLevel level = NoiseLevel.ofLogAlphaBar(-0.05);
        double s = level.sigma2();
        ComplementKl exact = ComplementKl.estimate(u, s, noisedSamples(t, level, 1, 2), N);
        // sampling noise only: |KL| of order m / n (Wishart fluctuations), far below the 0.078 of the next case
        assertEquals(0, exact.iso(), 0.01);
        assertEquals(0, exact.cov(), 0.01);
        double a2 = 1.2; // complement variance 1.2 s: KL = m/2 (1/1.2 - 1 + ln 1.2) = 0.07827 (docs/math.md §4.1 per coordinate)
        ComplementKl wide = ComplementKl.estimate(u, s, noisedSamples(t, level, Math.sqrt(a2), 2), N);
        double expected = 0.5 * M * (1 / a2 - 1 + Math.log(a2));
        assertEquals(expected, wide.iso(), 0.15 * expected);
        assertEquals(expected, wide.cov(), 0.15 * expected);
        assertEquals(a2, wide.variance(), 0.03);
        // TV(N(0, 1), N(0, 4)): q = 4, thresholds 4 ln4/3 and ln4/3 on chi^2_1, whose CDF is 2 Phi(sqrt x) - 1:
        // 2 (Phi(1.3596) - Phi(0.6798)) = 0.322675 (erf evaluated in Python)
        assertEquals(0.322675, ComplementKl.isotropicTv(1, 4.0), 1e-5);
        assertEquals(ComplementKl.isotropicTv(M, a2), wide.tvIso(), 0.05);
    }

    @Test
    void covarianceKlIsUnbiasedForFewSamples() {
        // n = 30 rows for m = 10 complement coordinates: the plug-in value is far off, the corrected one is unbiased
        Subspace u = Subspace.random(D, K, new SplittableRandom(7));
        GaussianSubspaceTarget t = new GaussianSubspaceTarget(u, 1.0);
        NoiseLevel level = NoiseLevel.ofLogAlphaBar(-0.05);
        double[] all = noisedSamples(t, level, Math.sqrt(1.2), 8);
        int n = 30, reps = N / n;
        double mean = 0, plugIn = 0;
        for (int r = 0; r < reps; r++) {
            double[] part = java.util.Arrays.copyOfRange(all, r * n * D, (r + 1) * n * D);
            ComplementKl kl = ComplementKl.estimate(u, level.sigma2(), part, n);
            mean += kl.cov() / reps;
            plugIn += kl.covPlugIn() / reps;
        }
        double expected = 0.5 * M * (1 / 1.2 - 1 + Math.log(1.2)); // 0.07827, as above
        // mean of 200 replicates; tolerance 0.1 [ours] against a plug-in bias of order m^2 / (2n) = 1.7
        assertEquals(expected, mean, 0.1);
        assertTrue(plugIn > expected + 0.5, "plug-in " + plugIn + " should carry the Wishart bias");
    }

    @Test
    void slicedWassersteinOfAShiftIsItsLengthOverSqrtD() {
        double[] a = new double[2000 * 4], b = new double[2000 * 4];
        SplittableRandom rng = new SplittableRandom(3);
        double[] mu = {0.3, -0.4, 0.0, 1.2}; // |mu| = 1.3
        for (int i = 0; i < 2000; i++) {
            for (int j = 0; j < 4; j++) {
                a[i * 4 + j] = rng.nextGaussian();
                b[i * 4 + j] = a[i * 4 + j] + mu[j];
            }
        }
        // projections of b are those of a shifted by theta.mu: W2^2 = (theta.mu)^2, E over the sphere = |mu|^2 / D
        double sw = SampleDistances.slicedWasserstein(a, 2000, b, 2000, 4, 4000, 5);
        assertEquals(1.3 / 2, sw, 0.05 * 1.3 / 2);
        assertEquals(0, SampleDistances.slicedWasserstein(a, 2000, a, 2000, 4, 50, 5), 1e-12);
    }

    @Test
    void mmdSeparatesDifferentLawsOnly() {
        SplittableRandom rng = new SplittableRandom(4);
        double[] a = new double[400 * 3], b = new double[400 * 3], c = new double[400 * 3];
        for (int i = 0; i < a.length; i++) {
            a[i] = rng.nextGaussian();
            b[i] = rng.nextGaussian();
            c[i] = 0.5 + rng.nextGaussian();
        }
        double same = SampleDistances.mmd2(a, 400, b, 400, 3, 400), diff = SampleDistances.mmd2(a, 400, c, 400, 3, 400);
        assertTrue(Math.abs(same) < 0.01 && diff > 0.03, "same " + same + ", shifted " + diff);
    }
}
