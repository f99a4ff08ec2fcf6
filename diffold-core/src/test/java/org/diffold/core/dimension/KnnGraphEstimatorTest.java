package org.diffold.core.dimension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The kNN-graph estimator (docs/math.md §8): both fits invert exact power laws, and the sample recovers d. */
class KnnGraphEstimatorTest {
    @Test
    void fitsInvertExactGraphLengthPowerLaws() {
        KnnGraphEstimator e = new KnnGraphEstimator(7);
        int[] p = e.sampleSizes(4000);
        assertEquals(4000, p[p.length - 1]);
        assertEquals(500, p[0]);
        double[] size = new double[p.length], logP = new double[p.length], len = new double[p.length];
        for (int m : new int[] {1, 3, 7, 25}) {
            for (int i = 0; i < p.length; i++) {
                size[i] = p[i];
                logP[i] = Math.log(p[i]);
                len[i] = 3.7 * Math.pow(p[i], (m - KnnGraphEstimator.DEFAULT_GAMMA) / m); // L = c p^{(m - gamma)/m}
            }
            assertEquals(m, e.integerFit(size, len, 100), 0, "integer fit, m=" + m);
            assertEquals(m, e.logLogFit(logP, len, 100), 1e-9 * m, "log-log fit, m=" + m);
        }
    }

    @Test
    void recoversTheDimensionOfAGaussianSubspace() {
        PointCloud cloud = EssEstimatorTest.gaussianSubspace(2000, 3, 10, 2);
        assertEquals(3, new KnnGraphEstimator(1).estimate(cloud).global(), 0);
        // the log-log slope carries the finite-n bias of a non-uniform density: 3.1-3.35 over eight numpy samples
        KnnGraphEstimator logLog = new KnnGraphEstimator(2, 2, 8, 4, KnnGraphEstimator.Fit.LOG_LOG, 1);
        assertEquals(3, logLog.estimate(cloud).global(), 0.5);
    }

    @Test
    void rejectsBadParameters() {
        assertThrows(IllegalArgumentException.class, () -> new KnnGraphEstimator(1, 2, 8, 4, KnnGraphEstimator.Fit.INTEGER, 0));
        assertThrows(IllegalArgumentException.class, () -> new KnnGraphEstimator(2, 0, 8, 4, KnnGraphEstimator.Fit.INTEGER, 0));
        assertThrows(IllegalArgumentException.class, () -> new KnnGraphEstimator(2, 2, 1, 4, KnnGraphEstimator.Fit.INTEGER, 0));
        assertThrows(IllegalArgumentException.class, () -> new KnnGraphEstimator(2, 2, 8, 0, KnnGraphEstimator.Fit.INTEGER, 0));
        assertThrows(IllegalArgumentException.class, () -> new KnnGraphEstimator(2, 2, 8, 4, null, 0));
    }
}
