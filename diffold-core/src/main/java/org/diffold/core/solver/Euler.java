package org.diffold.core.solver;

/**
 * {@code euler}: Karras et al. 2206.00364 Algorithm 2 with Euler steps (k-diffusion sample_euler; diffusers
 * EulerDiscreteScheduler), docs/math.md §3.3. Per step: churn sigma_hat = sigma_i (1 + gamma_i) with
 * x += s_noise sqrt(sigma_hat^2 - sigma_i^2) Z when gamma_i &gt; 0; d = (x - D(x, sigma_hat)) / sigma_hat;
 * x += d (sigma_{i+1} - sigma_hat). Settings: s_churn, s_tmin, s_tmax, s_noise, init.
 */
public final class Euler extends ChurnSolver {
    /** Euler with the settings. */
    public Euler(SolverSettings settings) {
        super("euler", 2, settings);
    }

    @Override
    void step(SolverProgram.Builder b, double hat, double next) {
        Steps.euler(b, 0, 0, 1, hat, next, 0, next);
    }
}
