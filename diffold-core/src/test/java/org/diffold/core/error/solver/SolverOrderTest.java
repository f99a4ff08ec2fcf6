package org.diffold.core.error.solver;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.diffold.core.sigma.SigmaGrid;
import org.diffold.core.sigma.SigmaSchedules;
import org.diffold.core.solver.Solvers;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Measured convergence orders on a smooth Gaussian problem (docs/math.md §3.3, §4.2): one coordinate with data law
 * N(0, 1), exact denoiser D = x / (1 + sigma^2), log-uniform sigmas from sigma_0 down to 0.05 (no final zero). The
 * exact probability-flow ODE dx/dsigma = sigma x / (1 + sigma^2) maps x(sigma_0) to
 * x(sigma_0) sqrt((1 + 0.05^2) / (1 + sigma_0^2)); the error is |v / v_flow - 1| for the solver's output variance v
 * from the same start, and the order is log2 of the error ratio from N to 2N steps.
 *
 * <p>Multistep methods of order &gt; 2 start with lower-order steps (k-diffusion's warm-up) and end with a first-order
 * step (diffusers' lower_order_final); each such step has local error O(h^2), so their asymptotic global order is 2.
 * LMS's fourth-order body shows when the warm-up steps fall where the flow is nearly linear in sigma (sigma_0 = 1000).
 */
class SolverOrderTest {
    static double error(String solver, int n, double sigma0) {
        SigmaGrid g = new SigmaGrid("exponential", SigmaSchedules.exponential(n + 1, 0.05, sigma0));
        double flow = sigma0 * sigma0 * (1 + 0.05 * 0.05) / (1 + sigma0 * sigma0);
        return Math.abs(ProgramCovariance.outputVariance(Solvers.parse(solver).program(g), 1) / flow - 1);
    }

    @ParameterizedTest
    @CsvSource({"euler, 1, 5, 80", "heun, 2, 5, 80", "dpmpp-2m, 2, 5, 80", "dpm2, 2, 5, 80", "dpmpp-2m-sde:eta=0, 2, 5, 80",
            "lms, 4, 1000, 320", "dpmpp-3m-sde:eta=0, 2, 5, 320", "unipc:order=3, 2, 5, 320"})
    void orderIsMeasured(String solver, int order, double sigma0, int n) {
        double e1 = error(solver, n, sigma0), e2 = error(solver, 2 * n, sigma0);
        double p = Math.log(e1 / e2) / Math.log(2);
        assertEquals(order, p, 0.15, solver + " measured order " + p + " (errors " + e1 + ", " + e2 + ")");
    }
}
