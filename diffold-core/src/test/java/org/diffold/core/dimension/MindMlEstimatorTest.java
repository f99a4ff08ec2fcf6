package org.diffold.core.dimension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** MiND-ML (docs/math.md §8): the likelihood maximiser on exact ratios, uncapped, and on a known-dimension sample. */
class MindMlEstimatorTest {
    /** log rho_i with rho_i^d the n Beta(1, k) quantiles: the likelihood's maximiser is d up to quadrature error. */
    static double[] exactLogRho(int n, int k, double d) {
        double[] logRho = new double[n];
        for (int i = 0; i < n; i++) logRho[i] = Math.log(1 - Math.pow(1 - (i + 0.5) / n, 1.0 / k)) / d;
        return logRho;
    }

    @Test
    void maximiserRecoversTheDimensionOfExactRatiosAboveScikitDimensionsCapOf10() {
        for (double d : new double[] {1, 6, 30, 70}) {
            assertEquals(d, MindMlEstimator.maximiser(exactLogRho(4000, 20, d), 20), 0.01 * d, "d=" + d);
        }
    }

    @Test
    void recoversAGaussianSubspaceAndSkipsTheQueryPointsOwnDistance() {
        // the neighbour lists exclude the point itself, so rho = r_1 / r_{k+1} with k + 1 = 21 lists read
        MindMlEstimator e = new MindMlEstimator(20);
        assertEquals(21, e.neighbors());
        assertEquals(22, e.minPoints());
        double est = e.estimate(EssEstimatorTest.gaussianSubspace(2000, 5, 12, 4)).global();
        assertEquals(5, est, 0.5);
    }

    @Test
    void rejectsBadParameters() {
        assertThrows(IllegalArgumentException.class, () -> new MindMlEstimator(1));
    }
}
