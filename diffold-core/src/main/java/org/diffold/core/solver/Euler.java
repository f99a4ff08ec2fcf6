package org.diffold.core.solver;

import org.diffold.core.sigma.SigmaGrid;

/**
 * {@code euler}: Karras et al. 2206.00364 Algorithm 2 with Euler steps (k-diffusion sample_euler; diffusers
 * EulerDiscreteScheduler), docs/math.md §3.3. Per step: churn sigma_hat = sigma_i (1 + gamma_i) with
 * x += s_noise sqrt(sigma_hat^2 - sigma_i^2) Z when gamma_i &gt; 0; d = (x - D(x, sigma_hat)) / sigma_hat;
 * x += d (sigma_{i+1} - sigma_hat). Settings: s_churn, s_tmin, s_tmax, s_noise, init.
 */
public final class Euler implements Solver {
    private final SolverSettings s;

    /** Euler with the settings. */
    public Euler(SolverSettings settings) {
        settings.only("euler", "s_churn", "s_tmin", "s_tmax", "s_noise", "init");
        this.s = settings;
    }

    @Override public String name() { return s.describe("euler"); }

    @Override
    public SolverProgram program(SigmaGrid g) {
        SolverProgram.Builder b = new SolverProgram.Builder(name() + " on " + g.description(), 2, s.initStd(g.sigmaMax())).historyFree();
        int n = g.steps();
        for (int i = 0; i < n; i++) {
            double next = g.sigma(i + 1);
            b.step(g.sigma(i), next);
            double hat = Steps.churn(b, s, g.sigma(i), n);
            b.denoise(1, 0, hat);
            Steps.euler(b, 0, 0, 1, hat, next, 0, next);
        }
        return b.build(g.outputSigma());
    }
}
