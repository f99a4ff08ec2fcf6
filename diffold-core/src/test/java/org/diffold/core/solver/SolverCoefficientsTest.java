package org.diffold.core.solver;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.diffold.core.error.solver.ProgramCovariance;
import org.diffold.core.sigma.SigmaGrid;
import org.diffold.core.sigma.SigmaGrids;
import org.junit.jupiter.api.Test;

/** Each solver's coefficients against its closed form on grids small enough to work by hand (docs/math.md §3.3). */
class SolverCoefficientsTest {
    private static final SigmaGrid THREE = new SigmaGrid("list", new double[] {4, 2, 1, 0.5});

    /** Index of the k-th combine into register 0. */
    private static int xCombine(SolverProgram p, int k) {
        for (int op = 0, seen = 0; op < p.size(); op++) {
            if (p.kind(op) == SolverProgram.COMBINE && p.dst(op) == 0 && seen++ == k) return op;
        }
        throw new AssertionError("no combine " + k);
    }

    @Test
    void eulerStepIsTheRatioOfSigmas() {
        SolverProgram p = Solvers.parse("euler").program(THREE);
        assertEquals(3, p.evaluations());
        assertArrayEquals(new double[] {0.5, 0.5}, p.coefficients(xCombine(p, 0)), 1e-15); // x' = (2/4) x + (1 - 2/4) D
        assertEquals(4, p.initStd());
    }

    @Test
    void heunAveragesTheTwoSlopes() {
        SolverProgram p = Solvers.parse("heun").program(THREE);
        // x' = x + dt/2 [(x - D1)/4 + (x2 - D3)/2], dt = -2
        assertArrayEquals(new double[] {1 - 0.25, 0.25, -0.5, 0.5}, p.coefficients(xCombine(p, 0)), 1e-15);
        assertEquals(6, p.evaluations());
        // plain Euler to sigma = 0 on the last step (one evaluation)
        assertEquals(3, Solvers.parse("heun").program(SigmaGrids.parse("list:4,2,0", 0)).evaluations());
    }

    @Test
    void dpmpp2mUsesTheRatioOfLogSteps() {
        SolverProgram p = Solvers.parse("DPM++ 2M").program(THREE);
        // first step first order: x' = (2/4) x - expm1(-ln 2) D = 0.5 x + 0.5 D
        double[] first = p.coefficients(xCombine(p, 0));
        assertEquals(0.5, first[0], 1e-15);
        assertEquals(0.5, first[1] + first[2], 1e-15);
        // second step: h = h_last = ln 2, r = 1, D' = 1.5 D_1 - 0.5 D_0, phi = 1/2
        double[] second = p.coefficients(xCombine(p, 1));
        assertEquals(0.5, second[0], 1e-15);
        assertEquals(0.75, second[Steps.ring(1, 2, 1)], 1e-15);
        assertEquals(-0.25, second[Steps.ring(1, 2, 0)], 1e-15);
    }

    @Test
    void lmsCoefficientsIntegrateTheLagrangeBasis() {
        double[] t = {4, 2, 1, 0.5};
        // order 1: c = t1 - t0; order 2 at i = 1: c_1 = (h^2/2)/(t_0 - t_1) with h = t_2 - t_1, c_0 = h - c_1
        assertEquals(-2, Lms.coefficient(t, 0, 0, 1), 1e-15);
        double h = -1, c1 = (h * h / 2) / (t[0] - t[1]);
        assertEquals(0.25, c1, 1e-15);
        assertEquals(c1, Lms.coefficient(t, 1, 1, 2), 1e-15);
        assertEquals(h - c1, Lms.coefficient(t, 1, 0, 2), 1e-15);
        // the basis sums to 1, so the coefficients of any order sum to the step
        double sum = 0;
        for (int j = 0; j < 3; j++) sum += Lms.coefficient(t, 2, j, 3);
        assertEquals(t[3] - t[2], sum, 1e-15);
    }

    @Test
    void ancestralSplitKeepsTheVariance() {
        for (double eta : new double[] {0, 0.5, 1}) {
            double[] du = Steps.ancestral(3, 1, eta);
            assertEquals(1, du[0] * du[0] + du[1] * du[1], 1e-15);
        }
        assertEquals(Math.sqrt(8.0 / 9), Steps.ancestral(3, 1, 1)[1], 1e-15);
    }

    @Test
    void ddimIsEulerAndEulerAncestralInTheVarianceExplodingView() {
        SigmaGrid g = SigmaGrids.parse("trailing:schedule=scaled_linear,final=zero", 8);
        assertProgramsEqual(Solvers.parse("euler").program(g), Solvers.parse("ddim").program(g));
        assertProgramsEqual(Solvers.parse("euler-a:eta=0.5").program(g), Solvers.parse("ddim:eta=0.5").program(g));
    }

    @Test
    void firstOrderMembersCoincide() {
        SigmaGrid g = SigmaGrids.parse("karras:final=none", 12);
        double euler = ProgramCovariance.outputVariance(Solvers.parse("euler").program(g), 1.3);
        assertEquals(euler, ProgramCovariance.outputVariance(Solvers.parse("unipc:order=1,corrector=false").program(g), 1.3), 1e-12 * euler);
        assertEquals(euler, ProgramCovariance.outputVariance(Solvers.parse("lms:order=1").program(g), 1.3), 1e-12 * euler);
        assertEquals(euler, ProgramCovariance.outputVariance(Solvers.parse("dpmpp-2m-sde:eta=0").program(SigmaGrids.parse("list:80,1e-300", 0)), 1.3),
                1e-9 * euler + 1);
    }

    @Test
    void uniPcWeightsSolveTheirVandermondeSystem() {
        double[] rk = {-0.7, 1};
        double hh = -0.3, bh = Math.expm1(hh);
        double[] b = UniPc.bVector(hh, bh, 2);
        double[] rho = UniPc.solve(rk, b, 2);
        assertEquals(b[0], rho[0] + rho[1], 1e-14);
        assertEquals(b[1], rho[0] * rk[0] + rho[1] * rk[1], 1e-14);
        // b_1 = (expm1(hh)/hh - 1)/B(h); for small h it tends to 1/2 (the simplified order-2 weight)
        assertEquals(0.5, UniPc.bVector(-1e-6, Math.expm1(-1e-6), 1)[0], 1e-6);
    }

    @Test
    void spellingsAndBadSettings() {
        for (String s : new String[] {"sample_dpmpp_2m", "k_dpmpp_2m", "DPM++ 2M", "DPMSolverMultistepScheduler", "dpmpp-2m"}) {
            assertEquals("dpmpp-2m", Solvers.canonical(s), s);
        }
        assertEquals("euler-ancestral", Solvers.canonical("Euler a"));
        assertEquals("euler-ancestral", Solvers.canonical("EulerAncestralDiscreteScheduler"));
        assertEquals("dpm2-ancestral", Solvers.canonical("sample_dpm_2_ancestral"));
        assertEquals("unipc", Solvers.canonical("UniPCMultistepScheduler"));
        for (String n : Solvers.NAMES) assertEquals(n, Solvers.parse(n).name());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Solvers.parse("euler:eta=1")).getMessage().contains("eta"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Solvers.parse("dpmpp-2m-sde:solver_type=rk4")).getMessage().contains("rk4"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Solvers.parse("bogus")).getMessage().contains("dpmpp-2m"));
    }

    @Test
    void predictionTypesRoundTrip() {
        double x = 0.7, x0 = -1.1, abar = 0.36;
        for (PredictionType t : PredictionType.values()) {
            assertEquals(x0, t.toDenoised(x, t.fromDenoised(x, x0, abar), abar), 1e-14, t.name());
        }
        // eps of a point with x0 known: x = 0.6 x0 + 0.8 eps
        assertEquals((x - 0.6 * x0) / 0.8, PredictionType.EPSILON.fromDenoised(x, x0, abar), 1e-14);
        assertEquals(0.6 * (x - 0.6 * x0) / 0.8 - 0.8 * x0, PredictionType.V_PREDICTION.fromDenoised(x, x0, abar), 1e-14);
        assertEquals(PredictionType.V_PREDICTION, PredictionType.parse("v"));
    }

    private static void assertProgramsEqual(SolverProgram a, SolverProgram b) {
        assertEquals(a.size(), b.size());
        for (int op = 0; op < a.size(); op++) {
            assertEquals(a.kind(op), b.kind(op));
            assertArrayEquals(a.coefficients(op), b.coefficients(op), 1e-12, "op " + op);
            assertEquals(a.noise(op), b.noise(op), 1e-12, "op " + op);
        }
    }
}
