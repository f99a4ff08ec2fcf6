package org.diffold.core.error.propagation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.diffold.core.grid.PotaptchikGrid;
import org.diffold.core.grid.TimeGrid;
import org.diffold.core.linalg.Subspace;
import org.diffold.core.random.RandomStreams;
import org.diffold.core.sampler.DdpmPosteriorScheme;
import org.diffold.core.sampler.ExponentialIntegratorScheme;
import org.diffold.core.sampler.HeunSampler;
import org.diffold.core.sampler.Sampler;
import org.diffold.core.sampler.StepPlan;
import org.diffold.core.score.PerturbedScore;
import org.diffold.core.score.Score;
import org.diffold.core.score.SineField;
import org.diffold.core.target.Mixture1D;
import org.diffold.core.target.ProductSubspaceTarget;
import org.junit.jupiter.api.Test;

/** The 1-D density propagation of the continuous-time schemes agrees with simulating the actual samplers (docs/math.md §4.3). */
class ContinuousPropagationTest {
    private static final Mixture1D PI = Mixture1D.defaultFactor();
    private static final TimeGrid GRID = PotaptchikGrid.of(0.2, 15, 12).grid();
    private static final int N = 20_000;

    /** Samples of the sampler on the 1-D product target (D = d = 1). */
    private static double[] simulate(Sampler sampler, Score score) {
        double[] out = new double[N];
        sampler.sample(score, new RandomStreams(42), 0, N, out, 2, null);
        return out;
    }

    private static Score exactScore() {
        return new ProductSubspaceTarget(Subspace.coordinate(1, 1), PI).score();
    }

    /** Mean, variance and three interval probabilities agree within 4.5 standard errors. */
    private static void assertAgrees(GridDensity p, double[] x, String what) {
        double m = Arrays.stream(x).average().orElseThrow();
        double v = Arrays.stream(x).map(y -> (y - m) * (y - m)).sum() / (N - 1);
        double m4 = Arrays.stream(x).map(y -> Math.pow(y - m, 4)).sum() / N;
        double mean = p.moment(1), var = p.moment(2) - mean * mean;
        assertEquals(mean, m, 4.5 * Math.sqrt(v / N), what + ": mean");
        assertEquals(var, v, 4.5 * Math.sqrt((m4 - v * v) / N), what + ": variance");
        for (double[] ab : new double[][] {{-1.6, -0.8}, {-0.2, 0.4}, {0.6, 1.0}}) {
            double pr = p.probability(ab[0], ab[1]);
            double freq = Arrays.stream(x).filter(y -> y >= ab[0] && y < ab[1]).count() / (double) N;
            assertEquals(pr, freq, 4.5 * Math.sqrt(pr * (1 - pr) / N) + 1e-4, what + ": P[" + ab[0] + ", " + ab[1] + ")");
        }
    }

    private static GridDensity propagate(Step1D[] steps) {
        double hw = PropagatedError1D.halfWidthFor(PI);
        return PropagatedError1D.compute(steps, y -> PI.logDensity(GRID.outputLevel(), y), hw,
                PropagatedError1D.startGrid(PI, GRID.outputLevel(), hw)).density();
    }

    @Test
    void ddpmPosteriorAndExponentialIntegrator() {
        for (StepPlan plan : new StepPlan[] {new DdpmPosteriorScheme().plan(GRID), new ExponentialIntegratorScheme().plan(GRID)}) {
            assertAgrees(propagate(MixtureStep1D.of(plan, PI)), simulate(new org.diffold.core.sampler.AffineSampler(plan, false), exactScore()), plan.name());
        }
    }

    @Test
    void pfOdeHeun() {
        assertAgrees(propagate(HeunStep1D.of(GRID, PI)), simulate(new HeunSampler(GRID, false), exactScore()), "pf-ode-heun");
    }

    @Test
    void perturbedScore() {
        SineField h = new SineField(0.3);
        StepPlan plan = new DdpmPosteriorScheme().plan(GRID);
        assertAgrees(propagate(PerturbedMixtureStep1D.of(plan, PI, h)),
                simulate(new org.diffold.core.sampler.AffineSampler(plan, false), new PerturbedScore(exactScore(), h)), "perturbed");
    }
}
