package org.diffold.core.solver;

import org.diffold.core.sigma.SigmaGrid;

/**
 * The loop of Karras et al. 2206.00364 Algorithm 2 that {@link Euler}, {@link Heun} and {@link Dpm2} share
 * (docs/math.md §3.3): per step the churn sigma_hat = sigma_i (1 + gamma_i) with its noise, D(x, sigma_hat) into R_1,
 * then the method's own step to sigma_{i+1}; a step to sigma = 0 is a plain Euler step for every method.
 * Settings: s_churn, s_tmin, s_tmax, s_noise, init.
 */
abstract class ChurnSolver implements Solver {
    private final String cliName;
    private final int registers;
    final SolverSettings s;

    ChurnSolver(String cliName, int registers, SolverSettings settings) {
        settings.only(cliName, "s_churn", "s_tmin", "s_tmax", "s_noise", "init");
        this.cliName = cliName;
        this.registers = registers;
        this.s = settings;
    }

    @Override public final String name() { return s.describe(cliName); }

    @Override
    public final SolverProgram program(SigmaGrid g) {
        SolverProgram.Builder b = new SolverProgram.Builder(name() + " on " + g.description(), registers, s.initStd(g.sigmaMax())).historyFree();
        int n = g.steps();
        for (int i = 0; i < n; i++) {
            double next = g.sigma(i + 1);
            b.step(g.sigma(i), next);
            double hat = Steps.churn(b, s, g.sigma(i), n);
            b.denoise(1, 0, hat);
            if (next == 0) {
                Steps.euler(b, 0, 0, 1, hat, next, 0, next);
            } else {
                step(b, hat, next);
            }
        }
        return b.build(g.outputSigma());
    }

    /** The method's step of R_0 from sigma_hat to {@code next} > 0, given D(x, sigma_hat) in R_1. */
    abstract void step(SolverProgram.Builder b, double hat, double next);
}
