package org.diffold.core.error.gaussian;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.diffold.core.sampler.Designs;
import org.diffold.core.schedule.LiYanSchedule;
import org.junit.jupiter.api.Test;

class GaussianDivergenceTest {
    @Test
    void klMatchesTheDirectFormulaAndKeepsTinyValues() {
        // KL(N(0,s)||N(0,v)) = 0.5 [s/v - 1 - ln(s/v)] (docs/math.md §4.2) written with r = v/s - 1
        for (double r : new double[] {-0.5, -0.1, 0.03, 0.2, 1.5, 10}) {
            double direct = 0.5 * (1 / (1 + r) - 1 + Math.log1p(r));
            assertEquals(direct, GaussianDivergence.kl(r), 1e-13 * direct, "r=" + r);
        }
        // tiny r: KL = r^2/4 - r^3/3 + ..., relative digits kept (docs/math.md §4.1)
        assertEquals(0.25e-26, GaussianDivergence.kl(1e-13), 1e-12 * 0.25e-26);
        assertEquals(0, GaussianDivergence.kl(0));
    }

    @Test
    void hellingerMatchesTheDirectFormula() {
        // BC = sqrt(2 sqrt(s v) / (s + v)); small r: BC ≈ 1 - r^2 / 16 [derived by Taylor expansion]
        for (double r : new double[] {-0.5, 0.2, 3}) {
            double bc = Math.sqrt(2 * Math.sqrt(1 + r) / (2 + r));
            assertEquals(1 - bc, GaussianDivergence.hellingerSquared(r), 1e-13);
        }
        assertEquals(1e-20 / 16, GaussianDivergence.hellingerSquared(1e-10), 1e-9 * 1e-20 / 16);
    }

    @Test
    void isotropicTvMatchesDirectIntegrals() {
        // m = 1: TV = 0.5 ∫ |N(x;0,1) - N(x;0,q)| dx by adaptive quadrature
        for (double r : new double[] {-0.4, 0.01, 0.5}) {
            double q = 1 + r;
            double direct = 0.5 * AdaptiveQuadrature.integrate(x -> Math.abs(Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI)
                    - Math.exp(-0.5 * x * x / q) / Math.sqrt(2 * Math.PI * q)), -40, 40, 64, 1e-15);
            assertEquals(direct, GaussianDivergence.tvIsotropic(1, r), 1e-11, "r=" + r);
        }
        // m = 2: F_2(x) = 1 - e^{-x/2}, so TV = e^{-x1/2} - e^{-x2/2} with x1 = 2 ln q/(q-1), x2 = q x1
        double q = 1.3, x1 = 2 * Math.log(q) / (q - 1);
        assertEquals(Math.exp(-x1 / 2) - Math.exp(-q * x1 / 2), GaussianDivergence.tvIsotropic(2, 0.3), 1e-14);
        // tiny r keeps its relative digits: x1 ≈ m (1 - r/2), x2 ≈ m (1 + r/2), so TV ≈ f_m(m) m r [derived]
        double r = 1e-12, m = 10;
        double first = Math.exp(ChiSquare.logDensity(m, m)) * m * r;
        assertEquals(first, GaussianDivergence.tvIsotropic(10, r), 1e-6 * first);
    }

    @Test
    void blocksTvReducesToTheIsotropicCases() {
        assertEquals(GaussianDivergence.tvIsotropic(5, 0.2), GaussianBlocksTv.tv(5, 0.2, 0, 0.7), 0);
        // equal relative errors: the joint law is isotropic in k + m dimensions
        for (double r : new double[] {-0.2, 0.05, 0.4}) {
            assertEquals(GaussianDivergence.tvIsotropic(12, r), GaussianBlocksTv.tv(4, r, 8, r), 1e-12, "r=" + r);
        }
        // the two blocks play symmetric roles
        assertEquals(GaussianBlocksTv.tv(3, 0.1, 30, -0.02), GaussianBlocksTv.tv(30, -0.02, 3, 0.1), 1e-12);
    }

    @Test
    void blocksTvAgreesWithMonteCarlo() {
        // TV = E_target[(1 - q/p)_+] with R1 = s chi^2_k, R2 = s chi^2_m drawn directly; 4 standard errors
        int k = 3, m = 20, n = 200_000;
        double r1 = 0.15, r2 = -0.03;
        SplittableRandom rng = new SplittableRandom(11);
        double sum = 0, sum2 = 0;
        for (int i = 0; i < n; i++) {
            double x = ChiSquareSampler.sample(rng, k), y = ChiSquareSampler.sample(rng, m);
            double logQoverP = -0.5 * k * Math.log1p(r1) - 0.5 * m * Math.log1p(r2)
                    + 0.5 * x * r1 / (1 + r1) + 0.5 * y * r2 / (1 + r2);
            double v = Math.max(0, -Math.expm1(logQoverP));
            sum += v;
            sum2 += v * v;
        }
        double mean = sum / n, se = Math.sqrt((sum2 / n - mean * mean) / n);
        assertEquals(GaussianBlocksTv.tv(k, r1, m, r2), mean, 4 * se);
    }

    @Test
    void subspaceErrorAddsUp() {
        var plan = Designs.parse("classic").plan(LiYanSchedule.create(100));
        SubspaceGaussianError e = SubspaceGaussianError.compute(plan, 50, 8, 1.0);
        assertEquals(e.klParallel() + e.klPerp(), e.kl(), 1e-15);
        assertEquals(42 * GaussianDivergence.kl(e.r1Perp()), e.klPerp(), 1e-15);
        assertEquals(8 * GaussianDivergence.kl(e.r1Par()), e.klParallel(), 1e-15);
        assertTrue(e.tv() > e.hellingerSquared() && e.tv() < Math.sqrt(1 - Math.pow(1 - e.hellingerSquared(), 2)));
        SubspaceGaussianError noComplement = SubspaceGaussianError.compute(plan, 8, 8, 1.0);
        assertEquals(0, noComplement.klPerp());
        assertEquals(GaussianDivergence.tvIsotropic(8, e.r1Par()), noComplement.tv(), 1e-15);
        // li-yan: the complement contributes (D - k) r^2/4 ≈ 1e-25 at T = 100, D = 50 (docs/math.md §4.1)
        SubspaceGaussianError ly = SubspaceGaussianError.compute(Designs.parse("li-yan"), LiYanSchedule.create(100), 50, 8, 1.0);
        assertTrue(ly.klPerp() < 1e-24 && ly.klPerp() > 0, "klPerp=" + ly.klPerp());
    }

    @Test
    void chiSquareSamplerHasTheRightMoments() {
        // chi^2_nu has mean nu and variance 2 nu; 4 standard errors
        SplittableRandom rng = new SplittableRandom(3);
        for (int nu : new int[] {1, 2, 7, 500}) {
            int n = 100_000;
            double s = 0, s2 = 0;
            for (int i = 0; i < n; i++) { double x = ChiSquareSampler.sample(rng, nu); s += x; s2 += x * x; }
            double mean = s / n, var = s2 / n - mean * mean;
            assertEquals(nu, mean, 4 * Math.sqrt(2.0 * nu / n), "nu=" + nu);
            assertEquals(2 * nu, var, 6 * Math.sqrt((8.0 * nu * nu + 48.0 * nu) / n), "nu=" + nu);
        }
    }

    @Test
    void rejectsInvalidR() {
        assertThrows(IllegalArgumentException.class, () -> GaussianDivergence.kl(-1));
        assertThrows(IllegalArgumentException.class, () -> GaussianBlocksTv.tv(0, 0.1, 3, 0.1));
    }
}
