package org.diffold.core.error.solver;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.diffold.core.error.product.ProductTargetError;
import org.diffold.core.error.SimulationCheck;
import org.diffold.core.linalg.Subspace;
import org.diffold.core.process.NoiseLevel;
import org.diffold.core.random.RandomStreams;
import org.diffold.core.sigma.SigmaGrid;
import org.diffold.core.sigma.SigmaGrids;
import org.diffold.core.solver.SolverProgram;
import org.diffold.core.solver.SolverSampler;
import org.diffold.core.solver.Solvers;
import org.diffold.core.target.GaussianSubspaceTarget;
import org.diffold.core.target.Mixture1D;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Exact errors of the practitioners' samplers against simulation, and the pitfalls users report (docs/math.md §3.3, §4). */
class SolverExactErrorTest {
    /** A short grid with a visible discretisation error, stopped at sigma_min so the complement has a density. */
    private static final SigmaGrid GRID = SigmaGrids.parse("karras:sigma_min=0.05,sigma_max=10,final=none", 10);

    /**
     * The product target's grid: on 10 steps Euler ancestral's law has tails lighter than the target's by more than the
     * FFT floor of the density propagation at 7 standard deviations, which the propagation reports as an infinite KL.
     */
    private static final SigmaGrid PRODUCT_GRID = SigmaGrids.parse("karras:sigma_min=0.05,sigma_max=10,final=none", 20);

    private static void assertAgree(SimulationCheck.Report r) {
        for (SimulationCheck.Comparison c : r.comparisons()) {
            assertTrue(Math.abs(c.z()) < 4, r.plan() + ": " + c);
            assertTrue(c.standardError() > 0 && Double.isFinite(c.simulated()), c.toString());
        }
    }

    private static NoiseLevel level(double sigma) { return NoiseLevel.ofLogAlphaBar(SigmaGrid.logAlphaBar(sigma)); }

    @ParameterizedTest
    @ValueSource(strings = {"euler", "euler:s_churn=2,s_noise=1.2", "euler-ancestral", "heun:init=vp", "dpm2", "dpm2-ancestral:s_noise=0.8",
            "lms", "dpmpp-2m", "dpmpp-2m-sde", "dpmpp-2m-sde:solver_type=heun,s_noise=1.3", "dpmpp-3m-sde", "dpmpp-2s-ancestral",
            "unipc", "ddim:eta=0.5"})
    void exactErrorAgreesWithSimulation(String solver) {
        SolverProgram p = Solvers.parse(solver).program(GRID);
        double lambda = 1.5;
        SolverGaussianError e = SolverGaussianError.compute(p, 10, 3, lambda);
        SimulationCheck.Report r = SimulationCheck.gaussianSubspace(new SolverSampler(p, true), level(p.outputSigma()), e.rPar(), e.rPerp(),
                10, 3, lambda, 4000, 42, 2);
        assertEquals(4, r.comparisons().size());
        assertAgree(r);
        assertTrue(e.rPar() != 0 && Math.abs(e.rPar()) > 1e-3, solver + " should show a discretisation error on 10 steps, r_par=" + e.rPar());
    }

    @ParameterizedTest
    @ValueSource(strings = {"euler-ancestral", "heun", "dpm2", "euler:s_churn=2,s_noise=1.2", "dpmpp-2s-ancestral"})
    void productTargetPropagationAgreesWithSimulation(String solver) {
        SolverProgram p = Solvers.parse(solver).program(PRODUCT_GRID);
        Mixture1D pi = Mixture1D.defaultFactor();
        var oneD = SolverProductError.oneDimensional(p, pi);
        SimulationCheck.Report r = SimulationCheck.productSubspace(new SolverSampler(p, true), level(p.outputSigma()), oneD,
                SolverProductError.rPerp(p), 10, 3, pi, 4000, 42, 2);
        assertAgree(r);
        ProductTargetError e = SolverProductError.compute(p, 10, 3, pi, 0, 1);
        assertTrue(e.kl1D() > 0 && e.refinement().converged(), e.toString());
    }

    @Test
    void productTargetRejectsMultistepSolvers() {
        SolverProgram p = Solvers.parse("dpmpp-2m").program(GRID);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SolverProductError.oneDimensional(p, Mixture1D.defaultFactor()))
                .getMessage().contains("single-step"));
    }

    @Test
    void everySamplerKeepsTheComplementExactInTheVarianceExplodingView() {
        // the complement's noised law is N(0, sigma^2) and D = 0 there, so every consistent step maps sigma z to sigma' z
        for (String name : org.diffold.core.solver.Solvers.NAMES) {
            SolverGaussianError e = SolverGaussianError.compute(Solvers.parse(name).program(GRID), 1000, 8, 1);
            assertTrue(Math.abs(e.rPerp()) < 1e-13, name + " r_perp=" + e.rPerp());
        }
        // ... unless the start or the noise is off: init=vp starts at sqrt(1 + sigma_0^2) and an ODE keeps the ratio
        SolverGaussianError vp = SolverGaussianError.compute(Solvers.parse("euler:init=vp").program(GRID), 1000, 8, 1);
        assertEquals(1 / (GRID.sigmaMax() * GRID.sigmaMax()), vp.rPerp(), 1e-13);
        assertEquals(992 * 0.5 * (Math.log1p(vp.rPerp()) - vp.rPerp() / (1 + vp.rPerp())), vp.klPerp(), 1e-12 * vp.klPerp());
        assertTrue(SolverGaussianError.compute(Solvers.parse("euler:s_churn=5,s_noise=1.007").program(GRID), 100, 8, 1).rPerp() > 1e-4);
    }

    @Test
    void repeatedLastSigmaMakesTheFinalStepANoOpAndLeavesNoise() {
        // diffusers' final_sigmas_type=sigma_min on Karras sigmas repeats sigma_min: the last step does nothing
        SigmaGrid repeated = SigmaGrids.parse("karras:sigma_min=0.05,sigma_max=10,final=sigma_min", 10);
        assertTrue(repeated.hasRepeats());
        for (String name : new String[] {"euler", "dpmpp-2m", "dpmpp-2m-sde:eta=0", "dpmpp-3m-sde:eta=0", "lms", "heun"}) {
            double a = ProgramCovariance.outputVariance(Solvers.parse(name).program(repeated), 1.5);
            double b = ProgramCovariance.outputVariance(Solvers.parse(name).program(GRID), 1.5);
            assertEquals(b, a, 1e-14 * b, name);
            SolverGaussianError e = SolverGaussianError.compute(Solvers.parse(name).program(repeated), 100, 8, 1.5);
            assertEquals(0.05, e.residualPerpStd(), 1e-14, name + ": the complement keeps noise sigma_min");
        }
    }

    @Test
    void finalZeroRemovesTheComplementNoiseAndResidualNoiseIsInfiniteKl() {
        SigmaGrid zero = SigmaGrids.parse("karras:sigma_min=0.05,sigma_max=10", 6);
        for (String name : org.diffold.core.solver.Solvers.NAMES) {
            SolverGaussianError e = SolverGaussianError.compute(Solvers.parse(name).program(zero), 100, 8, 1.5);
            assertEquals(0, e.klPerp(), name + " residual " + e.residualPerpStd());
            assertTrue(Double.isFinite(e.kl()) && e.kl() > 0, name + " " + e);
        }
        // a final step that is a no-op but is read as the data (what a repeated last sigma does to a user expecting
        // sigma = 0): the complement keeps noise 0.05 against a point mass, so KL is infinite and TV is 1
        SolverProgram.Builder b = new SolverProgram.Builder("euler without its last step", 2, 10);
        double[] s = {10, 1, 0.05};
        for (int i = 0; i < 2; i++) {
            b.step(s[i], s[i + 1]).denoise(1, 0, s[i]).combine(0, 0, s[i + 1], 0, s[i + 1] / s[i], 1, 1 - s[i + 1] / s[i]);
        }
        SolverGaussianError noisy = SolverGaussianError.compute(b.build(0), 100, 8, 1.5);
        assertEquals(Double.POSITIVE_INFINITY, noisy.kl());
        assertEquals(1, noisy.tv());
        assertEquals(0.05, noisy.residualPerpStd(), 1e-15);
        assertTrue(Double.isFinite(noisy.klParallel()));
    }

    @Test
    void samplerIsBitIdenticalForAnyThreadCountAndBatchSplit() {
        SolverSampler s = new SolverSampler(Solvers.parse("dpmpp-2m-sde").program(GRID), false);
        var target = new GaussianSubspaceTarget(Subspace.random(12, 3, new RandomStreams(5).stream(0)), 1);
        double[] one = new double[70 * 12], three = new double[70 * 12], split = new double[70 * 12];
        s.sample(target.score(), new RandomStreams(9), 0, 70, one, 1, null);
        s.sample(target.score(), new RandomStreams(9), 0, 70, three, 3, null);
        double[] a = new double[33 * 12], b = new double[37 * 12];
        s.sample(target.score(), new RandomStreams(9), 0, 33, a, 2, null);
        s.sample(target.score(), new RandomStreams(9), 33, 37, b, 2, null);
        System.arraycopy(a, 0, split, 0, a.length);
        System.arraycopy(b, 0, split, a.length, b.length);
        assertArrayEquals(one, three);
        assertArrayEquals(one, split);
    }
}
