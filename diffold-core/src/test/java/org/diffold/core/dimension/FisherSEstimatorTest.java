package org.diffold.core.dimension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.diffold.core.manifold.BenchmarkManifolds;
import org.diffold.core.manifold.DataManifold;
import org.diffold.core.random.RandomStreams;
import org.junit.jupiter.api.Test;

/** FisherS (docs/math.md §8): cap fractions in closed form, their inverses, and known-dimension samples. */
class FisherSEstimatorTest {
    @Test
    void capFractionsMatchClosedFormsAndInvert() {
        for (double a : new double[] {0.1, 0.5, 0.9}) {
            assertEquals(Math.acos(a) / Math.PI, SphereSeparability.exact(2, a), 1e-12, "circle"); // theta ~ U[0, pi]
            assertEquals((1 - a) / 2, SphereSeparability.exact(3, a), 1e-12, "Archimedes");
            for (double m : new double[] {1.5, 7, 70, 400}) {
                assertEquals(m, SphereSeparability.invertExact(SphereSeparability.exact(m, a), a), 1e-8 * m);
                assertEquals(m, SphereSeparability.invertAsymptotic(SphereSeparability.asymptotic(m, a), a), 1e-8 * m);
            }
        }
        assertEquals(1, SphereSeparability.invertExact(0.5, 0.3), 0);
        // the paper's formula is the large-m limit of the cap: ratio 1.003 at m = 1000, alpha = 0.5 (1.30 at m = 50, alpha = 0.2)
        assertEquals(1, SphereSeparability.asymptotic(1000, 0.5) / SphereSeparability.exact(1000, 0.5), 0.005);
        assertTrue(SphereSeparability.asymptotic(50, 0.2) / SphereSeparability.exact(50, 0.2) > 1.2);
        for (double w : new double[] {0, 0.3, 1, 5, 40}) assertEquals(w, SphereSeparability.lambertW(w * Math.exp(w)), 1e-12 * Math.max(1, w));
    }

    /** n uniform points of the sphere S^{m-1} in R^m. */
    private static PointCloud sphere(int n, int m, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] x = new double[n * m];
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int j = 0; j < m; j++) { double g = rng.nextGaussian(); x[i * m + j] = g; s += g * g; }
            for (int j = 0; j < m; j++) x[i * m + j] /= Math.sqrt(s);
        }
        return new PointCloud(x, n, m, 2);
    }

    @Test
    void uniformSphereInRmGivesM() {
        for (int m : new int[] {2, 5, 12}) assertEquals(m, new FisherSEstimator().estimate(sphere(1500, m, m)).global(), 0.05 * m, "m=" + m);
    }

    @Test
    void resolvesHighDimensionsWhereMarginsFrom06AreAllSeparable() {
        // d = 60, n = 1000: the inseparable fraction at alpha = 0.6 is about 2e-7, under 1/(n(n-1)); lower margins resolve it
        PointCloud cloud = EssEstimatorTest.gaussianSubspace(1000, 60, 64, 9);
        FisherSEstimator f = new FisherSEstimator();
        double[][] holder = new double[1][];
        int q = f.whitenedOnSphere(cloud, holder);
        double[] alpha = f.alphas();
        double[] pbar = FisherSEstimator.inseparableFractions(holder[0], 1000, q, alpha, 2);
        for (int j = 0; j < alpha.length; j++) if (alpha[j] >= 0.6 - 1e-12) assertEquals(0, pbar[j], 2e-6, "alpha=" + alpha[j]);
        // the estimate reads a margin with few inseparable pairs, so it is noisy: 63.2-68.1 over four samples
        assertEquals(60, f.estimate(cloud).global(), 9);
    }

    @Test
    void standardizingKeepsTheParaboloidsSmallDirections() {
        DataManifold mp2 = BenchmarkManifolds.create("Mp2_Paraboloid");
        int n = 1500;
        double[] x = new double[n * mp2.dim()];
        mp2.sample(new RandomStreams(3).child("mp2"), 0, n, x);
        PointCloud cloud = new PointCloud(x, n, mp2.dim(), 2);
        double raw = new FisherSEstimator(10, 0.02, false, FisherSEstimator.Inversion.EXACT).estimate(cloud).global();
        double standardized = new FisherSEstimator().estimate(cloud).global();
        assertEquals(1, raw, 0.1, "one principal component kept: points at +-1");
        assertTrue(standardized > 4 && standardized < 7, "standardized " + standardized);
    }

    @Test
    void rejectsBadParameters() {
        assertThrows(IllegalArgumentException.class, () -> new FisherSEstimator(1, 0.02, true, FisherSEstimator.Inversion.EXACT));
        assertThrows(IllegalArgumentException.class, () -> new FisherSEstimator(10, 0, true, FisherSEstimator.Inversion.EXACT));
        assertThrows(IllegalArgumentException.class, () -> new FisherSEstimator(10, 0.6, true, FisherSEstimator.Inversion.EXACT));
        assertThrows(IllegalArgumentException.class, () -> new FisherSEstimator(10, 0.02, true, null));
        assertEquals(49, new FisherSEstimator().alphas().length);
    }
}
