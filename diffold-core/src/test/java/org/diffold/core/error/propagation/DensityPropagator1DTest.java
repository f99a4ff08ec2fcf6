package org.diffold.core.error.propagation;

import org.diffold.core.error.gaussian.GaussianCoordinateRecursion;
import org.diffold.core.error.gaussian.GaussianDivergence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.diffold.core.sampler.Designs;
import org.diffold.core.sampler.StepPlan;
import org.diffold.core.schedule.LiYanSchedule;
import org.diffold.core.target.Mixture1D;
import org.junit.jupiter.api.Test;

class DensityPropagator1DTest {
    /** y' = g y + n Z. */
    private record Linear(double g, double n) implements Step1D {
        @Override public double map(double y) { return g * y; }
        @Override public double mapDerivative(double y) { return g; }
        @Override public double noiseStd() { return n; }
    }

    @Test
    void linearStepsGiveTheExactGaussian() {
        // N(0,1) through y -> g y + n Z stays Gaussian with v <- g^2 v + n^2 (docs/math.md §4.1 with a linear map)
        Step1D[] steps = new Step1D[40];
        double v = 1;
        for (int i = 0; i < steps.length; i++) {
            steps[i] = new Linear(0.97, 0.15);
            v = 0.97 * 0.97 * v + 0.15 * 0.15;
        }
        GridDensity p = new DensityPropagator1D(1024, 10).propagate(steps);
        for (int j = 0; j < p.size(); j += 7) {
            double x = p.node(j), want = Math.exp(-0.5 * x * x / v) / Math.sqrt(2 * Math.PI * v);
            assertEquals(want, p.value(j), 1e-9);
        }
        assertEquals(1, p.moment(0), 1e-9);
        assertEquals(v, p.moment(2), 1e-8);
    }

    @Test
    void gaussianFactorMatchesTheGaussianRecursion() {
        // a one-component Mixture1D N(0, lambda) has a linear score, so the propagated KL must equal the closed form
        // KL of GaussianCoordinateRecursion (docs/math.md §4.2 vs §4.3); measured agreement ~1e-9 at G = 1024
        double lambda = 0.5;
        Mixture1D gauss = new Mixture1D(new double[] {1}, new double[] {0}, new double[] {lambda});
        for (String design : new String[] {"li-yan", "classic", "ddim"}) {
            StepPlan plan = Designs.parse(design).plan(LiYanSchedule.create(100));
            double want = GaussianDivergence.kl(GaussianCoordinateRecursion.run(plan, lambda).r());
            GridDensity p = new DensityPropagator1D(1024, 9).propagate(MixtureStep1D.of(plan, gauss));
            Divergence1D d = p.divergenceFrom(y -> gauss.logDensity(plan.outputLevel(), y));
            assertEquals(want, d.kl(), 1e-7 * want, design);
            double r = GaussianCoordinateRecursion.run(plan, lambda).r();
            assertEquals(GaussianDivergence.hellingerSquared(r), d.hellingerSquared(), 1e-6 * d.hellingerSquared(), design);
            assertEquals(GaussianDivergence.tvIsotropic(1, r), d.tv(), 1e-6 * d.tv(), design);
        }
    }

    @Test
    void refinementConvergesForTheDefaultFactor() {
        StepPlan plan = Designs.parse("li-yan").plan(LiYanSchedule.create(100));
        PropagatedError1D e = PropagatedError1D.forMixture(plan, Mixture1D.defaultFactor());
        GridRefinement r = e.refinement();
        assertTrue(r.converged(), r.toString());
        assertNull(r.warning());
        assertTrue(r.gridSizes().length >= 2);
        assertTrue(r.relativeChange()[r.gridSizes().length - 1] <= GridRefinement.RELATIVE_TOLERANCE);
        assertTrue(e.divergence().kl() > 0 && e.divergence().tv() > 0 && e.divergence().hellingerSquared() > 0);
        assertEquals(1, e.density().moment(0), 1e-6);
    }

    @Test
    void unresolvedRefinementIsFlagged() {
        // components of sd 0.2 on spacings 0.07, 0.035, 0.018: the two coarse levels fail (recorded NaN), so the
        // finest KL has nothing to be compared with and the result must carry the warning
        Mixture1D narrow = new Mixture1D(new double[] {0.5, 0.5}, new double[] {-1, 1}, new double[] {0.04, 0.04});
        StepPlan plan = Designs.parse("li-yan").plan(LiYanSchedule.create(20));
        PropagatedError1D e = PropagatedError1D.compute(MixtureStep1D.of(plan, narrow),
                y -> narrow.logDensity(plan.outputLevel(), y), 9, 256);
        assertFalse(e.refinement().converged(), e.refinement().toString());
        assertNotNull(e.refinement().warning());
        assertTrue(Double.isNaN(e.refinement().kl()[0]));
        // the default grid choice resolves the same problem
        assertTrue(PropagatedError1D.forMixture(plan, narrow).refinement().converged());
    }

    @Test
    void nonMonotoneMapFailsLoudly() {
        Step1D bad = new Step1D() {
            @Override public double map(double y) { return y - 2 * Math.sin(y); }
            @Override public double mapDerivative(double y) { return 1 - 2 * Math.cos(y); }
            @Override public double noiseStd() { return 0.1; }
        };
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new DensityPropagator1D(256, 8).propagate(new Step1D[] {bad}));
        assertTrue(e.getMessage().contains("not increasing"), e.getMessage());
    }

    @Test
    void densityLeavingTheGridFailsLoudly() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new DensityPropagator1D(256, 8).propagate(new Step1D[] {new Linear(3, 0)}));
        assertTrue(e.getMessage().contains("grid edge"), e.getMessage());
    }

    @Test
    void rejectsBadGrid() {
        assertThrows(IllegalArgumentException.class, () -> new DensityPropagator1D(1000, 8));
        assertThrows(IllegalArgumentException.class, () -> new DensityPropagator1D(256, -1));
    }
}
