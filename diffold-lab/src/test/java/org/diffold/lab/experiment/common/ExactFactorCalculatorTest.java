package org.diffold.lab.experiment.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.diffold.core.error.gaussian.GaussianCoordinateRecursion;
import org.diffold.core.error.gaussian.GaussianDivergence;
import org.diffold.core.error.propagation.HeunStep1D;
import org.diffold.core.error.propagation.Step1D;
import org.diffold.core.error.gaussian.SubspaceGaussianError;
import org.diffold.core.grid.PotaptchikGrid;
import org.diffold.core.grid.TimeGrid;
import org.diffold.core.sampler.DdpmPosteriorScheme;
import org.diffold.core.sampler.ExponentialIntegratorScheme;
import org.diffold.core.sampler.StepPlan;
import org.diffold.core.target.Mixture1D;
import org.junit.jupiter.api.Test;

class ExactFactorCalculatorTest {
    private static final double LAMBDA = 0.5;
    private static final Mixture1D GAUSS = new Mixture1D(new double[] {1}, new double[] {0}, new double[] {LAMBDA});
    private static final TimeGrid GRID = PotaptchikGrid.of(0.2, 10, 15).grid();
    private final ExactFactorCalculator calc = new ExactFactorCalculator();

    @Test
    void productKlIsDTimesTheFactorKlAndMatchesTheGaussianClosedForm() {
        // docs/math.md §4.3 tensorisation checked against the independent closed form of §4.1–§4.2 for pi = N(0, lambda):
        // the propagated factor KL times d plus (D - d) point-mass KLs equals the d-dimensional Gaussian-subspace KL
        for (StepPlan plan : new StepPlan[] {new DdpmPosteriorScheme().plan(GRID), new ExponentialIntegratorScheme().plan(GRID)}) {
            FactorError pi = calc.factor(plan, GAUSS, null), pm = calc.factor(plan, Mixture1D.pointMass(), null);
            assertTrue(pi.resolved() && pi.gridPoints() > 0);
            double exact = GaussianDivergence.kl(GaussianCoordinateRecursion.run(plan, LAMBDA).r());
            assertEquals(exact, pi.kl(), 1e-4 * exact, plan.name());
            int d = 3, dim = 20;
            SubspaceGaussianError closed = SubspaceGaussianError.compute(plan, dim, d, LAMBDA);
            ProductError prod = ProductError.of(pi, pm, d, dim);
            assertEquals(closed.kl(), prod.kl(), 1e-4 * closed.kl(), plan.name());
            assertEquals(closed.hellingerSquared(), prod.hellingerSquared(), 1e-3 * closed.hellingerSquared(), plan.name());
            assertEquals(d * pi.kl(), ProductError.of(pi, pm, d, d).kl(), 1e-15);
            assertTrue(prod.tvLower() <= closed.tv() && closed.tv() <= prod.tvUpper());
        }
    }

    @Test
    void heunPropagationMatchesTheLinearGainForAGaussianFactor() {
        // For pi = N(0, lambda) every Heun step is linear, y -> g_k y, so Y_K ~ N(0, prod g_k^2) [derived]
        Step1D[] steps = HeunStep1D.of(GRID, GAUSS);
        double v = 1;
        for (Step1D s : steps) v *= s.map(1) * s.map(1);
        double target = LAMBDA * GRID.outputLevel().alphaBar() + GRID.outputLevel().sigma2();
        double exact = GaussianDivergence.kl(v / target - 1);
        assertEquals(exact, calc.heun(GRID, GAUSS).kl(), 1e-4 * exact);
        assertTrue(calc.heun(GRID, Mixture1D.pointMass()).kl() > 0);
    }
}
