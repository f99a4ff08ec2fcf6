package org.diffold.core.dimension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** MADA (docs/math.md §8): the local formula on Poisson radii, where the median is exact, and on a sample. */
class MadaEstimatorTest {
    @Test
    void medianOfLocalValuesIsTheDimensionForPoissonRadii() {
        // a homogeneous Poisson process in R^d seen from a point: the ball volumes of the j-th neighbours are the
        // partial sums Gamma_j of Exp(1) variables, so r_j = Gamma_j^{1/d}; (r_{k/2} / r_k)^d ~ Beta(k/2, k/2) has
        // median 1/2, hence median(ln 2 / ln(r_k / r_{k/2})) = d exactly
        SplittableRandom rng = new SplittableRandom(8);
        int k = 20, n = 20001;
        for (double d : new double[] {2, 9, 40}) {
            double[] local = new double[n];
            for (int i = 0; i < n; i++) {
                double g = 0, gHalf = 0;
                for (int j = 1; j <= k; j++) {
                    g += -Math.log(1 - rng.nextDouble());
                    if (j == k / 2) gHalf = g;
                }
                local[i] = MadaEstimator.local(Math.pow(gHalf, 1 / d), Math.pow(g, 1 / d));
            }
            double median = CorrelationDimensionEstimator.median(local);
            double mean = Arrays.stream(local).average().orElseThrow();
            assertEquals(d, median, 0.03 * d, "median, d=" + d);
            assertTrue(mean > median, "the mean is biased upward, d=" + d);
        }
    }

    @Test
    void bothCombinationsRecoverAGaussianSubspace() {
        PointCloud cloud = EssEstimatorTest.gaussianSubspace(2000, 4, 10, 6);
        IdEstimate mean = new MadaEstimator(20).estimate(cloud);
        IdEstimate median = new MadaEstimator(20, MadaEstimator.Combine.MEDIAN).estimate(cloud);
        // the mean is lifted by the upper tail (4.37-4.48 over four samples), the median is not (4.03-4.11)
        assertEquals(4, mean.global(), 0.6);
        assertEquals(4, median.global(), 0.3);
        assertTrue(mean.global() > median.global());
        assertEquals(CorrelationDimensionEstimator.median(mean.pointwise()), median.global(), 0);
    }

    @Test
    void rejectsBadParameters() {
        assertThrows(IllegalArgumentException.class, () -> new MadaEstimator(1));
        assertThrows(IllegalArgumentException.class, () -> new MadaEstimator(20, null));
    }
}
