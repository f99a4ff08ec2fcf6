package org.diffold.core.metrics.fidelity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.diffold.core.linalg.Subspace;
import org.junit.jupiter.api.Test;

class FidelityMetricsTest {
    private static double[] gaussian(int n, double[] mu, double[] sd, SplittableRandom rng) {
        int d = mu.length;
        double[] x = new double[n * d];
        for (int i = 0; i < n; i++) for (int j = 0; j < d; j++) x[i * d + j] = mu[j] + sd[j] * rng.nextGaussian();
        return x;
    }

    @Test
    void frechetDistanceOfASetWithItselfIsZero() {
        double[] x = gaussian(200, new double[] {1, -2, 0.5, 3}, new double[] {1, 0.3, 2, 0.1}, new SplittableRandom(1));
        assertEquals(0, FrechetDistance.between(x, 200, x, 200, 4), 1e-9);
    }

    @Test
    void frechetDistanceMatchesTheClosedFormOfTwoGaussians() {
        // commuting covariances Q diag(a) Q^T and Q diag(b) Q^T: FD = |mu1 - mu2|^2 + sum (sqrt a - sqrt b)^2
        int d = 5;
        double[] a = {1, 4, 0.25, 2, 9}, b = {4, 1, 1, 2, 0.5};
        Subspace qs = Subspace.random(d, d, new SplittableRandom(3));
        double[] q = new double[d * d];
        for (int i = 0; i < d; i++) for (int k = 0; k < d; k++) q[i * d + k] = qs.basis(i, k);
        double[][] s1 = new double[d][d], s2 = new double[d][d];
        for (int i = 0; i < d; i++) for (int j = 0; j < d; j++) for (int k = 0; k < d; k++) {
            s1[i][j] += q[i * d + k] * a[k] * q[j * d + k];
            s2[i][j] += q[i * d + k] * b[k] * q[j * d + k];
        }
        double[] mu1 = {0, 1, 2, 3, 4}, mu2 = {1, 1, 0, 3, 4};
        double expected = 1 + 4;
        for (int k = 0; k < d; k++) expected += Math.pow(Math.sqrt(a[k]) - Math.sqrt(b[k]), 2);
        assertEquals(expected, FrechetDistance.gaussian(mu1, s1, mu2, s2), 1e-9);
        // the sample estimate converges to it (error O(1/sqrt(n)))
        SplittableRandom rng = new SplittableRandom(11);
        double[] sa = new double[d], sb = new double[d];
        for (int k = 0; k < d; k++) { sa[k] = Math.sqrt(a[k]); sb[k] = Math.sqrt(b[k]); }
        int n = 40000;
        double[] x = gaussian(n, new double[] {0, 1, 2, 3, 4}, sa, rng), y = gaussian(n, new double[] {1, 1, 0, 3, 4}, sb, rng);
        double diag = 5;
        for (int k = 0; k < d; k++) diag += Math.pow(sa[k] - sb[k], 2);
        assertEquals(diag, FrechetDistance.between(x, n, y, n, d), 0.05 * diag);
    }

    @Test
    void precisionAndRecallOfASetAgainstItselfAreOne() {
        double[] x = gaussian(300, new double[] {0, 0, 0}, new double[] {1, 1, 1}, new SplittableRandom(2));
        PrecisionRecall pr = PrecisionRecall.of(x, 300, x, 300, 3, 5, 2);
        assertEquals(1.0, pr.precision());
        assertEquals(1.0, pr.recall());
    }

    @Test
    void aCollapsedGeneratorHasHighPrecisionAndLowRecall() {
        SplittableRandom rng = new SplittableRandom(4);
        double[] real = gaussian(400, new double[] {0, 0}, new double[] {1, 1}, rng);
        double[] fake = gaussian(400, new double[] {0, 0}, new double[] {0.05, 0.05}, rng);
        PrecisionRecall pr = PrecisionRecall.of(real, 400, fake, 400, 2, 5, 1);
        assertTrue(pr.precision() > 0.95, "precision " + pr.precision());
        assertTrue(pr.recall() < 0.2, "recall " + pr.recall());
    }

    @Test
    void modeHistogramKlIsZeroForUniformAndLogMForOneMode() {
        assertEquals(0, ModeHistogram.of(new int[] {0, 1, 2, 3, 0, 1, 2, 3}, 4).klToUniform(), 1e-15);
        ModeHistogram one = ModeHistogram.of(new int[] {2, 2, 2}, 4);
        assertEquals(Math.log(4), one.klToUniform(), 1e-15);
        assertEquals(1, one.covered());
        assertEquals(123, ModeHistogram.stackedMode(new int[] {1, 2, 3}, 10));
        assertThrows(IllegalArgumentException.class, () -> ModeHistogram.of(new int[] {4}, 4));
    }
}
