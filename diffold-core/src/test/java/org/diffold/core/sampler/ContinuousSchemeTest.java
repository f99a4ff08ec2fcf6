package org.diffold.core.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.diffold.core.grid.PotaptchikGrid;
import org.diffold.core.grid.TimeGrid;
import org.diffold.core.grid.TimeGrids;
import org.diffold.core.process.NoiseLevel;
import org.diffold.core.schedule.NoiseSchedule;
import org.diffold.core.score.Tweedie;
import org.junit.jupiter.api.Test;

class ContinuousSchemeTest {
    private static final TimeGrid GRID = PotaptchikGrid.of(0.1, 30, 60).grid();

    @Test
    void eq4IsTheDdpmPosteriorWithTheTweedieDenoiser() {
        // docs/math.md §3.2 [derived]: a y + b s = mean of q(x_t | x_{t'}, x_0 = m_{t'}(y)), n^2 = posterior variance
        StepPlan plan = new DdpmPosteriorScheme().plan(GRID);
        SplittableRandom rng = new SplittableRandom(3);
        for (int k = 0; k < GRID.steps(); k++) {
            NoiseLevel from = GRID.level(k), to = GRID.level(k + 1);
            double alpha = Math.exp(-2 * GRID.gamma(k)), beta = -Math.expm1(-2 * GRID.gamma(k));
            double y = 3 * rng.nextGaussian(), s = 5 * rng.nextGaussian();
            double m = Tweedie.denoiser(from, y, s);
            double mean = to.c() * beta / from.sigma2() * m + Math.sqrt(alpha) * to.sigma2() / from.sigma2() * y;
            double var = beta * to.sigma2() / from.sigma2();
            double got = plan.a(k) * y + plan.b(k) * s;
            assertEquals(mean, got, 1e-12 * (Math.abs(mean) + Math.abs(plan.a(k) * y)), "k=" + k);
            assertEquals(var, plan.noise(k) * plan.noise(k), 1e-12 * var, "k=" + k);
        }
    }

    @Test
    void eq4EqualsTheLiYanDesignOnTheMatchingDiscreteChain() {
        // docs/math.md §1.2 + §3.2: the chain with alpha = e^{-2 gamma} is the OU process on the grid; ddpm-posterior
        // is the li-yan design (noise inside the factor) written with the noise outside [derived]
        int k = GRID.steps();
        double[] betas = new double[k + 1];
        betas[0] = -Math.expm1(-2 * GRID.delta()); // beta_1: abar_1 = e^{-2 delta}
        for (int t = 2; t <= k + 1; t++) betas[t - 1] = -Math.expm1(-2 * GRID.gamma(k + 1 - t));
        StepPlan liYan = new LiYanDesign().plan(new NoiseSchedule("grid", betas));
        StepPlan eq4 = new DdpmPosteriorScheme().plan(GRID);
        assertEquals(liYan.size(), eq4.size());
        for (int i = 0; i < k; i++) {
            assertEquals(liYan.a(i), eq4.a(i), 1e-12 * eq4.a(i), "a, step " + i);
            assertEquals(liYan.b(i), eq4.b(i), 1e-12 * eq4.b(i), "b, step " + i);
            assertEquals(liYan.noise(i), eq4.noise(i), 1e-12 * eq4.noise(i), "n, step " + i);
            assertEquals(liYan.level(i).sigma2(), eq4.level(i).sigma2(), 1e-12 * eq4.level(i).sigma2());
        }
        assertEquals(liYan.outputLevel().sigma2(), eq4.outputLevel().sigma2(), 1e-12 * eq4.outputLevel().sigma2());
    }

    @Test
    void coefficientsOfTheOtherSchemes() {
        // docs/math.md §3.2 table
        double tp = 0.7, g = 0.05;
        AffineScheme ei = new ExponentialIntegratorScheme(), em = new EulerMaruyamaScheme();
        assertEquals(Math.exp(g), ei.a(tp, g), 1e-15);
        assertEquals(2 * (Math.exp(g) - 1), ei.b(tp, g), 1e-15);
        assertEquals(Math.exp(2 * g) - 1, ei.noiseVariance(tp, g), 1e-15);
        assertEquals(1 + g, em.a(tp, g));
        assertEquals(2 * g, em.b(tp, g));
        assertEquals(2 * g, em.noiseVariance(tp, g));
        assertEquals(GRID.steps(), ei.plan(GRID).size());
        assertTrue(ei.plan(GRID).label(3).contains("t'="));
    }

    /** Variance of a point-mass coordinate after the plan: v <- (a - b / sigma_{t'}^2)^2 v + n^2 (docs/math.md §4.1). */
    private static double pointMassVariance(StepPlan p, double v0) {
        double v = v0;
        for (int i = 0; i < p.size(); i++) {
            double f = p.a(i) - p.b(i) / p.level(i).sigma2();
            v = f * f * v + p.noise(i) * p.noise(i);
        }
        return v;
    }

    @Test
    void eq4KeepsPointMassCoordinatesExact() {
        // [derived, docs/math.md §4.1 for continuous time]: started at the forward variance sigma_T^2, Eq. 4 ends
        // exactly at sigma_delta^2; started at 1, the relative error r = v / sigma_delta^2 - 1 contracts to
        // r_K = (e^{-2T} / sigma_T^2) e^{-2(T - delta)} sigma_delta^2 / sigma_T^2
        StepPlan p = new DdpmPosteriorScheme().plan(GRID);
        double sT = GRID.level(0).sigma2(), sd = GRID.outputLevel().sigma2();
        assertEquals(sd, pointMassVariance(p, sT), 1e-12 * sd);
        TimeGrid shortGrid = PotaptchikGrid.of(0.2, 0, 20).grid(); // T = 1: initial error large enough to see
        StepPlan q = new DdpmPosteriorScheme().plan(shortGrid);
        double t = shortGrid.horizon(), d = shortGrid.delta(), sT1 = -Math.expm1(-2 * t), sd1 = -Math.expm1(-2 * d);
        double rK = Math.exp(-2 * t) / sT1 * Math.exp(-2 * (t - d)) * sd1 / sT1;
        assertEquals(rK, pointMassVariance(q, 1) / sd1 - 1, 1e-9 * rK);
    }

    @Test
    void exponentialIntegratorLeavesAFixedRelativeErrorKappaOnPointMassCoordinates() {
        // [derived] small-t limit of the point-mass recursion on the geometric part of Definition 9
        // (gamma = kappa t, t' = (1 + kappa) t): 1 + r' = (1 + r)/(1 + kappa) + kappa, fixed point r* = kappa,
        // so KL per normal coordinate ~ r*^2 / 4 = kappa^2 / 4 whatever the step count (grows linearly in D).
        for (double kappa : new double[] {0.02, 0.05}) {
            TimeGrid g = PotaptchikGrid.forHorizon(kappa, 4, 1e-6).grid();
            StepPlan ei = new ExponentialIntegratorScheme().plan(g);
            double sd = g.outputLevel().sigma2();
            double r = pointMassVariance(ei, g.level(0).sigma2()) / sd - 1;
            assertEquals(kappa, r, 0.02 * kappa, "kappa=" + kappa);
            double rEq4 = pointMassVariance(new DdpmPosteriorScheme().plan(g), g.level(0).sigma2()) / sd - 1;
            assertEquals(0, rEq4, 1e-12);
        }
    }

    @Test
    void registry() {
        for (String n : Schemes.NAMES) assertEquals(n, Schemes.parse(n).name());
        assertThrows(IllegalArgumentException.class, () -> Schemes.parse("rk4"));
        assertThrows(IllegalArgumentException.class, () -> Schemes.parseAffine("pf-ode-heun"));
        assertNotEquals(null, Schemes.parseAffine("euler-maruyama").plan(TimeGrids.uniform(2, 0.01, 5)));
    }
}
