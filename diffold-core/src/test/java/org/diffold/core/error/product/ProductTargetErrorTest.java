package org.diffold.core.error.product;

import org.diffold.core.error.gaussian.GaussianCoordinateRecursion;
import org.diffold.core.error.gaussian.GaussianDivergence;
import org.diffold.core.error.gaussian.SubspaceGaussianError;
import org.diffold.core.error.propagation.PropagatedError1D;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.diffold.core.sampler.Designs;
import org.diffold.core.sampler.StepPlan;
import org.diffold.core.schedule.LiYanSchedule;
import org.diffold.core.schedule.NoiseSchedule;
import org.diffold.core.target.Mixture1D;
import org.junit.jupiter.api.Test;

class ProductTargetErrorTest {
    @Test
    void klTensorizes() {
        // docs/math.md §4.3: KL = k KL_1D(pi part) + (D - k) KL_perp
        StepPlan plan = Designs.parse("classic").plan(LiYanSchedule.create(100));
        Mixture1D f = Mixture1D.defaultFactor();
        ProductTargetError e = ProductTargetError.compute(plan, 30, 8, f, 0, 1);
        double kl1 = PropagatedError1D.forMixture(plan, f).divergence().kl();
        double perp = GaussianDivergence.kl(GaussianCoordinateRecursion.run(plan, 0).r());
        assertEquals(8 * kl1 + 22 * perp, e.kl(), 1e-12 * e.kl());
        assertEquals(kl1, e.kl1D(), 1e-15);
        assertTrue(e.refinement().converged());
        assertTrue(Double.isNaN(e.tv()));
    }

    @Test
    void gaussianFactorReproducesTheGaussianSubspaceError() {
        // a one-component factor N(0, lambda) makes product-subspace = gaussian-subspace (docs/math.md §4.2 vs §4.3)
        double lambda = 1.0;
        Mixture1D gauss = new Mixture1D(new double[] {1}, new double[] {0}, new double[] {lambda});
        NoiseSchedule s = LiYanSchedule.create(100);
        for (String name : new String[] {"li-yan", "classic"}) {
            var design = Designs.parse(name);
            SubspaceGaussianError want = SubspaceGaussianError.compute(design, s, 20, 4, lambda);
            ProductTargetError got = ProductTargetError.compute(design, s, 20, 4, gauss, 20_000, 5);
            assertEquals(want.kl(), got.kl(), 1e-6 * want.kl(), name);
            assertEquals(want.hellingerSquared(), got.hellingerSquared(), 1e-5 * want.hellingerSquared(), name);
            assertEquals(want.tv(), got.tv(), 4 * got.tvStandardError(), name + " MC " + got.tv() + " ± " + got.tvStandardError());
            assertTrue(got.tvStandardError() <= 0.5 / Math.sqrt(20_000));
            assertTrue(got.tvLowerBound() <= want.tv() && want.tv() <= got.tvUpperBound(), name);
        }
    }

    @Test
    void monteCarloIsDeterministicPerSeed() {
        StepPlan plan = Designs.parse("li-yan").plan(LiYanSchedule.create(50));
        Mixture1D f = Mixture1D.defaultFactor();
        PropagatedError1D oneD = PropagatedError1D.forMixture(plan, f);
        ProductTargetError a = ProductTargetError.of(oneD, 0.01, f, plan.outputLevel(), 40, 8, 500, 9);
        ProductTargetError b = ProductTargetError.of(oneD, 0.01, f, plan.outputLevel(), 40, 8, 500, 9);
        assertEquals(a.tv(), b.tv(), 0);
        assertTrue(a.tvLowerBound() <= a.tv() + 4 * a.tvStandardError());
        assertTrue(a.tv() - 4 * a.tvStandardError() <= a.tvUpperBound());
    }
}
